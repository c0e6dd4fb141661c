"""Plain faster-whisper over the given files, same model and settings as the Stoom service
(int8, beam 5, 2 threads, VAD on, word timestamps): the baseline for bench/transcription.ts.
Prints one JSON object: per-file audio and processing seconds, and the text."""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "infra" / "whisper"))
import models  # noqa: E402  (the service's own model locator)
from faster_whisper import WhisperModel  # noqa: E402

name, model_dir = models.resolve(sys.argv[1])
model = WhisperModel(str(model_dir), device="cpu", compute_type="int8", cpu_threads=2, num_workers=1, local_files_only=True)
results = []
for path in sys.argv[2:]:
    t0 = time.monotonic()
    segments, info = model.transcribe(path, beam_size=5, vad_filter=True, word_timestamps=True)
    text = " ".join(s.text.strip() for s in segments)
    results.append({"file": path, "audioSeconds": info.duration, "processingSeconds": time.monotonic() - t0, "text": text})
print(json.dumps({"model": name, "files": results}))
