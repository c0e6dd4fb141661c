import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireSessionViewer } from '#lib/server/access/guards';
import { insightsEngine } from '#lib/server/pipeline/pipeline-context';
import { recordPage } from '#lib/server/views/record-page.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, depends }) => {
	depends('meeting:record');
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	return recordPage(ctx, room, session, credentialsFor(cookies, room.code), insightsEngine() !== null);
};
