/**
 * Process areas (assembly, testing, ...), the list ideas and knowledge-base entries are filed
 * under: added, renamed, retired and restored by an admin, never deleted (ideas keep theirs).
 * Audited as object type 'process_area'.
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import * as q from './process-areas.queries.js';
import type { ProcessAreaRecord } from './process-areas.queries.js';

const FIELDS = ['code', 'nameEn', 'nameNl'] as const;

function authorise(actor: Actor) {
	if (!can(actor, 'org.manage')) throw notFound();
}

export async function listProcessAreas(db: Database, actor: Actor) {
	authorise(actor);
	return q.listProcessAreaRows(db);
}

export async function loadProcessArea(db: Database, actor: Actor, id: number) {
	authorise(actor);
	const area = await q.findProcessArea(db, id);
	if (!area) throw notFound();
	return area;
}

export async function createProcessArea(db: Database, actor: Actor, input: ProcessAreaRecord): Promise<{ id: number }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		if (await q.codeHolder(trx, input.code, null)) throw new FieldErrors({ code: ['process_area_code_taken'] });
		const { id } = await q.insertProcessArea(trx, input);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'process_area.created',
			objectType: 'process_area',
			objectId: id,
			data: { ...input }
		});
		return { id };
	});
}

export async function updateProcessArea(db: Database, actor: Actor, id: number, input: ProcessAreaRecord): Promise<{ changed: string[] }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const current = await q.lockProcessArea(trx, id);
		if (!current) throw notFound();
		const changed = FIELDS.filter((f) => current[f] !== input[f]);
		if (!changed.length) return { changed: [] };
		if (changed.includes('code') && (await q.codeHolder(trx, input.code, id))) throw new FieldErrors({ code: ['process_area_code_taken'] });
		await q.updateProcessAreaRow(trx, id, Object.fromEntries(changed.map((f) => [f, input[f]])));
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'process_area.updated',
			objectType: 'process_area',
			objectId: id,
			data: {
				changed,
				before: Object.fromEntries(changed.map((f) => [f, current[f]])),
				after: Object.fromEntries(changed.map((f) => [f, input[f]]))
			}
		});
		return { changed };
	});
}

/** Retired areas are no longer offered for new ideas; ideas filed under them keep them. Audited. */
export async function setProcessAreaRetired(db: Database, actor: Actor, id: number, retired: boolean) {
	authorise(actor);
	await db.transaction().execute(async (trx) => {
		const row = await q.setProcessAreaRetired(trx, id, retired);
		if (!row) {
			if (!(await q.findProcessArea(trx, id))) throw notFound();
			return;
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: retired ? 'process_area.retired' : 'process_area.restored',
			objectType: 'process_area',
			objectId: id,
			data: {}
		});
	});
}
