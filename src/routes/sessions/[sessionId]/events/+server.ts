import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/runtime';
import { idParam, orNotFound } from '$lib/server/http';
import { getLiveSession } from '$lib/server/live/live.service';
import { liveHub } from '$lib/server/live/hub';

/**
 * The session's server-sent events: the screen's full view on connect (a reconnecting
 * screen catches up), then after every change, and a heartbeat comment every 15 s. Who may
 * listen is checked as for the page (404 for a stranger).
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(404, 'Not found');
	const page = await orNotFound(getLiveSession(db(), locals.user, idParam(params.sessionId)));
	const stream = liveHub(db).stream(page.state, page.viewer, request.signal);
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-store, no-transform',
			'x-accel-buffering': 'no'
		}
	});
};
