import { execFileSync } from 'node:child_process';

/** A process of the test cluster (scripts/cluster.sh). */
export type ClusterProcess = 'livekit-1' | 'livekit-2' | 'egress-1' | 'egress-2' | 'app-1' | 'app-2';

/** Runs scripts/cluster.sh on the `test` profile; returns what it printed. */
export function cluster(command: 'start' | 'stop' | 'status'): string;
export function cluster(command: 'kill' | 'node-of', target: string): string;
export function cluster(command: string, target?: string): string {
	const args = target === undefined ? [command, 'test'] : [command, target, 'test'];
	return execFileSync('bash', ['scripts/cluster.sh', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** The livekit-server process that hosts a meeting's room now. */
export function nodeOf(code: string): ClusterProcess {
	return cluster('node-of', code) as ClusterProcess;
}

/** The ports of the test cluster (scripts/cluster.sh, profile test). */
export const NODE_PORTS: Record<'livekit-1' | 'livekit-2', number> = { 'livekit-1': 7680, 'livekit-2': 7690 };
export const LIVEKIT_LB_PORT = 7770;
