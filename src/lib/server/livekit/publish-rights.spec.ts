import { TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { permissionMatches, publishRights, toPermission, toVideoGrant } from './publish-rights';

const BASE = [TrackSource.CAMERA, TrackSource.MICROPHONE];
const SCREEN = [...BASE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO];

describe('publishRights: one rule for the token and for later updates', () => {
	it.each([
		{ presenter: false, boardEditor: false, sources: BASE },
		{ presenter: true, boardEditor: false, sources: SCREEN },
		{ presenter: false, boardEditor: true, sources: BASE },
		{ presenter: true, boardEditor: true, sources: SCREEN }
	])('presenter=$presenter, board editor=$boardEditor', ({ presenter, boardEditor, sources }) => {
		const rights = publishRights({ present: presenter, draw: boardEditor });
		expect(toVideoGrant('abc-defg-hij', rights)).toEqual({
			room: 'abc-defg-hij',
			roomJoin: true,
			canSubscribe: true,
			canPublish: true,
			canPublishData: boardEditor,
			canUpdateOwnMetadata: false,
			canPublishSources: sources
		});
		expect(toPermission(rights)).toEqual({
			canSubscribe: true,
			canPublish: true,
			canPublishData: boardEditor,
			canUpdateMetadata: false,
			hidden: false,
			recorder: false,
			canPublishSources: sources
		});
	});

	it('grant and permission always agree on what may be published', () => {
		for (const [presenter, boardEditor] of [[false, false], [true, false], [false, true], [true, true]] as const) {
			const rights = publishRights({ present: presenter, draw: boardEditor });
			const grant = toVideoGrant('r', rights);
			const permission = toPermission(rights);
			expect(grant.canPublishSources).toEqual(permission.canPublishSources);
			expect(grant.canPublishData).toBe(permission.canPublishData);
			expect(grant.canPublishSources?.length).toBeGreaterThan(0);
		}
	});
});

describe('permissionMatches', () => {
	const holder = toPermission(publishRights({ present: true, draw: false }));
	const guest = toPermission(publishRights({ present: false, draw: false }));
	it.each([
		{ name: 'unknown', current: undefined, wanted: holder, expected: false },
		{ name: 'same', current: toPermission(publishRights({ present: true, draw: false })), wanted: holder, expected: true },
		{ name: 'same sources, other order', current: { ...holder, canPublishSources: [...holder.canPublishSources].reverse() }, wanted: holder, expected: true },
		{ name: 'lost screen', current: guest, wanted: holder, expected: false },
		{ name: 'extra screen', current: holder, wanted: guest, expected: false },
		{ name: 'all sources (empty list)', current: { ...holder, canPublishSources: [] }, wanted: holder, expected: false },
		{ name: 'data allowed', current: { ...holder, canPublishData: true }, wanted: holder, expected: false }
	])('$name → $expected', ({ current, wanted, expected }) => {
		expect(permissionMatches(current, wanted)).toBe(expected);
	});
});
