"""Stoom local Whisper service: the HTTP contract of onerahmet/openai-whisper-asr-webservice
(ASR_ENGINE=faster_whisper) plus an OpenAI-compatible /v1/audio/transcriptions, backed by
faster-whisper with a model shipped in a PyPI package (see README.md).

    .venv-whisper/bin/python infra/whisper/server.py --host 127.0.0.1 --port 9000

Env: WHISPER_MODEL (registry name "base" | "tiny.en" or a model directory; default base),
     WHISPER_COMPUTE_TYPE (int8), WHISPER_THREADS (2), WHISPER_MAX_QUEUE (8),
     WHISPER_MAX_UPLOAD_MB (200), WHISPER_BEAM_SIZE (5, as production).
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the Hugging Face hub
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import argparse
import asyncio
import io
import json
import logging
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Optional

sys.dont_write_bytecode = True  # keep infra/whisper/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import av  # noqa: E402
import faster_whisper  # noqa: E402
from faster_whisper import WhisperModel, decode_audio  # noqa: E402
from faster_whisper.utils import format_timestamp  # noqa: E402
from fastapi import FastAPI, File, Query, Request, UploadFile  # noqa: E402
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response  # noqa: E402

import languages  # noqa: E402
import models  # noqa: E402

log = logging.getLogger("stoom-whisper")
SAMPLE_RATE = 16000


class ClientError(Exception):
    """Problem with the request (bad audio, bad parameter): HTTP 4xx."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


# ----------------------------------------------------------------------------- engine

@dataclass
class Result:
    segments: list          # faster_whisper Segment dataclasses
    language: str
    language_probability: float
    duration: float
    processing: float       # seconds spent decoding + transcribing

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


class Engine:
    """One model, one worker thread: requests are queued and run one at a time."""

    def __init__(self, model: str | None, compute_type: str, threads: int, max_queue: int,
                 beam_size: int):
        self.model_name, self.model_dir = models.resolve(model)
        self.compute_type = compute_type
        self.threads = threads
        self.max_queue = max_queue
        self.beam_size = beam_size
        t0 = time.monotonic()
        self.model = WhisperModel(str(self.model_dir), device="cpu", compute_type=compute_type,
                                  cpu_threads=threads, num_workers=1, local_files_only=True)
        self.load_seconds = time.monotonic() - t0
        self.multilingual = bool(self.model.model.is_multilingual)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        self._lock = threading.Lock()
        self.waiting = 0
        self.running = 0
        self.done = 0
        self.failed = 0
        self.audio_seconds = 0.0
        self.processing_seconds = 0.0
        log.info("loaded model %s from %s (compute_type=%s, threads=%d) in %.1fs",
                 self.model_name, self.model_dir, compute_type, threads, self.load_seconds)
        self.warm_seconds = self._warm_up()

    def _warm_up(self) -> float:
        """One pass on a second of quiet noise before the service answers: a fresh process's first
        pass pays for CTranslate2's set-up and the model's pages (12 s once on a loaded 2-core
        machine, against ~1 s after), which a live caption must not."""
        t0 = time.monotonic()
        quiet = np.random.default_rng(0).normal(0, 0.003, SAMPLE_RATE).astype(np.float32)
        segments, _ = self.model.transcribe(quiet, beam_size=1, language="en")
        list(segments)
        seconds = time.monotonic() - t0
        log.info("warmed up in %.1fs", seconds)
        return seconds

    # -- audio
    @staticmethod
    def decode(data: bytes, encode: bool = True) -> np.ndarray:
        if not data:
            raise ClientError("empty audio file (0 bytes)")
        looks_like_container = data[:4] in (b"RIFF", b"OggS", b"fLaC", b"\x1aE\xdf\xa3", b"ID3\x03",
                                            b"ID3\x04", b"FORM") or data[4:8] == b"ftyp"
        if not encode and not looks_like_container:
            # Production semantics: encode=false means raw 16 kHz mono s16le PCM.
            if len(data) % 2:
                data = data[:-1]
            audio = np.frombuffer(data, np.int16).astype(np.float32) / 32768.0
        else:
            try:
                audio = decode_audio(io.BytesIO(data), sampling_rate=SAMPLE_RATE)
            except (av.FFmpegError, ValueError, IndexError, StopIteration, OSError) as e:
                raise ClientError(f"could not decode audio: {type(e).__name__}: {e}") from e
            except Exception as e:  # PyAV raises various things on garbage input
                raise ClientError(f"could not decode audio: {type(e).__name__}: {e}") from e
        if audio.size == 0:
            raise ClientError("no audio samples could be decoded from the file")
        return audio

    # -- runs on the worker thread
    def _run(self, data: bytes, encode: bool, opts: dict) -> Result:
        with self._lock:
            self.waiting -= 1
            self.running += 1
        t0 = time.monotonic()
        try:
            audio = self.decode(data, encode)
            if opts.get("language") and not self.multilingual and opts["language"] != "en":
                raise ClientError(f"model {self.model_name} is English-only; "
                                  f"language={opts['language']!r} not supported")
            opts = {"beam_size": self.beam_size, **opts}
            seg_iter, info = self.model.transcribe(audio, **opts)
            segments = list(seg_iter)  # the generator does the actual work
            res = Result(segments=segments,
                         language=opts.get("language") or info.language,
                         language_probability=float(info.language_probability or 0.0),
                         duration=float(info.duration),
                         processing=time.monotonic() - t0)
            with self._lock:
                self.done += 1
                self.audio_seconds += res.duration
                self.processing_seconds += res.processing
            return res
        except BaseException:
            with self._lock:
                self.failed += 1
            raise
        finally:
            with self._lock:
                self.running -= 1

    async def transcribe(self, data: bytes, encode: bool = True, **opts) -> Result:
        with self._lock:
            if self.waiting >= self.max_queue:
                raise ClientError(f"queue full ({self.waiting} requests waiting); retry later", 503)
            self.waiting += 1
        loop = asyncio.get_running_loop()
        try:
            fut = loop.run_in_executor(self.executor, self._run, data, encode, opts)
        except BaseException:
            with self._lock:
                self.waiting -= 1
            raise
        return await fut

    def _detect(self, data: bytes, encode: bool):
        with self._lock:
            self.waiting -= 1
            self.running += 1
        try:
            audio = self.decode(data, encode)
            if not self.multilingual:
                return "en", 1.0
            lang, prob, _ = self.model.detect_language(audio[: 30 * SAMPLE_RATE])
            return lang, float(prob)
        finally:
            with self._lock:
                self.running -= 1

    async def detect(self, data: bytes, encode: bool = True):
        with self._lock:
            if self.waiting >= self.max_queue:
                raise ClientError("queue full; retry later", 503)
            self.waiting += 1
        return await asyncio.get_running_loop().run_in_executor(self.executor, self._detect,
                                                                data, encode)

    def status(self) -> dict:
        with self._lock:
            return {
                "status": "ok",
                "engine": "faster_whisper",
                "faster_whisper_version": faster_whisper.__version__,
                "model": self.model_name,
                "model_dir": str(self.model_dir),
                "model_packages": models.package_versions(self.model_name),
                "multilingual": self.multilingual,
                "compute_type": self.compute_type,
                "threads": self.threads,
                "beam_size": self.beam_size,
                "load_seconds": round(self.load_seconds, 2),
                "queue": {"running": self.running, "waiting": self.waiting,
                          "max_waiting": self.max_queue},
                "served": {"done": self.done, "failed": self.failed,
                           "audio_seconds": round(self.audio_seconds, 2),
                           "processing_seconds": round(self.processing_seconds, 2)},
            }


# ----------------------------------------------------------------------------- formats

def _seg_dict(s) -> dict:
    return asdict(s)  # id, seek, start, end, text, tokens, avg_logprob, compression_ratio,
    #                   no_speech_prob, words[{start,end,word,probability}] | None, temperature


def _json_default(o: Any):
    if isinstance(o, np.generic):
        return o.item()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def fmt_json(res: Result) -> str:
    # Same shape and key order as whisper-asr-webservice's WriteJSON.
    return json.dumps({"language": res.language,
                       "segments": [_seg_dict(s) for s in res.segments],
                       "text": res.text}, default=_json_default)


def fmt_txt(res: Result) -> str:
    return "".join(s.text.strip() + "\n" for s in res.segments)


def fmt_vtt(res: Result) -> str:
    out = ["WEBVTT\n\n"]
    for s in res.segments:
        out.append(f"{format_timestamp(s.start)} --> {format_timestamp(s.end)}\n"
                   f"{s.text.strip().replace('-->', '->')}\n\n")
    return "".join(out)


def fmt_srt(res: Result) -> str:
    out = []
    for i, s in enumerate(res.segments, start=1):
        a = format_timestamp(s.start, always_include_hours=True, decimal_marker=",")
        b = format_timestamp(s.end, always_include_hours=True, decimal_marker=",")
        out.append(f"{i}\n{a} --> {b}\n{s.text.strip().replace('-->', '->')}\n\n")
    return "".join(out)


def fmt_tsv(res: Result) -> str:
    out = ["start\tend\ttext\n"]
    for s in res.segments:
        out.append(f"{round(1000 * s.start)}\t{round(1000 * s.end)}\t"
                   f"{s.text.strip().replace(chr(9), ' ')}\n")
    return "".join(out)


ASR_FORMATS = {"json": fmt_json, "txt": fmt_txt, "vtt": fmt_vtt, "srt": fmt_srt, "tsv": fmt_tsv}


# ----------------------------------------------------------------------------- app

def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="Stoom Whisper ASR (whisper-asr-webservice compatible)",
                  version="1.0.0",
                  description="faster-whisper behind the /asr contract of "
                              "onerahmet/openai-whisper-asr-webservice and OpenAI's "
                              "/v1/audio/transcriptions.")

    @app.exception_handler(ClientError)
    async def _client_error(request: Request, exc: ClientError):
        if request.url.path.startswith("/v1/"):
            body = {"error": {"message": str(exc), "type": "invalid_request_error",
                              "code": "queue_full" if exc.status == 503 else "bad_audio"}}
        else:
            body = {"detail": str(exc)}
        headers = {"Retry-After": "5"} if exc.status == 503 else None
        log.warning("%s %s -> %d: %s", request.method, request.url.path, exc.status, exc)
        return JSONResponse(body, status_code=exc.status, headers=headers)

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        msg = f"transcription failed: {type(exc).__name__}: {exc}"
        if request.url.path.startswith("/v1/"):
            body = {"error": {"message": msg, "type": "server_error", "code": None}}
        else:
            body = {"detail": msg}
        return JSONResponse(body, status_code=500)

    @app.get("/", include_in_schema=False)
    async def index():
        return RedirectResponse("/docs")

    @app.get("/health")
    async def health():
        return engine.status()

    async def _read_upload(f: Optional[UploadFile], field: str) -> bytes:
        if f is None or not hasattr(f, "read"):
            raise ClientError(f"multipart field {field!r} (the audio file) is required", 422)
        data = await f.read()
        if len(data) > MAX_UPLOAD:
            raise ClientError(f"file too large ({len(data)} bytes > {MAX_UPLOAD})", 413)
        return data

    def _log(kind: str, name: str, res: Result):
        rtf = res.processing / res.duration if res.duration else 0.0
        log.info("%s %s: %.1fs audio in %.1fs (RTF %.2f), lang=%s, %d segments",
                 kind, name, res.duration, res.processing, rtf, res.language, len(res.segments))

    def _timing_headers(res: Result) -> dict:
        return {"X-Audio-Seconds": f"{res.duration:.3f}",
                "X-Processing-Seconds": f"{res.processing:.3f}"}

    @app.post("/asr")
    async def asr(
        audio_file: UploadFile = File(...),
        task: str = Query("transcribe", pattern="^(transcribe|translate)$"),
        language: Optional[str] = Query(None),
        initial_prompt: Optional[str] = Query(None),
        encode: bool = Query(True, description="decode the upload with ffmpeg/PyAV; "
                                                "false = raw 16 kHz mono s16le PCM"),
        output: str = Query("txt", pattern="^(txt|vtt|srt|tsv|json)$"),
        vad_filter: bool = Query(False),
        word_timestamps: bool = Query(False),
        # Stoom's extension (the production image ignores it): the live-captions transcriber
        # asks for greedy interims and beam-searched finals from the same service.
        beam_size: Optional[int] = Query(None, ge=1, le=10),
    ):
        try:
            lang = languages.normalize(language)
        except ValueError as e:
            raise ClientError(str(e), 422)
        data = await _read_upload(audio_file, "audio_file")
        opts: dict = {"task": task, "vad_filter": vad_filter, "word_timestamps": word_timestamps}
        if lang:
            opts["language"] = lang
        if initial_prompt:
            opts["initial_prompt"] = initial_prompt
        if beam_size:
            opts["beam_size"] = beam_size
        res = await engine.transcribe(data, encode, **opts)
        _log("asr", audio_file.filename or "-", res)
        body = ASR_FORMATS[output](res)
        fname = (audio_file.filename or "audio").replace('"', "")
        return Response(body, media_type="text/plain; charset=utf-8", headers={
            "Asr-Engine": "faster_whisper",
            "Content-Disposition": f'attachment; filename="{fname}.{output}"',
            **_timing_headers(res)})

    @app.post("/detect-language")
    async def detect_language(audio_file: UploadFile = File(...), encode: bool = Query(True)):
        data = await _read_upload(audio_file, "audio_file")
        code, prob = await engine.detect(data, encode)
        return {"detected_language": languages.name(code), "language_code": code,
                "confidence": round(prob, 4)}

    async def _openai(request: Request, task: str):
        ctype = request.headers.get("content-type", "")
        if "multipart/form-data" not in ctype:
            raise ClientError("expected multipart/form-data with a 'file' field", 415)
        form = await request.form()
        f = form.get("file")
        data = await _read_upload(f if not isinstance(f, str) else None, "file")
        fmt = str(form.get("response_format") or "json")
        if fmt not in ("json", "text", "srt", "vtt", "verbose_json"):
            raise ClientError(f"unsupported response_format {fmt!r}", 422)
        grans = [str(v) for k in ("timestamp_granularities[]", "timestamp_granularities")
                 for v in form.getlist(k)]
        grans = [g.strip() for v in grans for g in v.split(",") if g.strip()]
        want_words = "word" in grans
        try:
            lang = languages.normalize(str(form.get("language") or "")) if task == "transcribe" else None
        except ValueError as e:
            raise ClientError(str(e), 422)
        opts: dict = {"task": task, "word_timestamps": want_words}
        if lang:
            opts["language"] = lang
        if form.get("prompt"):
            opts["initial_prompt"] = str(form.get("prompt"))
        res = await engine.transcribe(data, True, **opts)
        _log(f"openai/{task}", getattr(f, "filename", None) or "-", res)
        hdr = _timing_headers(res)
        text = res.text.strip()
        if fmt == "json":
            return JSONResponse({"text": text}, headers=hdr)
        if fmt == "text":
            return PlainTextResponse(text + "\n", headers=hdr)
        if fmt == "srt":
            return PlainTextResponse(fmt_srt(res), headers=hdr)
        if fmt == "vtt":
            return PlainTextResponse(fmt_vtt(res), headers=hdr)
        body: dict = {
            "task": "transcribe" if task == "transcribe" else "translate",
            "language": languages.name(res.language),
            "duration": round(res.duration, 3),
            "text": text,
        }
        # Segments are always included (OpenAI omits them for granularities=[word] only;
        # clients here are better served by having both).
        if True:
            body["segments"] = [{
                "id": s.id, "seek": s.seek, "start": s.start, "end": s.end, "text": s.text,
                "tokens": s.tokens, "temperature": s.temperature, "avg_logprob": s.avg_logprob,
                "compression_ratio": s.compression_ratio, "no_speech_prob": s.no_speech_prob,
            } for s in res.segments]
        if want_words:
            body["words"] = [{"word": w.word.strip(), "start": w.start, "end": w.end,
                              "probability": w.probability}
                             for s in res.segments for w in (s.words or [])]
        return JSONResponse(json.loads(json.dumps(body, default=_json_default)), headers=hdr)

    @app.post("/v1/audio/transcriptions")
    async def openai_transcriptions(request: Request):
        return await _openai(request, "transcribe")

    @app.post("/v1/audio/translations")
    async def openai_translations(request: Request):
        return await _openai(request, "translate")

    @app.get("/v1/models")
    async def openai_models():
        return {"object": "list", "data": [
            {"id": "whisper-1", "object": "model", "owned_by": "stoom", "root": engine.model_name},
            {"id": engine.model_name, "object": "model", "owned_by": "stoom"}]}

    return app


MAX_UPLOAD = 200 * 1024 * 1024


def main(argv=None) -> int:
    global MAX_UPLOAD
    env = os.environ
    ap = argparse.ArgumentParser(description="Stoom Whisper ASR service")
    ap.add_argument("--host", default=env.get("WHISPER_HOST", "127.0.0.1"))
    ap.add_argument("--port", type=int, default=int(env.get("WHISPER_PORT", "9000")))
    ap.add_argument("--model", default=env.get("WHISPER_MODEL") or models.DEFAULT_MODEL,
                    help="registry name (%s) or a model directory" % ", ".join(models.MODELS))
    ap.add_argument("--compute-type", default=env.get("WHISPER_COMPUTE_TYPE", "int8"))
    ap.add_argument("--threads", type=int, default=int(env.get("WHISPER_THREADS", "2")))
    ap.add_argument("--max-queue", type=int, default=int(env.get("WHISPER_MAX_QUEUE", "8")))
    ap.add_argument("--max-upload-mb", type=int, default=int(env.get("WHISPER_MAX_UPLOAD_MB", "200")))
    ap.add_argument("--beam-size", type=int, default=int(env.get("WHISPER_BEAM_SIZE", "5")))
    ap.add_argument("--log-level", default=env.get("WHISPER_LOG_LEVEL", "info"))
    a = ap.parse_args(argv)
    logging.basicConfig(level=a.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    MAX_UPLOAD = a.max_upload_mb * 1024 * 1024
    try:
        engine = Engine(a.model, a.compute_type, a.threads, a.max_queue, a.beam_size)
    except models.ModelNotFound as e:
        log.error("%s", e)
        return 2
    import uvicorn
    uvicorn.run(create_app(engine), host=a.host, port=a.port, log_level=a.log_level.lower(),
                timeout_graceful_shutdown=5)
    # Don't let a transcription still running on the worker thread delay exit.
    engine.executor.shutdown(wait=False, cancel_futures=True)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
