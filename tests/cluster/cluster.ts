import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A process of the test cluster (scripts/cluster.sh). */
export type ClusterProcess = 'livekit-1' | 'livekit-2' | 'egress-1' | 'egress-2' | 'transcriber-1' | 'transcriber-2' | 'app-1' | 'app-2';

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

/** The transcriber worker running a job (by the job id in its log), if any. */
export function transcriberWith(jobId: string): 'transcriber-1' | 'transcriber-2' | null {
	for (const worker of ['transcriber-1', 'transcriber-2'] as const) {
		try {
			if (readFileSync(`.data/log/cluster-test/${worker}.log`, 'utf8').includes(jobId)) return worker;
		} catch {
			// no log yet
		}
	}
	return null;
}
