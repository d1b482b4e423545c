import { json } from '@sveltejs/kit';
import { databaseAnswers, runtimeEngine } from '$lib/server/runtime';

export const GET = async () => {
	const ok = await databaseAnswers();
	return json(
		{ status: ok ? 'ok' : 'database unavailable', engine: runtimeEngine() },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
