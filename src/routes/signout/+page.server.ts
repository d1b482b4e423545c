import { redirect, type Actions } from '@sveltejs/kit';
import { authRequest, signOut } from '../../auth';

export const load = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		event.request = authRequest(event.request, { redirectTo: '/signin' });
		await signOut(event);
	}
};
