import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { openNotification } from '$lib/server/notifications/notifications.service';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const id = Number(params.notificationId);
	if (!Number.isInteger(id) || id <= 0 || id > Number.MAX_SAFE_INTEGER) error(404, 'Not found');
	let target: string;
	try {
		target = await openNotification(db(), user, id);
	} catch (e) {
		if (e instanceof DomainError) error(404, 'Not found');
		throw e;
	}
	redirect(303, target);
};
