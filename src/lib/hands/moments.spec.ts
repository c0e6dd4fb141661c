import { describe, expect, it } from 'vitest';
import type { HandMoment } from '../records/meeting-record';
import { handMomentLabel } from './moments';

const START = '2026-12-06T10:00:00.000Z';
const hand = (over: Partial<HandMoment>): HandMoment => ({ name: 'Ana', raisedAt: '2026-12-06T10:00:42.000Z', loweredAt: null, loweredBy: null, at: null, ...over });

describe('handMomentLabel', () => {
	it.each([
		['still up at the end', hand({}), '0:42 Ana raised a hand: up until the meeting ended'],
		['lowered by its owner', hand({ loweredAt: '2026-12-06T10:01:00.000Z', loweredBy: 'self' }), '0:42 Ana raised a hand: lowered it, up 0:18'],
		['lowered by a host', hand({ loweredAt: '2026-12-06T10:00:50.000Z', loweredBy: 'moderator' }), '0:42 Ana raised a hand: lowered by a host, up 0:08'],
		['lowered after speaking', hand({ loweredAt: '2026-12-06T10:02:00.000Z', loweredBy: 'spoke' }), '0:42 Ana raised a hand: lowered after speaking, up 1:18'],
		['its owner left', hand({ loweredAt: '2026-12-06T10:00:43.000Z', loweredBy: 'left' }), '0:42 Ana raised a hand: left the meeting, up 0:01'],
		['raised over an hour in', hand({ raisedAt: '2026-12-06T11:05:07.000Z' }), '65:07 Ana raised a hand: up until the meeting ended'],
		['clock skew before the start reads 0:00', hand({ raisedAt: '2026-12-06T09:59:59.000Z' }), '0:00 Ana raised a hand: up until the meeting ended']
	])('%s', (_name, moment, label) => {
		expect(handMomentLabel(moment, START)).toBe(label);
	});
});
