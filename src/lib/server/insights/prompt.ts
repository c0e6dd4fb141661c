import type { RawInsights, RawTasks } from './insights-schema';
import { renderEntries, type MaterialEntry } from './material';

/** Part of every stored result's key: a new version re-writes insights for the same transcript. */
export const PROMPT_VERSION = 'insights-v2';

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
- summary: two to four sentences on what the meeting was about: its topics and what was decided. Leave the tasks out of it (they are listed as action items): a request or a promise is not a result, and nothing is done unless a line says it is done.
- keyPoints: the main points discussed.
- decisions: what was agreed or decided (empty when nothing was decided).
- actionItems: tasks someone took on or was asked to do. owner: the person's name exactly as it appears in the lines, or null when nobody was named. due: the deadline as it was said ("Friday", "next week"), or null.
- openQuestions: questions raised and left unanswered.
Every item must cite, in "citations", the ids of the lines it comes from, like ["T12", "T14"]. Cite only ids that appear in the lines.`;

/**
 * One request over (a part of) the meeting. `found`: the decisions and action items the focused
 * request found in these lines, told to the notes so that the summary says what was decided and
 * what is still to be done (a small model otherwise reports requests as done).
 */
export function notesPrompt(
	entries: MaterialEntry[],
	participants: string[],
	part?: { index: number; of: number },
	language: string | null = 'English',
	found?: RawTasks
): { system: string; prompt: string } {
	const scope = part ? `This is part ${part.index} of ${part.of} of the meeting, in time order.\n` : '';
	return {
		system: RULES(language),
		prompt: `${scope}People in the meeting: ${participants.join(', ')}.\n\nThe meeting:\n${renderEntries(entries)}${found ? foundSoFar(found) : ''}`
	};
}

function foundSoFar(found: RawTasks): string {
	const decisions = found.decisions.map((d) => `- ${d.text}`);
	const tasks = found.actionItems.map((a) => `- ${a.owner ? `${a.owner}: ` : ''}${a.text}${a.due ? ` (due ${a.due})` : ''}`);
	if (!decisions.length && !tasks.length) return '';
	return `\n\nAlready found in these lines: the decisions${decisions.length ? `:\n${decisions.join('\n')}` : ': none'}\nand the action items, which are NOT done yet: leave them out of the summary${tasks.length ? `:\n${tasks.join('\n')}` : ': none'}`;
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

/**
 * The focused request for decisions and action items alone (a small model finds more of them,
 * with the right owner and due date, when it looks for nothing else). The worked example uses
 * ids ("E1") no meeting has, so an item copied from it fails the citation check.
 */
const TASKS_RULES = `You find the decisions and the action items in a meeting transcript. Each line starts with its id in brackets, then the time, then who spoke: "[T12 03:41] Ada: ...". Chat messages are marked (chat).

decisions: what the group agreed or decided: "we agree to...", "we have decided...", "let us go with...", "so that is settled". State the decision itself ("Hire Julia for the support job"), not the discussion.

actionItems: every task a person will do: one they took on ("I will...") or one they were asked to do ("Sam, can you...?", "Sam, please..."), even when it is small.
- One item per task: a request and its answer ("Yes, I will") are the same item; cite both lines.
- owner: who will do the task: the speaker who says "I will...", or the person a request names. Write the name exactly as it appears in the lines.
- due: the deadline of THIS task, in the words said in its own lines ("by Thursday", "tomorrow", "before the fifth of May", "end of the month"); null when no deadline was said for it. Never take a date from a sentence about something else (an invoice, a start date, a delivery).
- Not action items: things already done ("I sent...", "I updated..."), facts, dates of other events.
Every item must cite, in "citations", the ids of the lines it comes from. Cite only ids that appear in the lines.

Example lines:
[E1 00:05] Sam: The printer contract ends on the third.
[E2 00:09] Lea: Sam, can you ask for new offers by Monday?
[E3 00:12] Sam: Yes, I will ask them.
[E4 00:15] Lea: I sent the old offers yesterday. So we agree to keep the red printer.
[E5 00:19] Sam: I will clean the printer room next week.
Answer:
{"decisions":[{"text":"Keep the red printer","citations":["E4"]}],"actionItems":[{"text":"Ask for new printer offers","owner":"Sam","due":"by Monday","citations":["E2","E3"]},{"text":"Clean the printer room","owner":"Sam","due":"next week","citations":["E5"]}]}`;

/** The focused request over (a part of) the meeting: decisions and action items only. */
export function tasksPrompt(
	entries: MaterialEntry[],
	participants: string[],
	part?: { index: number; of: number },
	language: string | null = 'English'
): { system: string; prompt: string } {
	const scope = part ? `This is part ${part.index} of ${part.of} of the meeting, in time order.\n` : '';
	return {
		system: `${TASKS_RULES}\n\n${writeIn(language)}.`,
		prompt: `${scope}People in the meeting: ${participants.join(', ')}.\n\nThe meeting:\n${renderEntries(entries)}`
	};
}
