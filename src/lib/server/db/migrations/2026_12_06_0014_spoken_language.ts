import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// The meetings' spoken language: null follows the server's WHISPER_LANGUAGE, 'auto' lets
	// Whisper detect it, a code (fr, de, …) fixes it. Whisper and the insights read it.
	await db.schema.alterTable('rooms').addColumn('transcription_language', 'text').execute();
}
