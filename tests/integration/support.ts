import type { AppContext } from '../../src/lib/server/context';
import { createDb } from '../../src/lib/server/db';
import { env } from '../../src/lib/server/env';
import { livekitRooms } from '../../src/lib/server/livekit/clients';

/** A real context: the test database and the real livekit-server of the stack. */
export function testContext(): AppContext & { close: () => Promise<void> } {
	const db = createDb(env().DATABASE_URL, 4);
	return { db, livekit: livekitRooms(), config: env(), close: () => db.destroy() };
}
