import { execFileSync } from 'node:child_process';
import { cluster } from './cluster';

/** A clean test database, then the whole test cluster; stopped again after the run. */
export default function globalSetup() {
	cluster('stop');
	execFileSync('node', ['scripts/reset-test-db.js'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL } });
	cluster('start');
	return () => cluster('stop');
}
