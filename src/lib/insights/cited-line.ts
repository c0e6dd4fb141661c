import type { TranscriptLine } from '../transcript/types';
import type { Citation } from './types';

/** How far (seconds) a citation may be from the line it finds when no line spans its time. */
const NEAR_SECONDS = 10;

/**
 * The transcript line a citation points at. A citation is kept with the segment id and the
 * time of the line it was written from; the transcript it is read against may have been
 * replaced since (the offline pass replaces the live captions, with other ids and other
 * line breaks), so it resolves by time: the line with its segment id when there is one,
 * else the line of the same speaker that spans its time, else the nearest line of that
 * speaker, else the nearest line (within 10 s). Never by position in the list.
 */
export function citedLine(citation: Pick<Citation, 'kind' | 'ref' | 'at' | 'speaker'>, lines: TranscriptLine[]): TranscriptLine | undefined {
	if (citation.kind !== 'line') return undefined;
	const exact = lines.find((l) => l.segmentId === citation.ref);
	if (exact) return exact;
	const distance = (l: TranscriptLine) => Math.abs(l.timestamp - citation.at);
	const nearest = (candidates: TranscriptLine[]) => candidates.reduce<TranscriptLine | undefined>((best, l) => (!best || distance(l) < distance(best) ? l : best), undefined);
	const spoken = lines.filter((l) => l.speaker === citation.speaker);
	const spanning = spoken.filter((l) => l.timestamp - 0.5 <= citation.at && citation.at <= (l.end ?? l.timestamp) + 0.5);
	const near = (candidates: TranscriptLine[]) => nearest(candidates.filter((l) => distance(l) <= NEAR_SECONDS));
	return nearest(spanning) ?? near(spoken) ?? near(lines);
}
