/**
 * Display names as Stoom shows them: characters that draw nothing or reorder the text around
 * them are dropped — controls, bidirectional overrides and isolates (which can make "Host"
 * out of "tsoH"), zero-width and filler characters — and every run of white space becomes
 * one space. Joiners that emoji and scripts need (ZWJ, ZWNJ) stay.
 */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0E\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

export function cleanDisplayName(raw: string): string {
	return raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Two names that read the same compare equal (case, width and spacing aside): "Hana", "ＨＡＮＡ" and "h a n a". */
export function nameKey(name: string): string {
	return cleanDisplayName(name).normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/gu, '');
}
