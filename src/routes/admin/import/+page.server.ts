import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { failForm, requireAccess } from '$lib/server/http';
import { listImports, uploadHrFile } from '$lib/server/people/hr-import/hr-import.service';
import { HrFileRefused } from '$lib/server/people/hr-import/parse';
import { receiveHrFile } from '$lib/server/people/hr-import/upload';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requirePermission(locals, url, 'org.import');
	return { imports: await listImports(db(), user) };
};

export const actions: Actions = {
	/** The file streams in (not request.formData()): up to 20 MB, past the hooks' 1 MB form limit. */
	upload: async (event) => {
		const user = requireAccess(event, 'org.import');
		let id: number;
		try {
			const file = await receiveHrFile(event.request);
			({ id } = await uploadHrFile(db(), user, file));
		} catch (e) {
			if (e instanceof HrFileRefused) return failForm({ file: [e.code] }, {}, 'upload', e.status);
			throw e;
		}
		redirect(303, `/admin/import/${id}`);
	}
};
