import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { failForm, failFrom, parseForm, parseQuery, requireAccess } from '$lib/server/http';
import { quickIdeaQuerySchema, quickIdeaSchema } from '$lib/server/ideas/quick-idea.schema';
import { saveQuickIdea } from '$lib/server/ideas/quick-idea.service';
import { QuickFormUnreadable, receiveQuickIdea } from '$lib/server/ideas/quick-idea.upload';
import { deleteTempFile } from '$lib/server/attachments/storage';
import { refusalMessage } from '$lib/server/attachments/messages';

/** A stranger is sent to sign in and comes back to this address, the poster's query kept. */
export const load: PageServerLoad = ({ locals, url }) => {
	requirePermission(locals, url, 'idea.create');
	const query = parseQuery(quickIdeaQuerySchema, url.searchParams);
	return {
		values: {
			problem: '',
			proposal: '',
			place: query.place,
			department: query.department ? String(query.department) : '',
			clientKey: randomUUID()
		}
	};
};

export const actions: Actions = {
	/** The form streams in (a phone photo may pass the hooks' 1 MB form limit: UPLOAD_ROUTES). */
	default: async (event) => {
		const user = requireAccess(event, 'idea.create');
		let body;
		try {
			body = await receiveQuickIdea(event.request);
		} catch (e) {
			if (e instanceof QuickFormUnreadable) return failForm({ _form: ['invalid'] }, {});
			throw e;
		}
		const form = new URLSearchParams(Object.entries(body.fields));
		const values = Object.fromEntries(
			['problem', 'proposal', 'place', 'department', 'clientKey'].map((k) => [k, body.fields[k] ?? ''])
		) as Record<string, string>;
		const parsed = parseForm(quickIdeaSchema, form);
		if (!parsed.ok || body.photoError) {
			if (body.photo) await deleteTempFile(body.photo.tempPath).catch(() => {});
			const errors = parsed.ok ? {} : { ...parsed.errors };
			if (body.photoError) (errors as Record<string, string[]>).photo = [refusalMessage(body.photoError)];
			return failForm(errors, values);
		}
		let id: number;
		try {
			({ id } = await saveQuickIdea(db(), user, parsed.data, body.photo));
		} catch (e) {
			return failFrom(e, values);
		}
		redirect(303, `/ideas/${id}/help`);
	}
};
