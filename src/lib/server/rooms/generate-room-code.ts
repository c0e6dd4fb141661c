import { randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A fresh code from the CSPRNG: 47 bits, so codes cannot be enumerated. */
export function generateRoomCode(): string {
	const pick = (n: number) => Array.from({ length: n }, () => LETTERS[randomInt(LETTERS.length)]).join('');
	return `${pick(3)}-${pick(4)}-${pick(3)}`;
}
