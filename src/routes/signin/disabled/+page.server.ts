import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Told after a company sign-in of a disabled person; someone signed in has nothing to read here. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return {};
};
