#!/usr/bin/env python3
"""Smoke test for the local OpenAI-compatible LLM server (infra/llm/serve.sh).

Starts nothing. Sends POST {url}/v1/chat/completions with OpenAI's structured-output
shape

    "response_format": {"type": "json_schema",
                        "json_schema": {"name": "insights", "strict": true, "schema": {...}}}

for a short 6-line meeting transcript whose lines carry ids [1]..[6], then checks
that the reply is JSON matching the schema and that every citation is one of the
transcript's ids. Prints the wall time, the `usage` field and llama-server's
`timings` (prompt / generation tokens per second).

    python3 infra/llm/smoke_test.py                          # http://127.0.0.1:9100
    python3 infra/llm/smoke_test.py --url http://127.0.0.1:9100 --long

--long also sends a generated ~6k-token, 30-minute meeting transcript (the size
of a real meeting) with the same schema and reports how long it takes.
Standard library only. Last line: "N passed, N failed"; exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import urllib.error
import urllib.request

DEFAULT_URL = os.environ.get("LLM_URL", "http://127.0.0.1:9100")
DEFAULT_MODEL = os.environ.get("LLM_MODEL_ALIAS", "qwen2.5-coder-1.5b-instruct")

INSIGHTS_SCHEMA = {
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        "keyPoints": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "citations": {"type": "array", "items": {"type": "integer"}},
                },
                "required": ["text", "citations"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["summary", "keyPoints"],
    "additionalProperties": False,
}

SHORT_TRANSCRIPT = [
    (1, "Alice", "Good morning. Today we decide the launch date for the mobile app."),
    (2, "Bob", "QA found two crash bugs in the payment screen; fixing them takes about a week."),
    (3, "Alice", "Then we move the launch from March 3 to March 10."),
    (4, "Carol", "Marketing needs the final screenshots by March 5 for the store listing."),
    (5, "Bob", "I will send the screenshots on March 4, after the fixes are merged."),
    (6, "Alice", "Agreed. Carol, please update the press release with the new date."),
]

SYSTEM_PROMPT = (
    "You analyse meeting transcripts. Each transcript line starts with its segment id "
    "in square brackets, e.g. [3]. Reply with JSON only: a 'summary' of the meeting in "
    "2-4 sentences, and 'keyPoints': the decisions, action items and important facts, "
    "each with 'text' and 'citations' (the integer ids of the lines that support it). "
    "Give at most 8 key points. Cite only ids that appear in the transcript."
)


def format_transcript(lines: list[tuple[int, str, str]]) -> str:
    return "\n".join(f"[{i}] {who}: {text}" for i, who, text in lines)


def bounded_schema(max_points: int = 8, max_citations: int = 6) -> dict:
    """INSIGHTS_SCHEMA with maxItems / maxLength: the grammar then caps the output
    length (and so the generation time), also when a small model starts to loop."""
    s = json.loads(json.dumps(INSIGHTS_SCHEMA))
    s["properties"]["summary"]["maxLength"] = 1200
    s["properties"]["keyPoints"]["maxItems"] = max_points
    item = s["properties"]["keyPoints"]["items"]["properties"]
    item["text"]["maxLength"] = 300
    item["citations"]["maxItems"] = max_citations
    return s


def build_request(model: str, lines: list[tuple[int, str, str]], max_tokens: int,
                  schema: dict = INSIGHTS_SCHEMA) -> dict:
    return {
        "model": model,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": "Transcript:\n" + format_transcript(lines)},
        ],
        "temperature": 0.2,
        "max_tokens": max_tokens,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "insights", "strict": True, "schema": schema},
        },
    }


def validate(value, schema, path="$") -> list[str]:
    """Minimal JSON-schema check for the subset used above."""
    errs: list[str] = []
    t = schema.get("type")
    if t == "object":
        if not isinstance(value, dict):
            return [f"{path}: expected object, got {type(value).__name__}"]
        props = schema.get("properties", {})
        for k in schema.get("required", []):
            if k not in value:
                errs.append(f"{path}: missing required property {k!r}")
        if schema.get("additionalProperties") is False:
            for k in value:
                if k not in props:
                    errs.append(f"{path}: unexpected property {k!r}")
        for k, sub in props.items():
            if k in value:
                errs += validate(value[k], sub, f"{path}.{k}")
    elif t == "array":
        if not isinstance(value, list):
            return [f"{path}: expected array, got {type(value).__name__}"]
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errs.append(f"{path}: {len(value)} items > maxItems {schema['maxItems']}")
        for i, item in enumerate(value):
            errs += validate(item, schema.get("items", {}), f"{path}[{i}]")
    elif t == "string":
        if not isinstance(value, str):
            errs.append(f"{path}: expected string")
        elif "maxLength" in schema and len(value) > schema["maxLength"]:
            errs.append(f"{path}: longer than maxLength {schema['maxLength']}")
    elif t == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            errs.append(f"{path}: expected integer, got {value!r}")
    return errs


def post_json(url: str, body: dict, timeout: float) -> tuple[int, dict | str]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read().decode()
            status = r.status
    except urllib.error.HTTPError as e:
        raw, status = e.read().decode(errors="replace"), e.code
    try:
        return status, json.loads(raw)
    except json.JSONDecodeError:
        return status, raw


class Results:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"PASS {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}" + (f": {detail}" if detail else ""))
        return ok


def run_case(res: Results, base: str, model: str, name: str, lines: list[tuple[int, str, str]],
             max_tokens: int, timeout: float, schema: dict = INSIGHTS_SCHEMA) -> None:
    body = build_request(model, lines, max_tokens, schema)
    t0 = time.monotonic()
    try:
        status, reply = post_json(base + "/v1/chat/completions", body, timeout)
    except (urllib.error.URLError, OSError) as e:  # includes socket timeouts
        res.check(False, f"[{name}] POST /v1/chat/completions",
                  f"{type(e).__name__}: {e} after {time.monotonic() - t0:.0f} s (--timeout {timeout:.0f})")
        return
    wall = time.monotonic() - t0
    if not res.check(status == 200 and isinstance(reply, dict),
                     f"[{name}] POST /v1/chat/completions -> 200", f"HTTP {status}: {str(reply)[:500]}"):
        return
    usage = reply.get("usage", {})
    timings = reply.get("timings") or {}
    print(f"[{name}] wall {wall:.1f} s; usage {json.dumps(usage)}")
    if timings:
        print(f"[{name}] prompt {timings.get('prompt_n')} tok in {timings.get('prompt_ms', 0)/1000:.1f} s "
              f"({timings.get('prompt_per_second', 0):.1f} tok/s); generation {timings.get('predicted_n')} tok "
              f"in {timings.get('predicted_ms', 0)/1000:.1f} s ({timings.get('predicted_per_second', 0):.1f} tok/s)")
    res.check(isinstance(usage.get("prompt_tokens"), int) and isinstance(usage.get("completion_tokens"), int),
              f"[{name}] usage has prompt_tokens and completion_tokens", json.dumps(usage))
    choice = (reply.get("choices") or [{}])[0]
    content = (choice.get("message") or {}).get("content") or ""
    finish = choice.get("finish_reason")
    res.check(finish == "stop", f"[{name}] finish_reason == stop", f"got {finish!r} (max_tokens={max_tokens})")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as e:
        res.check(False, f"[{name}] content parses as JSON", f"{e}: {content[:300]!r}")
        return
    res.check(True, f"[{name}] content parses as JSON")
    errs = validate(data, schema)
    res.check(not errs, f"[{name}] reply matches the insights schema", "; ".join(errs[:5]))
    if errs:
        return
    ids = {i for i, _, _ in lines}
    cites = [c for kp in data["keyPoints"] for c in kp["citations"]]
    bad = sorted({c for c in cites if c not in ids})
    res.check(bool(data["summary"].strip()), f"[{name}] summary is not empty")
    res.check(len(data["keyPoints"]) > 0, f"[{name}] at least one key point")
    res.check(len(cites) > 0 and not bad, f"[{name}] citations are transcript ids",
              f"unknown ids {bad}" if bad else "no citations at all")
    print(f"[{name}] summary: {data['summary']}")
    for kp in data["keyPoints"][:12]:
        print(f"[{name}]   - {kp['text']} {kp['citations']}")
    if len(data["keyPoints"]) > 12:
        print(f"[{name}]   ... {len(data['keyPoints']) - 12} more")


# ---------------------------------------------------------------- long transcript
_PEOPLE = ["Alice", "Bob", "Carol", "Dmitri", "Esther", "Farid"]
_TOPICS = [
    ("the Q3 budget", ["cloud costs grew 18 percent", "the CDN contract renews in September",
                       "we can cut staging clusters at night", "finance wants numbers by Friday"]),
    ("the mobile release", ["two crash bugs remain in checkout", "the iOS review takes three days",
                            "Android beta feedback is positive", "release candidate is planned for the 14th"]),
    ("hiring", ["we have two open backend roles", "the design candidate accepted the offer",
                "interview loops take too long", "referral bonus goes up next month"]),
    ("customer escalations", ["Acme reported slow exports", "the SLA breach was 40 minutes",
                              "support needs a status page", "root cause was a missing database index"]),
    ("the data migration", ["the old cluster is 70 percent migrated", "we need a rollback plan",
                            "dual writes start on Monday", "the cutover window is Saturday night"]),
    ("security review", ["two dependencies have known CVEs", "pen test is booked for next month",
                         "SSO enforcement is done for admins", "audit logs must be kept a year"]),
]
_OPENERS = ["I think", "From my side,", "Just to add,", "To be honest,", "Quick update:",
            "As far as I know,", "I checked and", "One concern is that", "Good point, and"]
_ACTIONS = ["I will write that up by Thursday.", "Can you own that, {p}?", "Let's decide that next week.",
            "I'll ping the vendor today.", "{p}, please add it to the tracker.", "Agreed, let's do it.",
            "We should double-check the numbers first.", "I'll send a summary to the channel."]


def long_transcript(target_tokens: int = 6000, seed: int = 7) -> list[tuple[int, str, str]]:
    """A deterministic ~30-minute meeting (~6k tokens for Qwen/Llama tokenizers)."""
    rnd = random.Random(seed)
    lines: list[tuple[int, str, str]] = []
    n = 1
    approx = 0
    ti = 0
    while approx < target_tokens * 4:  # ~4 characters per token
        topic, facts = _TOPICS[ti % len(_TOPICS)]
        ti += 1
        who = rnd.choice(_PEOPLE)
        lines.append((n, who, f"Next item is {topic}. Let's keep it to five minutes.")); n += 1
        for _ in range(rnd.randint(7, 11)):
            who = rnd.choice(_PEOPLE)
            other = rnd.choice([p for p in _PEOPLE if p != who])
            text = f"{rnd.choice(_OPENERS)} {rnd.choice(facts)}."
            if rnd.random() < 0.5:
                text += " " + rnd.choice(_ACTIONS).format(p=other)
            lines.append((n, who, text)); n += 1
        approx = sum(len(f"[{i}] {w}: {t}\n") for i, w, t in lines)
    return lines


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default=DEFAULT_URL, help=f"base URL (default {DEFAULT_URL})")
    ap.add_argument("--model", default=DEFAULT_MODEL, help=f"model name (default {DEFAULT_MODEL})")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per request")
    ap.add_argument("--long", action="store_true", help="also send a ~6k-token transcript")
    ap.add_argument("--long-tokens", type=int, default=6000)
    a = ap.parse_args(argv)
    base = a.url.rstrip("/")
    if base.endswith("/v1"):
        base = base[:-3]
    res = Results()
    try:
        with urllib.request.urlopen(base + "/v1/models", timeout=30) as r:
            models = json.loads(r.read().decode())
        ids = [m.get("id") for m in models.get("data", [])]
        res.check(a.model in ids, f"GET /v1/models lists {a.model!r}", f"got {ids}")
    except (urllib.error.URLError, OSError, ValueError) as e:
        res.check(False, "GET /v1/models", f"{e} (is the server running? see infra/llm/README.md)")
        print(f"{res.passed} passed, {res.failed} failed")
        return 1
    run_case(res, base, a.model, "short", SHORT_TRANSCRIPT, 1024, a.timeout)
    if a.long:
        lines = long_transcript(a.long_tokens)
        print(f"[long] {len(lines)} transcript lines")
        run_case(res, base, a.model, "long", lines, 2048, a.timeout, bounded_schema())
    print(f"{res.passed} passed, {res.failed} failed")
    return 0 if res.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
