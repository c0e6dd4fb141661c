import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createMeeting, joinAs } from './support';

const MESSAGES = join(import.meta.dirname, '../../messages');

/** Every message of `locale`, from all its files. */
function messagesOf(locale: string): Record<string, unknown> {
	const dir = join(MESSAGES, locale);
	return Object.assign({}, ...readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8'))));
}
const english = messagesOf('en');

/** What `locale` says for the plain message whose English is `text` (the page must show this, not the English). */
function say(locale: 'fr' | 'de', text: string, variables: Record<string, string> = {}): string {
	const key = Object.keys(english).find((k) => english[k] === text);
	if (!key) throw new Error(`no message says "${text}" in English`);
	const translated = messagesOf(locale)[key];
	if (typeof translated !== 'string' || translated === text) throw new Error(`${locale} has no own text for ${key}`);
	return Object.entries(variables).reduce((s, [name, value]) => s.replaceAll(`{${name}}`, value), translated);
}

test('a French browser gets Stoom in French — pages, the call, the server’s own errors, dates — and the picker switches to German for good', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'fr-FR' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page).toHaveTitle(say('fr', 'Stoom · video meetings'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(say('fr', 'Video meetings that keep the record.'));

	// The server speaks the request's language: its validation of a malformed code.
	await page.getByTestId('join-code').fill('not a code');
	await page.getByTestId('join-submit').click();
	await expect(page.getByTestId('join-error')).toHaveText(say('fr', 'Meeting codes look like abc-defg-hij'));

	// The pre-join and the call.
	const code = await createMeeting(page);
	await expect(page.getByTestId('join-meeting')).toHaveText(say('fr', 'Join now'));
	await joinAs(page, 'Amélie Martin');
	await expect(page.getByTestId('toggle-mic')).toHaveAttribute('aria-label', say('fr', 'Turn off microphone (Ctrl+D)'));
	await expect(page.getByTestId('leave')).toHaveAttribute('aria-label', say('fr', 'Leave call'));
	await page.getByTestId('leave').click();

	// The past meetings: the date in French (Intl), not English.
	await page.goto(`/${code}/meetings`);
	const listed = page.getByTestId('past-meetings');
	const month = new Intl.DateTimeFormat('fr', { month: 'short' }).format(new Date());
	await expect(listed).toContainText(month);

	// The picker: German, remembered on every page though the browser still asks for French.
	await page.goto('/');
	await page.getByTestId('locale-picker').selectOption('de');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(say('de', 'Video meetings that keep the record.'));
	const later = await context.newPage();
	await later.goto(`/${code}`);
	await expect(later.locator('html')).toHaveAttribute('lang', 'de');
	await expect(later.getByTestId('join-meeting')).toHaveText(say('de', 'Join now'));
	await context.close();
});
