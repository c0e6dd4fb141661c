import { getLocale, locales } from '#lib/paraglide/runtime';

/**
 * Dates, times and names in the reader's language (the locale Paraglide resolved: the
 * picker's cookie, else the browser's languages, else English). Plurals are the messages'
 * own (Intl.PluralRules inside Paraglide); everything else that depends on the language
 * goes through Intl here.
 */

/** "6 Dec 2026, 14:05" in the reader's language. */
export function formatDateTime(at: string | Date, locale: string = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** "14:05" (or "2:05 PM"), for chat lines. */
export function formatTime(at: string | Date, locale: string = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
}

/** A language's own name in the reader's language ("French", "Französisch"), or the code. */
export function languageName(code: string, locale: string = getLocale()): string {
	try {
		return new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/**
 * The languages the interface speaks (project.inlang's locales, as Paraglide compiled them),
 * each named in itself and capitalised, as a picker lists them: "English", "Français" …
 */
export const INTERFACE_LANGUAGES = locales.map((locale) => {
	const name = languageName(locale, locale);
	return { locale, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
});
