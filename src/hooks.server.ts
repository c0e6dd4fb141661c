import { randomUUID } from 'node:crypto';
import { json } from '@sveltejs/kit';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { db } from '#lib/server/db/client';
import { migrateToLatest } from '#lib/server/db/migrate';
import { env } from '#lib/server/env';
import { isCrossOriginApiWrite } from '#lib/server/http/origin';
import { SECURITY_HEADERS, withLivekitOrigins } from '#lib/server/http/security-headers';
import { startJobRunner } from '#lib/server/jobs/runner';
import { jobHandlers } from '#lib/server/pipeline/job-handlers';
import { pipelineContext, useJobQueue } from '#lib/server/pipeline/pipeline-context';
import { m } from '#lib/paraglide/messages';
import { paraglideMiddleware } from '#lib/paraglide/server';

export const init: ServerInit = async () => {
	const config = env(); // fail fast, naming any missing or unfit variable
	const applied = await migrateToLatest(db());
	if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
	const runner = await startJobRunner(config.DATABASE_URL, jobHandlers((queue) => pipelineContext(queue)));
	useJobQueue(runner.queue);
	process.once('SIGTERM', () => void runner.stop());
};

export const handle: Handle = async ({ event, resolve }) => {
	if (isCrossOriginApiWrite(event.request.method, event.route.id, event.url, event.request.headers.get('origin'))) {
		return json({ message: 'Cross-origin request refused' }, { status: 403 });
	}
	// Everything below (pages, form errors, API failures) speaks the request's language.
	const response = await paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) })
	);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	const csp = response.headers.get('content-security-policy');
	if (csp) response.headers.set('content-security-policy', withLivekitOrigins(csp, env().LIVEKIT_WS_URL));
	return response;
};

export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'app') return caught.error;
	if (caught.kind === 'framework' || caught.kind === 'validation') return { message: caught.error.message };
	const errorId = randomUUID();
	console.error(`[${errorId}] ${caught.event.request.method} ${caught.event.url.pathname}`, caught.error);
	return { message: m.server_unexpected_error(), errorId };
};
