#!/usr/bin/env python3
"""End-to-end check of the Whisper service with synthetic speech (stdlib only).

Makes WAV (espeak-ng) and OGG/Opus (ffmpeg) files of known sentences, posts them to
/asr and /v1/audio/transcriptions, measures word error rate and real-time factor,
and checks that empty / corrupt uploads get a clear 4xx.

    python3 infra/whisper/smoke_test.py --url http://127.0.0.1:9000   # a running server
    python3 infra/whisper/smoke_test.py --start                      # start + stop one
    options: --long (add a ~60 s passage for RTF), --max-wer 0.35, --model tiny.en

Exit 0 when every check passes; prints 'N passed, N failed' at the end.
Needs espeak-ng and ffmpeg on PATH (apt-get install -y espeak-ng ffmpeg).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

SENTENCES = [
    "The quick brown fox jumps over the lazy dog. "
    "Please send the quarterly report to Maria before Friday.",
    "Our meeting starts at ten tomorrow morning in the small conference room.",
    "Could everyone please mute their microphones when they are not speaking?",
    "We need to finish the budget review and share the slides with the design team.",
]
LONG = (
    "Good morning everyone, and thank you for joining the weekly planning meeting. "
    "First, let us review the action items from last week. The design team finished the new "
    "landing page, and the feedback from customers has been very positive. The engineering team "
    "fixed the audio problems that some people reported on older laptops. Next, we need to talk "
    "about the budget for the next quarter. Marketing would like to spend more on video "
    "advertising, while sales would prefer to hire two new account managers. I suggest that we "
    "collect a short proposal from each team by Wednesday, and then make a decision together on "
    "Friday afternoon. Finally, please remember that the office will be closed next Monday for "
    "the holiday. If you have any questions, send me a message or add them to the shared "
    "document. One more thing: the new video meeting system is now available for every team, "
    "so please try it this week and tell us what works and what does not. "
    "Thank you, and have a great week."
)


NUMBERS = dict(enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                         "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                         .split()))


def words(s: str) -> list[str]:
    """Lower-case, drop punctuation, spell out 0-20 (Whisper writes '10' for 'ten')."""
    ws = re.sub(r"[^a-z0-9' ]+", " ", s.lower().replace("-", " ")).split()
    return [NUMBERS.get(int(w), w) if w.isdigit() else w for w in ws]


def wer(ref: str, hyp: str) -> tuple[float, int, int]:
    r, h = words(ref), words(hyp)
    d = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(h) + 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (r[i - 1] != h[j - 1]))
            prev, d[j] = d[j], cur
    return d[len(h)] / max(1, len(r)), d[len(h)], len(r)


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    b = "----stoom" + uuid.uuid4().hex
    out = bytearray()
    for k, vs in fields.items():
        for v in (vs if isinstance(vs, list) else [vs]):
            out += (f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").encode()
    for k, (name, data) in files.items():
        out += (f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\n"
                f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{b}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={b}"


def post(url: str, fields: dict, files: dict, timeout: float = 600):
    body, ctype = multipart(fields, files)
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read().decode(), time.monotonic() - t0
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode(), time.monotonic() - t0


def synth(text: str, wav: Path) -> float:
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), text], check=True)
    ogg = wav.with_suffix(".ogg")
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(wav), "-c:a", "libopus",
                    "-b:a", "24k", str(ogg)], check=True)
    return (wav.stat().st_size - 44) / 2 / 22050  # espeak-ng: 22.05 kHz mono s16


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url")
    ap.add_argument("--start", action="store_true")
    ap.add_argument("--model")
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--max-wer", type=float, default=0.35)
    a = ap.parse_args()
    for tool in ("espeak-ng", "ffmpeg"):
        if not shutil.which(tool):
            print(f"missing {tool}: apt-get install -y espeak-ng ffmpeg", file=sys.stderr)
            return 2
    proc = None
    url = a.url
    if not url:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = dict(os.environ, HF_HUB_OFFLINE="1")
        if a.model:
            env["WHISPER_MODEL"] = a.model
        py = ROOT / ".venv-whisper" / "bin" / "python"
        proc = subprocess.Popen([str(py), str(HERE / "server.py"), "--host", "127.0.0.1",
                                 "--port", str(port)], env=env, start_new_session=True)
        for _ in range(240):
            try:
                urllib.request.urlopen(url + "/health", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None:
                    print("server exited early", file=sys.stderr)
                    return 1
                time.sleep(0.5)
    passed = failed = 0

    def check(name: str, ok: bool, info: str = ""):
        nonlocal passed, failed
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name} {info}")

    try:
        health = json.loads(urllib.request.urlopen(url + "/health", timeout=5).read())
        check("health", health.get("status") == "ok", f"model={health.get('model')}")
        tmp = Path(tempfile.mkdtemp(prefix="stoom-whisper-"))
        errs = refs = 0
        asr = url + "/asr?task=transcribe&language=en&output=json&word_timestamps=true" \
                    "&vad_filter=false&encode=true"
        for i, text in enumerate(SENTENCES, 1):
            wav = tmp / f"s{i}.wav"
            dur = synth(text, wav)
            for path in (wav, wav.with_suffix(".ogg")):
                st, hd, body, secs = post(asr, {}, {"audio_file": (path.name, path.read_bytes())})
                ok = st == 200 and hd.get("content-type", "").startswith("text/plain")
                try:
                    js = json.loads(body)
                    hyp = js["text"]
                    segs = js["segments"]
                    ok = ok and js["language"] == "en" and all(
                        {"id", "seek", "start", "end", "text", "tokens", "temperature",
                         "avg_logprob", "compression_ratio", "no_speech_prob", "words"} <= set(s)
                        for s in segs) and all(
                        {"start", "end", "word", "probability"} <= set(w)
                        for s in segs for w in (s["words"] or []))
                except (ValueError, KeyError):
                    hyp, ok = body, False
                w, e, n = wer(text, hyp)
                if path.suffix == ".wav":
                    errs, refs = errs + e, refs + n
                check(f"/asr json {path.name}", ok and w <= a.max_wer,
                      f"WER={w:.2f} {secs:.1f}s/{dur:.1f}s audio | {hyp.strip()!r}")
        check("WER over sentences (wav)", errs / refs <= a.max_wer,
              f"{errs}/{refs} = {errs / refs:.3f}")

        st, hd, body, _ = post(url + "/asr?output=txt&language=en", {},
                               {"audio_file": ("s2.ogg", (tmp / "s2.ogg").read_bytes())})
        check("/asr txt", st == 200 and "conference" in body.lower(), repr(body.strip()))
        st, hd, body, _ = post(url + "/asr?output=vtt&language=en", {},
                               {"audio_file": ("s3.ogg", (tmp / "s3.ogg").read_bytes())})
        check("/asr vtt", st == 200 and body.startswith("WEBVTT") and "-->" in body,
              repr(body[:60]))

        st, hd, body, _ = post(url + "/v1/audio/transcriptions",
                               {"model": "whisper-1", "language": "en",
                                "response_format": "verbose_json",
                                "timestamp_granularities[]": ["word", "segment"]},
                               {"file": ("s4.ogg", (tmp / "s4.ogg").read_bytes())})
        ok = False
        try:
            js = json.loads(body)
            ok = st == 200 and js["task"] == "transcribe" and js["duration"] > 1 \
                and js["segments"] and js["words"] and "budget" in js["text"].lower()
        except (ValueError, KeyError):
            pass
        check("/v1/audio/transcriptions verbose_json", ok, body[:120])
        st, hd, body, _ = post(url + "/v1/audio/transcriptions", {"model": "whisper-1"},
                               {"file": ("s1.wav", (tmp / "s1.wav").read_bytes())})
        check("/v1/audio/transcriptions json", st == 200 and set(json.loads(body)) == {"text"},
              body[:100])

        st, hd, body, secs = post(asr, {}, {"audio_file": ("empty.wav", b"")})
        check("empty file -> 4xx", 400 <= st < 500 and secs < 10, f"{st} {body[:100]}")
        st, hd, body, secs = post(asr, {}, {"audio_file": ("junk.ogg", os.urandom(50_000))})
        check("corrupt file -> 4xx", 400 <= st < 500 and secs < 30, f"{st} {body[:100]}")
        trunc = (tmp / "s1.ogg").read_bytes()[:300]
        st, hd, body, secs = post(asr, {}, {"audio_file": ("trunc.ogg", trunc)})
        check("truncated ogg -> 4xx or 200", st in (200, 400) and secs < 30, f"{st} {body[:80]}")
        st, hd, body, _ = post(url + "/v1/audio/transcriptions", {"model": "whisper-1"},
                               {"file": ("junk.webm", b"not audio at all")})
        check("openai corrupt -> 4xx", 400 <= st < 500 and "error" in body, f"{st} {body[:100]}")

        if a.long:
            wav = tmp / "long.wav"
            dur = synth(LONG, wav)
            st, hd, body, secs = post(asr, {}, {"audio_file": ("long.ogg",
                                                               wav.with_suffix(".ogg").read_bytes())})
            proc_s = float(hd.get("x-processing-seconds", secs))
            w, e, n = wer(LONG, json.loads(body)["text"]) if st == 200 else (1, 0, 0)
            check("long passage", st == 200 and w <= a.max_wer,
                  f"{dur:.1f}s audio, processing {proc_s:.1f}s (RTF {proc_s / dur:.2f}), "
                  f"wall {secs:.1f}s, WER {w:.3f} ({e}/{n})")
        shutil.rmtree(tmp, ignore_errors=True)
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
