import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LocalVideoTrack, Room } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { INTERNALS, livekitClientVersion, TUNED_FOR_LIVEKIT_CLIENT } from './room-tuning';

/** The installed livekit-client's code, as shipped (its internal classes are not exported: their methods are read here). */
const shipped = readFileSync(createRequire(import.meta.url).resolve('livekit-client').replace(/[^/]+$/, 'livekit-client.esm.mjs'), 'utf8');

describe('the livekit-client the tuning was written for', () => {
	it(`is ${TUNED_FOR_LIVEKIT_CLIENT}: an upgrade must re-check every internal in room-tuning.ts first`, () => {
		expect(livekitClientVersion, `livekit-client is ${livekitClientVersion}, the tuning was checked with ${TUNED_FOR_LIVEKIT_CLIENT}: check INTERNALS, then move the pin`).toBe(TUNED_FOR_LIVEKIT_CLIENT);
	});

	it.each(INTERNALS.room)('a Room still has %s', (name) => {
		expect(name in new Room()).toBe(true);
	});

	it.each(INTERNALS.engine)('its engine still has %s', (name) => {
		const engine = new Room().engine as unknown as Record<string, unknown>;
		expect(name in engine || typeof engine[name] === 'function').toBe(true);
	});

	it.each(INTERNALS.engineFields)('its engine still sets %s', (name) => {
		expect(new RegExp(`\\bthis\\.${name}\\s*=`).test(shipped)).toBe(true);
	});

	it.each(INTERNALS.transports)('its transports still define %s', (name) => {
		expect(new RegExp(`\\b${name}\\s*\\(`).test(shipped)).toBe(true);
	});

	it.each(INTERNALS.localVideoTrack)('a LocalVideoTrack still has %s', (name) => {
		expect(typeof (LocalVideoTrack.prototype as unknown as Record<string, unknown>)[name]).toBe('function');
	});

	it('the check finds an internal that is gone', () => {
		expect('noSuchInternal' in new Room()).toBe(false);
		expect(/\bnoSuchInternal\s*\(/.test(shipped)).toBe(false);
	});
});
