import { error, redirect } from '@sveltejs/kit';
import { can, type Actor, type PortalAction } from './policy.js';

type Locals = { user: (Actor & object) | null };

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export function requireUser<L extends Locals>(locals: L, url: URL): NonNullable<L['user']> {
	if (!locals.user) {
		const back = url.pathname + url.search;
		redirect(303, `/signin?redirectTo=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

/** The signed-in user if the policy allows the action; a stranger to it gets 404. */
export function requirePermission<L extends Locals>(locals: L, url: URL, action: PortalAction): NonNullable<L['user']> {
	const user = requireUser(locals, url);
	if (!can(user, action)) error(404, 'Not found');
	return user;
}
