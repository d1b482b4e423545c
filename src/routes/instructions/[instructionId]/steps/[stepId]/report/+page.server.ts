import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/runtime';
import { failForm, failFrom, idParam, orNotFound, parseForm, requireAccess } from '$lib/server/http';
import { reportFormSchema } from '$lib/server/instructions/reports.schema';
import { createReport, getReportForm } from '$lib/server/instructions/reports.service';
import { QuickFormUnreadable, receiveQuickIdea } from '$lib/server/ideas/quick-idea.upload';
import { deleteTempFile } from '$lib/server/attachments/storage';
import { refusalMessage } from '$lib/server/attachments/messages';

/** The phone-first report form on one step: the step's text above it. Two statements. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireAccess({ locals, url }, 'kb.read');
	const page = await orNotFound(getReportForm(db(), user, idParam(params.instructionId), idParam(params.stepId)));
	return { ...page, values: { kind: '', body: '', clientKey: randomUUID() } };
};

export const actions: Actions = {
	/**
	 * The form streams in (a phone photo may pass the hooks' 1 MB form limit: UPLOAD_ROUTES); a
	 * photo that lies about its type saves nothing, and the text comes back with its message.
	 */
	default: async (event) => {
		const user = requireAccess(event, 'kb.read');
		const instructionId = idParam(event.params.instructionId);
		const stepId = idParam(event.params.stepId);
		let body;
		try {
			body = await receiveQuickIdea(event.request);
		} catch (e) {
			if (e instanceof QuickFormUnreadable) return failForm({ _form: ['invalid'] }, {});
			throw e;
		}
		const values = Object.fromEntries(['kind', 'body', 'clientKey'].map((k) => [k, body.fields[k] ?? ''])) as Record<string, string>;
		const parsed = parseForm(reportFormSchema, new URLSearchParams(Object.entries(body.fields)));
		if (!parsed.ok || body.photoError) {
			if (body.photo) await deleteTempFile(body.photo.tempPath).catch(() => {});
			const errors: Record<string, string[] | undefined> = parsed.ok ? {} : { ...parsed.errors };
			if (body.photoError) errors.photo = [refusalMessage(body.photoError)];
			return failForm(errors, values);
		}
		let id: number;
		try {
			({ id } = await createReport(db(), user, instructionId, stepId, parsed.data, body.photo));
		} catch (e) {
			return failFrom(e, values);
		}
		redirect(303, `/instructions/reports/${id}?sent=1`);
	}
};
