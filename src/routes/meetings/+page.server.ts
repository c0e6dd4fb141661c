import { appContext } from '#lib/server/app-context';
import { myMeetings } from '#lib/server/memory/memory-pages.service';
import { readSearchForm } from '#lib/memory/search-form';
import type { PageServerLoad } from './$types';

/** My meetings: every meeting this browser may see, newest first, and the search over them (?q=…). */
export const load: PageServerLoad = async ({ cookies, url }) => {
	const form = readSearchForm(url.searchParams);
	return { form, ...(await myMeetings(appContext(), cookies, form)) };
};
