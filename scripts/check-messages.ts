// Fails (exit 1) when a language lacks a message the base language has, or has an empty one,
// or names other variables: run before every build (./stoom, npm run build).
// Usage: node scripts/check-messages.ts
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkMessages, type MessageFile } from '../src/lib/i18n/message-check.ts';

const root = join(import.meta.dirname, '..');
const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
const files: Record<string, Record<string, MessageFile>> = {};
for (const locale of settings.locales as string[]) {
	files[locale] = {};
	for (const pattern of patterns) {
		const path = join(root, pattern.replace('{locale}', locale));
		const name = pattern.split('/').pop()!;
		if (existsSync(path)) files[locale][name] = JSON.parse(readFileSync(path, 'utf8'));
	}
}
const problems = checkMessages(files, settings.baseLocale);
for (const p of problems) console.error(`messages/${p.locale}/${p.file}: ${p.key} ${p.problem}${p.detail ? ` (${p.detail})` : ''}`);
if (problems.length) {
	console.error(`${problems.length} message problem(s): every language needs every message (see messages/en/).`);
	process.exit(1);
}
console.log(`messages: ${Object.keys(files).join(', ')} complete (${Object.values(files[settings.baseLocale]).reduce((n, f) => n + Object.keys(f).length, 0)} each)`);
