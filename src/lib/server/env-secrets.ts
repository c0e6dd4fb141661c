/** Why a secret is unfit, or null when it is fit: at least 32 characters, not a placeholder, not repetitive. */
export function secretProblem(value: string): string | null {
	if (/change[_-]?me|example|placeholder|^x+$|^secret$/i.test(value)) return 'is a placeholder, not a secret';
	if (value.length < 32) return 'must be at least 32 random characters';
	if (new Set(value).size < 12) return 'is too repetitive to be random';
	return null;
}

export const SECRET_HINT =
	'generate one with `openssl rand -base64 36` (or delete the line from .env: ./stoom keeps the secrets it generated in .data/secrets.env)';
