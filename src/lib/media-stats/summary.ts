/**
 * What the statistics panel shows for one track: resolution, frame rate, bitrate, round trip,
 * loss and codec, from two of the browser's WebRTC stats reports of its sender or receiver a
 * moment apart (bitrate and loss are rates: they need both). Pure: reports are plain objects.
 */

/** One `getStats()` answer, as its values, and when it was taken (ms). */
export interface StatsSample {
	at: number;
	reports: readonly Record<string, unknown>[];
}

export interface TrackStats {
	kind: 'video' | 'audio';
	/** receiving: someone else's track here; sending: this browser's own. */
	direction: 'receiving' | 'sending';
	width: number | null;
	height: number | null;
	framesPerSecond: number | null;
	bitrateKbps: number | null;
	roundTripMs: number | null;
	/** Packets lost of those sent, in percent, between the two samples (since the start when there is one sample). */
	lossPercent: number | null;
	/** e.g. "VP8", "opus" */
	codec: string | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const ofType = (sample: StatsSample | null, type: string, kind?: string) =>
	(sample?.reports ?? []).filter((r) => r.type === type && (kind === undefined || r.kind === kind || r.mediaType === kind));
const byId = (sample: StatsSample, id: unknown) => sample.reports.find((r) => r.id === id);

/** The RTP streams of one kind and direction, summed where a sender has several (simulcast layers). */
export function summarizeTrackStats(kind: 'video' | 'audio', direction: 'receiving' | 'sending', before: StatsSample | null, now: StatsSample): TrackStats {
	const rtpType = direction === 'receiving' ? 'inbound-rtp' : 'outbound-rtp';
	const streams = ofType(now, rtpType, kind);
	const previous = ofType(before, rtpType, kind);
	const bytesKey = direction === 'receiving' ? 'bytesReceived' : 'bytesSent';
	// The largest layer actually sending frames is what the others see at best.
	const main = [...streams].sort((a, b) => (num(b.frameWidth) ?? 0) - (num(a.frameWidth) ?? 0))[0];

	const seconds = before ? (now.at - before.at) / 1000 : 0;
	const bytes = (list: readonly Record<string, unknown>[]) => list.reduce((sum, r) => sum + (num(r[bytesKey]) ?? 0), 0);
	const bitrateKbps = before && seconds > 0 && streams.length ? Math.max(0, Math.round(((bytes(streams) - bytes(previous)) * 8) / seconds / 1000)) : null;

	return {
		kind,
		direction,
		width: num(main?.frameWidth),
		height: num(main?.frameHeight),
		framesPerSecond: num(main?.framesPerSecond),
		bitrateKbps,
		roundTripMs: roundTrip(now, kind),
		lossPercent: direction === 'receiving' ? receivedLoss(streams, previous) : sentLoss(now, before, kind),
		codec: codecOf(now, main)
	};
}

function codecOf(sample: StatsSample, stream: Record<string, unknown> | undefined): string | null {
	const mime = stream ? byId(sample, stream.codecId)?.mimeType : undefined;
	return typeof mime === 'string' ? (mime.split('/')[1] ?? mime) : null;
}

/** The connection's round trip: the remote side's report on our packets, else the ICE pair in use. */
function roundTrip(sample: StatsSample, kind: string): number | null {
	const remote = ofType(sample, 'remote-inbound-rtp', kind)
		.map((r) => num(r.roundTripTime))
		.find((v) => v !== null);
	if (remote !== undefined && remote !== null) return Math.round(remote * 1000);
	const selectedId = sample.reports.find((r) => r.type === 'transport' && typeof r.selectedCandidatePairId === 'string')?.selectedCandidatePairId;
	const pair = selectedId
		? byId(sample, selectedId)
		: sample.reports.find((r) => r.type === 'candidate-pair' && (r.nominated === true || r.selected === true) && r.state === 'succeeded');
	const rtt = num(pair?.currentRoundTripTime);
	return rtt === null ? null : Math.round(rtt * 1000);
}

function receivedLoss(now: readonly Record<string, unknown>[], before: readonly Record<string, unknown>[]): number | null {
	const total = (list: readonly Record<string, unknown>[], key: string) => list.reduce((sum, r) => sum + (num(r[key]) ?? 0), 0);
	const lost = total(now, 'packetsLost') - total(before, 'packetsLost');
	const received = total(now, 'packetsReceived') - total(before, 'packetsReceived');
	if (!now.length || lost + received <= 0) return now.length ? 0 : null;
	return Math.round((Math.max(0, lost) / (Math.max(0, lost) + received)) * 1000) / 10;
}

function sentLoss(now: StatsSample, before: StatsSample | null, kind: string): number | null {
	const remote = ofType(now, 'remote-inbound-rtp', kind);
	if (!remote.length) return null;
	const total = (list: readonly Record<string, unknown>[], key: string) => list.reduce((sum, r) => sum + (num(r[key]) ?? 0), 0);
	const sent = total(ofType(now, 'outbound-rtp', kind), 'packetsSent') - total(ofType(before, 'outbound-rtp', kind), 'packetsSent');
	const lost = total(remote, 'packetsLost') - total(ofType(before, 'remote-inbound-rtp', kind), 'packetsLost');
	if (sent <= 0) return 0;
	return Math.round((Math.max(0, lost) / sent) * 1000) / 10;
}
