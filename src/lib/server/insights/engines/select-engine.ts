import type { Env } from '../../env';
import type { InsightsEngine } from './engine';
import { createGeminiEngine } from './gemini';
import { createOpenAiCompatibleEngine } from './openai-compatible';

type EngineConfig = Pick<
	Env,
	'GEMINI_API_KEY' | 'GEMINI_MODEL' | 'GEMINI_BASE_URL' | 'INSIGHTS_BASE_URL' | 'INSIGHTS_MODEL' | 'INSIGHTS_API_KEY' | 'INSIGHTS_CONTEXT_TOKENS' | 'INSIGHTS_TIMEOUT_SECONDS'
>;

/** Gemini when a key is set; else the OpenAI-compatible endpoint when one is set; else none (insights off). */
export function selectEngine(config: EngineConfig): InsightsEngine | null {
	const timeoutMs = config.INSIGHTS_TIMEOUT_SECONDS * 1000;
	if (config.GEMINI_API_KEY) {
		return createGeminiEngine({
			apiKey: config.GEMINI_API_KEY,
			model: config.GEMINI_MODEL,
			baseUrl: config.GEMINI_BASE_URL,
			contextTokens: config.INSIGHTS_CONTEXT_TOKENS,
			timeoutMs
		});
	}
	if (config.INSIGHTS_BASE_URL) {
		return createOpenAiCompatibleEngine({
			baseUrl: config.INSIGHTS_BASE_URL,
			model: config.INSIGHTS_MODEL,
			apiKey: config.INSIGHTS_API_KEY || undefined,
			contextTokens: config.INSIGHTS_CONTEXT_TOKENS ?? 8192,
			timeoutMs
		});
	}
	return null;
}
