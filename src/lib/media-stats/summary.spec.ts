import { describe, expect, it } from 'vitest';
import { summarizeTrackStats, type StatsSample } from './summary';

const codec = { id: 'c1', type: 'codec', mimeType: 'video/VP8' };
const pair = { id: 'cp', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.042 };
const inbound = (bytes: number, received: number, lost: number) => ({
	id: 'in',
	type: 'inbound-rtp',
	kind: 'video',
	codecId: 'c1',
	frameWidth: 640,
	frameHeight: 360,
	framesPerSecond: 24,
	bytesReceived: bytes,
	packetsReceived: received,
	packetsLost: lost
});
const sample = (at: number, ...reports: Record<string, unknown>[]): StatsSample => ({ at, reports });

describe('summarizeTrackStats: receiving', () => {
	it('reads resolution, frame rate, codec and round trip, and rates between two samples', () => {
		const before = sample(0, codec, pair, inbound(100_000, 1000, 0));
		const now = sample(2000, codec, pair, inbound(350_000, 1190, 10));
		expect(summarizeTrackStats('video', 'receiving', before, now)).toEqual({
			kind: 'video',
			direction: 'receiving',
			width: 640,
			height: 360,
			framesPerSecond: 24,
			bitrateKbps: 1000, // 250 000 bytes in 2 s
			roundTripMs: 42,
			lossPercent: 5, // 10 lost of 200
			codec: 'VP8'
		});
	});

	it.each([
		['one sample: no bitrate yet, loss since the start', null, sample(0, codec, inbound(1000, 90, 10)), { bitrateKbps: null, lossPercent: 10 }],
		['nothing received: loss 0', null, sample(0, codec, inbound(0, 0, 0)), { bitrateKbps: null, lossPercent: 0 }],
		['no stream of that kind: nothing to say', null, sample(0, pair), { bitrateKbps: null, lossPercent: null, width: null, codec: null }]
	])('%s', (_name, before, now, expected) => {
		expect(summarizeTrackStats('video', 'receiving', before, now)).toMatchObject(expected);
	});
});

describe('summarizeTrackStats: sending', () => {
	const layer = (rid: string, width: number, bytes: number, packets: number) => ({
		id: `out-${rid}`,
		type: 'outbound-rtp',
		kind: 'video',
		rid,
		codecId: 'c1',
		frameWidth: width,
		frameHeight: (width * 9) / 16,
		framesPerSecond: 30,
		bytesSent: bytes,
		packetsSent: packets
	});
	const remote = (lost: number, rtt: number) => ({ id: 'ri', type: 'remote-inbound-rtp', kind: 'video', packetsLost: lost, roundTripTime: rtt });

	it('sums the layers’ bitrate, shows the largest layer, and reads loss and round trip from the far side’s report', () => {
		const before = sample(0, codec, layer('q', 320, 0, 0), layer('h', 640, 0, 0), remote(0, 0.03));
		const now = sample(1000, codec, layer('q', 320, 25_000, 100), layer('h', 640, 100_000, 300), remote(4, 0.031));
		expect(summarizeTrackStats('video', 'sending', before, now)).toMatchObject({ width: 640, height: 360, framesPerSecond: 30, bitrateKbps: 1000, roundTripMs: 31, lossPercent: 1, codec: 'VP8' });
	});

	it('no report from the far side yet: loss unknown, round trip from the ICE pair', () => {
		expect(summarizeTrackStats('video', 'sending', null, sample(0, codec, pair, layer('h', 640, 1, 1)))).toMatchObject({ lossPercent: null, roundTripMs: 42 });
	});
});

describe('summarizeTrackStats: the round trip of the ICE pair in use', () => {
	it('takes the pair the transport names over another nominated one', () => {
		const other = { id: 'old', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.5 };
		const transport = { id: 't', type: 'transport', selectedCandidatePairId: 'cp' };
		expect(summarizeTrackStats('video', 'receiving', null, sample(0, other, transport, pair, inbound(1, 1, 0))).roundTripMs).toBe(42);
	});
});
