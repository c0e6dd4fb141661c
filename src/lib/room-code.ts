/** Meet-style room codes: `abc-defg-hij`, ten lowercase letters (26^10 ≈ 1.4·10^14 codes). */
export const ROOM_CODE_PATTERN = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

/**
 * Reads a code the way people paste it: any case, with or without dashes or spaces, or a
 * whole meeting link. Returns the canonical code, or null when it cannot be one.
 */
export function parseRoomCode(input: string): string | null {
	const withoutQuery = input.trim().split(/[?#]/)[0] ?? '';
	const lastSegment = withoutQuery.split('/').filter(Boolean).pop() ?? '';
	const letters = lastSegment.toLowerCase().replace(/[\s-]/g, '');
	if (!/^[a-z]{10}$/.test(letters)) return null;
	return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7)}`;
}

export function isRoomCode(value: string): boolean {
	return ROOM_CODE_PATTERN.test(value);
}
