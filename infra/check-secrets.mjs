// Refuses weak secrets before the Docker stack starts: the one-shot secrets-check service in
// infra/compose.yaml runs it, and every service that takes a secret waits for it to pass.
// The rule is the app's own (src/lib/server/env-secrets.ts, which the app applies to its
// secrets at start-up); infra/compose-secrets.spec.ts keeps the two in step.
// No dependencies: it runs in a bare node image.
import { pathToFileURL } from 'node:url';

/** The secrets infra/compose.yaml hands to its services. */
export const SECRETS = [
	'LIVEKIT_API_SECRET',
	'COTURN_STATIC_AUTH_SECRET',
	'REDIS_PASSWORD',
	'POSTGRES_PASSWORD',
	'SESSION_SECRET'
];

/** Names that travel with a secret: they need only be real, not long or random. */
export const KEYS = ['LIVEKIT_API_KEY'];

/** Secrets that compose writes into a URL (DATABASE_URL), where `/ : @ # ?` would break it. */
export const IN_URL = ['POSTGRES_PASSWORD'];

export const HINT = "generate one with `openssl rand -base64 36 | tr '+/' '-_'` (48 URL-safe characters)";

/**
 * Why a secret is unfit, or null when it is fit: at least 32 characters, not a placeholder,
 * not repetitive. The same rule, word for word, as secretProblem in env-secrets.ts.
 * @param {string} value
 * @returns {string | null}
 */
export function secretProblem(value) {
	if (/change[_-]?me|example|placeholder|^x+$|^secret$/i.test(value)) return 'is a placeholder, not a secret';
	if (value.length < 32) return 'must be at least 32 random characters';
	if (new Set(value).size < 12) return 'is too repetitive to be random';
	return null;
}

/**
 * Why an API key name is unfit, or null: the app's rule for LIVEKIT_API_KEY (env.ts).
 * @param {string} value
 * @returns {string | null}
 */
export function keyProblem(value) {
	if (/change[_-]?me/i.test(value)) return 'is a placeholder; set a real key (any name of 3+ characters)';
	if (value.length < 3) return 'must be at least 3 characters (any name)';
	return null;
}

/**
 * Why the variable `name` holding `value` is unfit, or null.
 * @param {string} name
 * @param {string} value
 * @returns {string | null}
 */
function problemOf(name, value) {
	if (value === '') return 'is not set';
	if (KEYS.includes(name)) return keyProblem(value);
	const problem = secretProblem(value);
	if (problem) return problem;
	if (IN_URL.includes(name) && !/^[A-Za-z0-9._~-]+$/.test(value)) {
		return 'goes into DATABASE_URL: use only letters, digits and - _ . ~';
	}
	return null;
}

/**
 * Every unfit variable of env with the reason, KEYS first, then SECRETS; [] when all are fit.
 * @param {Record<string, string | undefined>} env
 * @returns {{ name: string, problem: string }[]}
 */
export function unfitVariables(env) {
	return [...KEYS, ...SECRETS].flatMap((name) => {
		const problem = problemOf(name, env[name] ?? '');
		return problem ? [{ name, problem }] : [];
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const unfit = unfitVariables(process.env);
	for (const { name, problem } of unfit) {
		console.error(`secrets-check: ${name} ${problem}; ${KEYS.includes(name) ? 'set it in .env' : HINT}`);
	}
	if (unfit.length > 0) {
		console.error(`secrets-check: fix ${unfit.map((u) => u.name).join(', ')} in .env, then start the stack again.`);
		process.exit(1);
	}
	console.log(`secrets-check: ${KEYS.length + SECRETS.length} secrets are fit.`);
}
