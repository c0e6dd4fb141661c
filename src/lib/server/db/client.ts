import { env } from '../env';
import { createDb, type Db } from './index';

let shared: Db | undefined;

/** The app's connection pool, opened on first use. It holds no per-user state. */
export function db(): Db {
	shared ??= createDb(env().DATABASE_URL);
	return shared;
}
