import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { idParam, orNotFound } from '$lib/server/http';
import { openNotification } from '$lib/server/notifications/notifications.service';

/** Opening one of my notifications marks it read and follows its link (local paths only). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	redirect(303, await orNotFound(openNotification(db(), user, idParam(params.notificationId))));
};
