import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type AudioProbe = { ok: true; durationSeconds: number | null } | { ok: false; reason: string };

/**
 * Checks that a recording decodes before it is sent to Whisper. whisper-asr-webservice
 * answers undecodable audio with a bare 500, which looks like an outage and would be
 * retried for an hour; a local ffprobe tells the two apart. Without ffprobe, it passes.
 */
export async function probeAudio(path: string): Promise<AudioProbe> {
	try {
		const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], { timeout: 30_000 });
		const duration = Number.parseFloat(stdout.trim());
		return { ok: true, durationSeconds: Number.isFinite(duration) ? duration : null };
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, durationSeconds: null };
		const detail = String((err as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
		return { ok: false, reason: detail || 'unreadable audio' };
	}
}
