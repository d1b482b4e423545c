import { redirect, type Actions } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieName } from '$lib/paraglide/runtime';
import { db } from '$lib/server/runtime';
import { setUserLocale } from '$lib/server/org/users.service';
import { cookieOptions, localPath, readForm } from '$lib/server/http';

const input = z.object({
	locale: z.enum(['en', 'nl']),
	redirectTo: localPath
});

export const load = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const parsed = input.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) redirect(303, '/');
		const { locale, redirectTo } = parsed.data;
		cookies.set(cookieName, locale, { ...cookieOptions(60 * 60 * 24 * 400), httpOnly: false });
		if (locals.user) await setUserLocale(db(), locals.user.id, locale);
		redirect(303, redirectTo);
	}
};
