/**
 * The company glossary that organisers keep: English = Dutch term pairs that widen every
 * search both ways (the knowledge base and "solved before?", see migration 0016's
 * glossary_search). Added, edited, deleted and imported by whoever may 'glossary.manage';
 * audited as object type 'glossary_term' ('glossary.add', 'glossary.edit', 'glossary.delete',
 * 'glossary.import'). A change counts in the next search of every process: nothing is cached.
 */
import { parse } from 'csv-parse/sync';
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import * as q from './glossary.queries.js';
import { GLOSSARY_IMPORT_MAX, glossaryTermSchema, type GlossaryTermInput } from './glossary.schema.js';

function authorise(actor: Actor) {
	if (!can(actor, 'glossary.manage')) throw notFound();
}

const DUPLICATE = { termNl: ['glossary_duplicate'] };

export async function listGlossary(db: Database, actor: Actor, filter: string) {
	authorise(actor);
	return q.listTerms(db, filter);
}

export async function loadGlossaryTerm(db: Database, actor: Actor, id: number) {
	authorise(actor);
	const term = await q.findTerm(db, id);
	if (!term) throw notFound();
	return term;
}

/** Adds a pair; the same pair again (accents and case ignored) is refused beside the field. */
export async function addGlossaryTerm(db: Database, actor: Actor, input: GlossaryTermInput): Promise<{ id: number }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const row = await q.insertTerm(trx, { ...input, createdBy: actor.id });
		if (!row) throw new FieldErrors(DUPLICATE);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'glossary.add',
			objectType: 'glossary_term',
			objectId: row.id,
			data: { ...input }
		});
		return { id: row.id };
	});
}

export async function editGlossaryTerm(db: Database, actor: Actor, id: number, input: GlossaryTermInput): Promise<{ changed: boolean }> {
	authorise(actor);
	return db.transaction().execute(async (trx) => {
		const result = await q.updateTerm(trx, id, input);
		if (!result) throw notFound();
		if (result.clash) throw new FieldErrors(DUPLICATE);
		if (!result.changed) return { changed: false };
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'glossary.edit',
			objectType: 'glossary_term',
			objectId: id,
			data: { before: { termEn: result.termEn, termNl: result.termNl, note: result.note }, after: { ...input } }
		});
		return { changed: true };
	});
}

export async function deleteGlossaryTerm(db: Database, actor: Actor, id: number) {
	authorise(actor);
	await db.transaction().execute(async (trx) => {
		const row = await q.deleteTerm(trx, id);
		if (!row) throw notFound();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'glossary.delete',
			objectType: 'glossary_term',
			objectId: id,
			data: { termEn: row.termEn, termNl: row.termNl }
		});
	});
}

/** The CSV's header names: en, nl and an optional note (as the export writes them). */
const COLUMNS = { en: 'termEn', nl: 'termNl', note: 'note' } as const;

/**
 * Reads a glossary CSV (comma or semicolon, UTF-8 with or without a byte order mark, a header
 * with en, nl and optionally note). Every line is checked first: one bad line and nothing is
 * added (its line numbers, at most five, are reported beside the file field). A cell the
 * export protected against spreadsheet formulas (a leading apostrophe) is read back without it.
 */
export function parseGlossaryCsv(text: string): GlossaryTermInput[] {
	let records: Record<string, string>[];
	try {
		const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
		records = parse(text, {
			bom: true,
			delimiter,
			columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
			skip_empty_lines: true,
			relax_column_count: true,
			trim: true
		});
	} catch {
		throw new FieldErrors({ file: ['glossary_import_unreadable'] });
	}
	if (!records.length) throw new FieldErrors({ file: ['glossary_import_empty'] });
	if (!('en' in records[0]) || !('nl' in records[0])) throw new FieldErrors({ file: ['glossary_import_columns'] });
	if (records.length > GLOSSARY_IMPORT_MAX) throw new FieldErrors({ file: ['glossary_import_too_many'] });
	const unprotect = (v: string | undefined) => (v ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
	const rows: GlossaryTermInput[] = [];
	const bad: number[] = [];
	records.forEach((record, i) => {
		const raw = Object.fromEntries(Object.entries(COLUMNS).map(([col, key]) => [key, unprotect(record[col])]));
		const parsed = glossaryTermSchema.safeParse(raw);
		if (parsed.success) rows.push(parsed.data);
		else bad.push(i + 2);
	});
	if (bad.length) throw new FieldErrors({ file: bad.slice(0, 5).map((line) => `glossary_import_line:${line}`) });
	return rows;
}

/** Imports a CSV: new pairs added, pairs already there skipped; one statement and its audit. */
export async function importGlossary(db: Database, actor: Actor, text: string): Promise<{ added: number; skipped: number }> {
	authorise(actor);
	const rows = parseGlossaryCsv(text);
	return db.transaction().execute(async (trx) => {
		const added = await q.insertTerms(trx, rows, actor.id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'glossary.import',
			objectType: 'glossary_term',
			objectId: 'csv',
			data: { lines: rows.length, added }
		});
		return { added, skipped: rows.length - added };
	});
}

/** The whole glossary as CSV rows (header en, nl, note), as the import reads it back. */
export async function exportGlossary(db: Database, actor: Actor): Promise<string[][]> {
	authorise(actor);
	const terms = await q.listTerms(db, '');
	return [['en', 'nl', 'note'], ...terms.map((t) => [t.termEn, t.termNl, t.note])];
}
