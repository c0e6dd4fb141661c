import { json } from '@sveltejs/kit';
import { health } from '#lib/server/health.service';

export async function GET() {
	return json(await health());
}
