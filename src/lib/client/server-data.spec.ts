import { describe, expect, it } from 'vitest';
import { sentByServer } from './server-data';

describe('sentByServer', () => {
	it.each<[string, unknown, string | undefined, boolean]>([
		['the server API (no participant, no identity)', undefined, undefined, true],
		['the server API, identity given as empty', undefined, '', true],
		['a known participant', { identity: 'p_1' }, 'p_1', false],
		['a participant not known yet (its packet raced its join): the identity tells', undefined, 'p_mallory', false]
	])('%s → %s', (_name, participant, identity, expected) => {
		expect(sentByServer(participant, identity)).toBe(expected);
	});
});
