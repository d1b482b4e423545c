import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { config, publicAddress } from '$lib/server/config';
import { formAction, idParam, noFields, orNotFound, parseQuery } from '$lib/server/http';
import { confirmSchema, versionQuerySchema } from '$lib/server/instructions/instructions.schema';
import { confirmVersion, getInstructionPage, startDraft } from '$lib/server/instructions/instructions.service';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'kb.read');
	const query = parseQuery(versionQuerySchema, url.searchParams);
	const instructionId = idParam(params.instructionId);
	const page = await orNotFound(getInstructionPage(db(), user, instructionId, query.version ?? null));
	// The printed sheet's QR code opens the instruction, where a step's problem is reported.
	const address = `${publicAddress(config(), process.env.PORT)}/instructions/${instructionId}`;
	const qr = await QRCode.toString(address, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
	return { ...page, qr, address, confirmed: url.searchParams.get('confirmed'), saved: url.searchParams.get('saved') };
};

const instructionOf = (event: RequestEvent) => idParam(event.params.instructionId);

export const actions: Actions = {
	confirm: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'confirm',
			schema: confirmSchema,
			run: async (input, user) => {
				const id = instructionOf(event);
				const version = await confirmVersion(db(), user, id, input);
				redirect(303, `/instructions/${id}?confirmed=${version}#departments`);
			}
		}),
	startDraft: (event) =>
		formAction(event, {
			access: 'kb.read',
			action: 'startDraft',
			schema: noFields,
			run: async (_input, user) => {
				const id = instructionOf(event);
				const draft = await startDraft(db(), user, id);
				redirect(303, `/instructions/${id}/edit${draft.created ? '' : '?existing=1'}`);
			}
		})
};
