/**
 * The check that fails the build when a language lacks a message: every locale has the same
 * keys as the base locale in each message file, none empty, each with the same variables.
 * Pure (no imports): scripts/check-messages.ts reads the files and calls it.
 */

/** One message file's messages (a string, or the message-format plugin's variants array). */
export type MessageFile = Record<string, unknown>;

export interface MessageProblem {
	file: string;
	locale: string;
	key: string;
	problem: 'missing' | 'empty' | 'extra' | 'variables';
	detail?: string;
}

/** The `{name}` variables a message uses (in any of its variants). */
export function variablesOf(message: unknown): string[] {
	const text = JSON.stringify(message ?? '');
	const found = new Set<string>();
	for (const match of text.matchAll(/(?<!\\)\{([A-Za-z_][\w]*)\}/g)) found.add(match[1]!);
	return [...found].sort();
}

function isEmpty(message: unknown): boolean {
	if (typeof message === 'string') return message.trim() === '';
	return message === null || message === undefined || (Array.isArray(message) && message.length === 0);
}

/**
 * Compares each locale's files with the base locale's. `files[locale][file]` holds the parsed
 * JSON (`$schema` ignored); a file absent for a locale counts as empty.
 */
export function checkMessages(files: Record<string, Record<string, MessageFile>>, baseLocale: string): MessageProblem[] {
	const problems: MessageProblem[] = [];
	const base = files[baseLocale] ?? {};
	const keysOf = (file: MessageFile | undefined) => Object.keys(file ?? {}).filter((k) => k !== '$schema');
	for (const [locale, byFile] of Object.entries(files)) {
		for (const [file, baseMessages] of Object.entries(base)) {
			const messages = byFile[file] ?? {};
			for (const key of keysOf(baseMessages)) {
				if (!(key in messages)) problems.push({ file, locale, key, problem: 'missing' });
				else if (isEmpty(messages[key])) problems.push({ file, locale, key, problem: 'empty' });
				else {
					const want = variablesOf(baseMessages[key]).join(',');
					const have = variablesOf(messages[key]).join(',');
					if (want !== have) problems.push({ file, locale, key, problem: 'variables', detail: `{${have}} instead of {${want}}` });
				}
			}
			for (const key of keysOf(messages)) if (!(key in baseMessages)) problems.push({ file, locale, key, problem: 'extra' });
		}
		for (const file of Object.keys(byFile)) if (!(file in base)) for (const key of keysOf(byFile[file])) problems.push({ file, locale, key, problem: 'extra' });
	}
	return problems;
}
