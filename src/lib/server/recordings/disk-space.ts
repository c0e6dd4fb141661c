import { statfs } from 'node:fs/promises';

/** Bytes free for an unprivileged writer on the filesystem holding `path`. */
export async function freeBytes(path: string): Promise<number> {
	const s = await statfs(path);
	return s.bavail * s.bsize;
}

/** The notice everyone in the meeting reads when the recording stops for lack of space. */
export const DISK_FULL_NOTICE = "Recording stopped: the recorder's disk is almost full. Everything recorded so far is kept.";
