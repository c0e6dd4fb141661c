import { selectEngine } from '../../src/lib/server/insights/engines/select-engine.ts';

/** The stack's local engine, as select-engine picks it when no Gemini key is set (the stack's env: `source scripts/lib.sh; load_env`). */
export function localEngine() {
	if (!process.env.DATABASE_URL || !process.env.INSIGHTS_BASE_URL) throw new Error('Run with the stack env: source scripts/lib.sh; load_env');
	return selectEngine({
		GEMINI_API_KEY: undefined,
		GEMINI_MODEL: 'unused',
		GEMINI_BASE_URL: undefined,
		INSIGHTS_BASE_URL: process.env.INSIGHTS_BASE_URL,
		INSIGHTS_MODEL: process.env.INSIGHTS_MODEL ?? 'local',
		INSIGHTS_API_KEY: process.env.INSIGHTS_API_KEY ?? '',
		INSIGHTS_CONTEXT_TOKENS: Number(process.env.INSIGHTS_CONTEXT_TOKENS ?? 8192),
		INSIGHTS_TIMEOUT_SECONDS: 900
	} as Parameters<typeof selectEngine>[0])!;
}
