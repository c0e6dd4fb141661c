"""Stoom's live-captions transcriber: a LiveKit Agents worker. livekit-server dispatches it
(agent name `stoom-transcriber`) to each meeting with live captions on; it joins as an agent
participant, subscribes to every person's microphone, finds speech with Silero VAD (the model
the livekit-plugins-silero wheel ships) and sends each utterance to the Whisper service — the
same model the recording's transcript uses — one track at a time, so every caption carries its
speaker's real name with no diarization. Captions go out on LiveKit's standard transcription
text streams (`lk.transcription`, interim then final); finals are also posted to the Stoom app
that asked for the transcriber, which keeps them when the meeting is being transcribed.

    .venv-transcriber/bin/python infra/transcriber/transcriber.py start

Env: LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET; WHISPER_LIVE_URL (the Whisper service,
whisper-asr-webservice contract); WHISPER_LANGUAGE (default spoken language, 'auto' to detect);
TRANSCRIBER_MAX_LAG (seconds behind live before skipping ahead, 6); TRANSCRIBER_MAX_LATE (how old
speech skipped live may still be transcribed for the transcript, 120); TRANSCRIBER_MAX_ROOMS (8);
TRANSCRIBER_FINAL_BEAM (beam size of the passes that may become finals, 5; interims are greedy).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp  # noqa: E402
import numpy as np  # noqa: E402
from livekit import api, rtc  # noqa: E402
from livekit.agents import AgentServer, AutoSubscribe, JobContext, JobExecutorType, WorkerPermissions, cli  # noqa: E402
from livekit.agents.types import (  # noqa: E402
    ATTRIBUTE_TRANSCRIPTION_FINAL,
    ATTRIBUTE_TRANSCRIPTION_SEGMENT_ID,
    ATTRIBUTE_TRANSCRIPTION_TRACK_ID,
    TOPIC_TRANSCRIPTION,
)
from livekit.plugins.silero import onnx_model  # noqa: E402

from audio_window import AudioWindow  # noqa: E402
from live_queue import Job, LiveQueue, Skipped  # noqa: E402
from segmenter import Action, Segmenter, Settings  # noqa: E402

log = logging.getLogger('stoom-transcriber')
AGENT_NAME = 'stoom-transcriber'
SAMPLE_RATE = 16000
WINDOW = 512  # Silero's window at 16 kHz (32 ms)
WHISPER_URL = os.environ.get('WHISPER_LIVE_URL', 'http://127.0.0.1:9001').rstrip('/')
DEFAULT_LANGUAGE = os.environ.get('WHISPER_LANGUAGE', 'en') or 'auto'
MAX_LAG = float(os.environ.get('TRANSCRIBER_MAX_LAG', '6'))
MAX_LATE = float(os.environ.get('TRANSCRIBER_MAX_LATE', '120'))
MAX_ROOMS = int(os.environ.get('TRANSCRIBER_MAX_ROOMS', '8'))
FINAL_BEAM = int(os.environ.get('TRANSCRIBER_FINAL_BEAM', '5'))
INTERIM_BEAM = 1
BEHIND_NOTICE_SECONDS = 5
STATUS = 'stoom.captions'
STATUS_DETAIL = 'stoom.captions.detail'


class EngineDown(Exception):
    """The Whisper service did not answer, or answered with a server error."""


def room_language(metadata: str) -> str:
    try:
        value = json.loads(metadata or '{}').get('language')
    except (ValueError, AttributeError):
        value = None
    return value if isinstance(value, str) and value else DEFAULT_LANGUAGE


class Whisper:
    """The Whisper service's /asr, with raw 16 kHz PCM (no container to decode)."""

    def __init__(self, http: aiohttp.ClientSession):
        self.http = http

    async def transcribe(self, pcm: np.ndarray, language: str, beam: int) -> tuple[str, str]:
        params = {'task': 'transcribe', 'output': 'json', 'encode': 'false', 'beam_size': str(beam)}
        if language != 'auto':
            params['language'] = language
        for attempt in (1, 2):
            form = aiohttp.FormData()
            form.add_field('audio_file', pcm.astype(np.int16).tobytes(), filename='utterance.pcm', content_type='application/octet-stream')
            try:
                async with self.http.post(f'{WHISPER_URL}/asr', params=params, data=form, timeout=aiohttp.ClientTimeout(total=20)) as res:
                    body = await res.text()
                    if res.status >= 500:
                        raise EngineDown(f'HTTP {res.status}')
                    if res.status >= 400:
                        log.warning('whisper refused an utterance: HTTP %s %s', res.status, body[:200])
                        return '', language
                    data = json.loads(body)
                    return str(data.get('text') or '').strip(), str(data.get('language') or language)
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as err:
                # A kept-alive connection the server closed meanwhile: once more on a new one.
                if attempt == 2 or isinstance(err, aiohttp.ClientConnectorError):
                    raise EngineDown(f'{type(err).__name__}: {err}') from err
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as err:
                raise EngineDown(f'{type(err).__name__}: {err}') from err
        raise EngineDown('no answer')

    async def healthy(self) -> bool:
        try:
            async with self.http.get(f'{WHISPER_URL}/health', timeout=aiohttp.ClientTimeout(total=3)) as res:
                return res.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
            return False


class AppPoster:
    """Posts finals to the Stoom app that dispatched the transcriber, in order, with retries."""

    def __init__(self, http: aiohttp.ClientSession, callback: str | None, room: str):
        self.http = http
        self.url = f'{callback.rstrip("/")}/api/transcriber/segments' if callback else None
        self.room = room
        self.queue: asyncio.Queue[dict] = asyncio.Queue()

    def token(self) -> str:
        grant = api.VideoGrants(room_admin=True, room=self.room)
        return api.AccessToken().with_identity(AGENT_NAME).with_grants(grant).with_ttl(__import__('datetime').timedelta(minutes=5)).to_jwt()

    async def run(self) -> None:
        while True:
            segment = await self.queue.get()
            if not self.url:
                continue
            for attempt in range(8):
                try:
                    async with self.http.post(self.url, json={'room': self.room, 'segments': [segment]},
                                              headers={'authorization': f'Bearer {self.token()}'},
                                              timeout=aiohttp.ClientTimeout(total=10)) as res:
                        if res.status < 500:
                            if res.status >= 400:
                                log.warning('the app refused a segment: HTTP %s %s', res.status, (await res.text())[:200])
                            break
                except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as err:
                    log.info('posting a segment failed (%s), retrying', type(err).__name__)
                await asyncio.sleep(min(8, 0.5 * 2 ** attempt))


@dataclass
class Utterance:
    id: str
    start: int
    start_ms: int
    speculation: asyncio.Future | None = None
    speculated_end: int = -1
    finalized: bool = False
    last_text: str = ''
    # Publishes of one utterance go out one at a time, so no interim follows its final.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class RoomTranscriber:
    """One meeting: a track transcriber per microphone, one queue to the engine, the status."""

    def __init__(self, ctx: JobContext, http: aiohttp.ClientSession, callback: str | None):
        self.ctx = ctx
        self.room = ctx.room
        self.whisper = Whisper(http)
        self.poster = AppPoster(http, callback, self.room.name)
        self.queue = LiveQueue(MAX_LAG, MAX_LATE, self._skipped)
        self.tracks: dict[str, asyncio.Task] = {}
        self.status = ''
        self.skipped_seconds = 0.0
        self.recovery: asyncio.Future | None = None
        self.vad_session = onnx_model.new_inference_session(True)
        self.tasks: list[asyncio.Task] = []

    async def start(self) -> None:
        self.tasks.append(asyncio.create_task(self.queue.run()))
        self.tasks.append(asyncio.create_task(self.poster.run()))
        self.room.on('track_subscribed', self._on_track)
        self.room.on('track_unsubscribed', lambda track, pub, p: self._stop_track(pub.sid))
        for p in self.room.remote_participants.values():
            for pub in p.track_publications.values():
                if pub.track and pub.subscribed:
                    self._on_track(pub.track, pub, p)
        await self.set_status('live' if await self.whisper.healthy() else 'unavailable')
        if self.status == 'unavailable':
            self.tasks.append(asyncio.create_task(self._probe()))

    async def set_status(self, status: str, detail: str = '') -> None:
        if status == self.status and status != 'behind':
            return
        self.status = status
        log.info('room %s: captions %s %s', self.room.name, status, detail)
        try:
            await self.room.local_participant.set_attributes({STATUS: status, STATUS_DETAIL: detail})
        except Exception as err:  # the room may be closing
            log.info('could not set status: %s', err)

    def _on_track(self, track: rtc.Track, pub: rtc.RemoteTrackPublication, participant: rtc.RemoteParticipant) -> None:
        if track.kind != rtc.TrackKind.KIND_AUDIO or pub.source != rtc.TrackSource.SOURCE_MICROPHONE:
            return
        if participant.kind != rtc.ParticipantKind.PARTICIPANT_KIND_STANDARD or pub.sid in self.tracks:
            return
        self.tracks[pub.sid] = asyncio.create_task(self._transcribe_track(track, pub.sid, participant))

    def _stop_track(self, sid: str) -> None:
        task = self.tracks.pop(sid, None)
        if task:
            task.cancel()

    def _skipped(self, job: Job) -> None:
        self.skipped_seconds += job.seconds
        if self.status == 'live' or self.status == 'behind':
            asyncio.ensure_future(self.set_status('behind', f'{self.skipped_seconds:.0f}'))
            # The notice stays a few seconds (people must be able to read it), then captions are
            # live again once no final waits.
            if self.recovery:
                self.recovery.cancel()
            self.recovery = asyncio.ensure_future(self._recover())

    async def _recover(self) -> None:
        await asyncio.sleep(BEHIND_NOTICE_SECONDS)
        while self.queue.waiting_finals:
            await asyncio.sleep(0.5)
        if self.status == 'behind':
            await self.set_status('live')

    async def _probe(self) -> None:
        while self.status == 'unavailable':
            await asyncio.sleep(2)
            if await self.whisper.healthy():
                await self.set_status('live')

    async def engine_down(self, err: Exception) -> None:
        if self.status != 'unavailable':
            self.queue.drop_all()
            await self.set_status('unavailable', str(err))
            self.tasks.append(asyncio.create_task(self._probe()))

    async def _transcribe_track(self, track: rtc.Track, track_sid: str, participant: rtc.RemoteParticipant) -> None:
        vad = onnx_model.OnnxModel(onnx_session=self.vad_session, sample_rate=SAMPLE_RATE)
        settings = Settings()
        segmenter = Segmenter(settings)
        prefix = uuid.uuid4().hex[:10]
        window = AudioWindow()
        current: Utterance | None = None
        keep_before = settings.samples(settings.prefix + settings.min_speech) + WINDOW
        stream = rtc.AudioStream.from_track(track=track, sample_rate=SAMPLE_RATE, num_channels=1, frame_size_ms=32)

        def wall_ms(sample: int) -> int:
            return int(time.time() * 1000 - (segmenter.position - sample) * 1000 / SAMPLE_RATE)

        try:
            async for event in stream:
                pcm = np.frombuffer(event.frame.data, dtype=np.int16).copy()
                window.append(pcm)
                for i in range(0, len(pcm) - WINDOW + 1, WINDOW):
                    probability = vad(pcm[i:i + WINDOW].astype(np.float32) / 32768.0)
                    for action in segmenter.push(probability, WINDOW):
                        current = self._act(action, current, prefix, participant, track_sid, window.slice, wall_ms)
                if current is None:
                    window.keep_last(keep_before)
        finally:
            for action in segmenter.flush():
                self._act(action, current, prefix, participant, track_sid, window.slice, wall_ms)
            await stream.aclose()

    def _act(self, action: Action, current: Utterance | None, prefix: str, participant: rtc.RemoteParticipant, track_sid: str, audio, wall_ms) -> Utterance | None:
        if action.kind == 'start':
            return Utterance(id=f'{prefix}-{action.utterance}', start=action.start, start_ms=wall_ms(action.start))
        if current is None or self.status == 'unavailable':
            return None if action.kind == 'final' else current
        pcm = audio(action.start, action.end)
        seconds = len(pcm) / SAMPLE_RATE
        language = room_language(self.room.metadata)
        speaker = track_sid

        # Interims are greedy (fast, replaced anyway); what may become the final text is beam-searched.
        beam = INTERIM_BEAM if action.kind == 'interim' else FINAL_BEAM

        def run():
            return self.whisper.transcribe(pcm, language, beam)

        job = Job(kind=action.kind, speaker=speaker, ended_at=time.monotonic(), seconds=seconds, run=run)
        if action.kind == 'final':
            end_ms = wall_ms(action.end)
            asyncio.ensure_future(self._final(current, job, action, participant, track_sid, end_ms, language))
            return None
        future = self.queue.submit(job)
        if action.kind == 'speculate':
            current.speculation, current.speculated_end = future, action.end
        asyncio.ensure_future(self._interim(current, future, participant, track_sid))
        return current

    async def _interim(self, utt: Utterance, future: asyncio.Future, participant, track_sid: str) -> None:
        try:
            text, language = await future
        except Skipped:
            return
        except EngineDown as err:
            return await self.engine_down(err)
        if text and not utt.finalized:
            utt.last_text = text
            await self._publish(utt, text, False, participant, track_sid, language, None)

    async def _final(self, utt: Utterance, job: Job, action: Action, participant, track_sid: str, end_ms: int, language: str) -> None:
        result = None
        try:
            if utt.speculation is not None and utt.speculated_end >= action.end:
                try:
                    result = await utt.speculation
                except Skipped:  # too far behind for live captions: the final goes late instead
                    result = None
            if result is None:
                result = await self.queue.submit(job)
        except Skipped:
            result = None
        except EngineDown as err:
            await self.engine_down(err)
            result = None
        utt.finalized = True
        text, language = result if result else (utt.last_text, language)
        if not text:
            return
        await self._publish(utt, text, True, participant, track_sid, language, end_ms, late=job.late)
        self.poster.queue.put_nowait({
            'segmentId': utt.id, 'trackSid': track_sid, 'participantIdentity': participant.identity,
            'speakerName': participant.name or participant.identity, 'text': text,
            'startMs': utt.start_ms, 'endMs': end_ms, 'language': language,
        })

    async def _publish(self, utt: Utterance, text: str, final: bool, participant, track_sid: str, language: str, end_ms: int | None, late: bool = False) -> None:
        attributes = {
            ATTRIBUTE_TRANSCRIPTION_SEGMENT_ID: utt.id,
            ATTRIBUTE_TRANSCRIPTION_TRACK_ID: track_sid,
            ATTRIBUTE_TRANSCRIPTION_FINAL: 'true' if final else 'false',
            'stoom.speaker_identity': participant.identity,
            'stoom.speaker_name': participant.name or participant.identity,
            'stoom.start_ms': str(utt.start_ms),
            'stoom.language': language,
        }
        if end_ms is not None:
            attributes['stoom.end_ms'] = str(end_ms)
        if late:
            # Transcribed after live speech (the room was behind): shown and kept like any final, marked.
            attributes['stoom.late'] = 'true'
        async with utt.lock:
            if not final and utt.finalized:
                return
            try:
                # On behalf of the speaker, as LiveKit's own agents do: clients attribute it to them.
                writer = await self.room.local_participant.stream_text(topic=TOPIC_TRANSCRIPTION, attributes=attributes, sender_identity=participant.identity)
                await writer.write(text)
                await writer.aclose()
            except Exception as err:
                log.info('could not publish a caption: %s', err)

    async def close(self) -> None:
        self.queue.close()
        for task in [*self.tracks.values(), *self.tasks]:
            task.cancel()


server = AgentServer(
    job_executor_type=JobExecutorType.THREAD,
    # Whisper's CPU is its own process's: a room costs the worker little, so the load is the
    # share of rooms taken, not this machine's CPU (which browsers and the SFU also use).
    load_fnc=lambda s: len(s.active_jobs) / MAX_ROOMS,
    load_threshold=0.99,
    num_idle_processes=0,
    # Its health endpoint, on loopback only; port 0 picks a free one (two workers on a machine).
    host='127.0.0.1',
    port=int(os.environ.get('TRANSCRIBER_HTTP_PORT', '0')),
    permissions=WorkerPermissions(can_publish=False, can_subscribe=True, can_publish_data=True, can_update_metadata=True, hidden=False),
)


async def on_request(request) -> None:
    # One transcriber per meeting, named for what people see it do.
    await request.accept(name='Captions', identity=f'captions-{request.id}', attributes={STATUS: 'starting'})


@server.rtc_session(agent_name=AGENT_NAME, on_request=on_request)
async def entrypoint(ctx: JobContext) -> None:
    try:
        callback = json.loads(ctx.job.metadata or '{}').get('callback')
    except ValueError:
        callback = None
    await ctx.connect(auto_subscribe=AutoSubscribe.AUDIO_ONLY)
    http = aiohttp.ClientSession()
    transcriber = RoomTranscriber(ctx, http, callback)

    async def shutdown() -> None:
        await transcriber.close()
        await http.close()

    ctx.add_shutdown_callback(shutdown)
    await transcriber.start()
    log.info('transcribing room %s (callback %s)', ctx.room.name, callback)


if __name__ == '__main__':
    cli.run_app(server)
