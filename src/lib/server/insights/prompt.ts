import type { RawInsights } from './insights-schema';
import { renderEntries, type MaterialEntry } from './material';

/** Part of every stored result's key: a new version re-writes insights for the same transcript. */
export const PROMPT_VERSION = 'insights-v1';

/** The key's version for notes written in `language` (English keeps the version results were stored under). */
export function promptVersion(language: string | null): string {
	return language === 'English' ? PROMPT_VERSION : `${PROMPT_VERSION}:${language ?? 'spoken'}`;
}

/** In which language to write: a named one, or the meeting's own (a room that lets Whisper detect it). */
function writeIn(language: string | null): string {
	return language ? `Write in ${language}` : 'Write in the language the meeting was held in';
}

const RULES = (language: string | null) => `You write meeting notes from a transcript. Each line of the meeting starts with its id in brackets, then the time, then who spoke: "[T12 03:41] Ada: ...". Chat messages are marked (chat).

${writeIn(language)}, briefly and factually. Use only what the lines say: never invent facts, names or dates.
- summary: two to four sentences on what the meeting was about and what came of it.
- keyPoints: the main points discussed.
- decisions: what was agreed or decided (empty when nothing was decided).
- actionItems: tasks someone took on or was asked to do. owner: the person's name exactly as it appears in the lines, or null when nobody was named. due: the deadline as it was said ("Friday", "next week"), or null.
- openQuestions: questions raised and left unanswered.
Every item must cite, in "citations", the ids of the lines it comes from, like ["T12", "T14"]. Cite only ids that appear in the lines.`;

/** One request over (a part of) the meeting. */
export function notesPrompt(
	entries: MaterialEntry[],
	participants: string[],
	part?: { index: number; of: number },
	language: string | null = 'English'
): { system: string; prompt: string } {
	const scope = part ? `This is part ${part.index} of ${part.of} of the meeting, in time order.\n` : '';
	return {
		system: RULES(language),
		prompt: `${scope}People in the meeting: ${participants.join(', ')}.\n\nThe meeting:\n${renderEntries(entries)}`
	};
}

/** The combining request: notes from consecutive parts become one set, their citations carried over. */
export function combinePrompt(parts: RawInsights[], participants: string[], language: string | null = 'English'): { system: string; prompt: string } {
	const notes = parts.map((p, i) => `Notes on part ${i + 1} of ${parts.length}:\n${JSON.stringify(p)}`).join('\n\n');
	return {
		system: `${RULES(language)}

You are given notes already written from consecutive parts of ONE meeting. Combine them into one set of notes for the whole meeting: merge items that say the same thing (joining their citations), keep the rest, and write one summary. Keep the citations exactly as they appear in the notes; add no others.`,
		prompt: `People in the meeting: ${participants.join(', ')}.\n\n${notes}`
	};
}
