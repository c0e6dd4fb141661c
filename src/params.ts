import { defineParams } from '@sveltejs/kit/params';
// Loaded by Node itself at build time: a relative path with its extension.
import { isRoomCode } from './lib/room-code.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Route parameter matchers: a malformed room code or id never reaches a handler (the route
 * does not match: 404), so no handler validates them again and no cast to uuid can fail.
 */
export const params = defineParams({
	code: (param) => (isRoomCode(param) ? param : undefined),
	uuid: (param) => (UUID.test(param) ? param : undefined)
});
