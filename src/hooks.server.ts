import { randomUUID } from 'node:crypto';
import { json } from '@sveltejs/kit';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { db } from '#lib/server/db/client';
import { migrateToLatest } from '#lib/server/db/migrate';
import { env } from '#lib/server/env';
import { isCrossOriginApiWrite } from '#lib/server/http/origin';
import { startJobRunner } from '#lib/server/jobs/runner';
import { recordingContext, useJobQueue } from '#lib/server/recordings/context';

export const init: ServerInit = async () => {
	const config = env(); // fail fast, naming any missing variable
	const applied = await migrateToLatest(db());
	if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
	const runner = await startJobRunner(config.DATABASE_URL, (queue) => recordingContext(queue));
	useJobQueue(runner.queue);
	process.once('SIGTERM', () => void runner.stop());
};

export const handle: Handle = async ({ event, resolve }) => {
	if (isCrossOriginApiWrite(event.request.method, event.url, event.request.headers.get('origin'))) {
		return json({ message: 'Cross-origin request refused' }, { status: 403 });
	}
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(self), microphone=(self), display-capture=(self)');
	return response;
};

export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'app') return caught.error;
	if (caught.kind === 'framework' || caught.kind === 'validation') return { message: caught.error.message };
	const errorId = randomUUID();
	console.error(`[${errorId}] ${caught.event.request.method} ${caught.event.url.pathname}`, caught.error);
	return { message: 'Something went wrong on our side. Try again in a moment.', errorId };
};
