import { sql } from 'kysely';
import type { Db } from '../db/index.js';

export type GlossaryRow = { id: number; termEn: string; termNl: string; note: string; updatedAt: string };

/** The glossary, filtered on either term or the note (accents and case ignored), A to Z. */
export function listTerms(db: Db, filter: string) {
	return db
		.selectFrom('glossaryTerm')
		.select(['id', 'termEn', 'termNl', 'note', sql<string>`updated_at`.as('updatedAt')])
		.$if(filter !== '', (qb) =>
			qb.where(
				sql<boolean>`lower(kb_unaccent(term_en || ' ' || term_nl || ' ' || note)) LIKE '%' || lower(kb_unaccent(${filter.replace(/[\\%_]/g, '\\$&')})) || '%'`
			)
		)
		.orderBy(sql`lower(kb_unaccent(term_en))`)
		.orderBy('id')
		.execute() as Promise<GlossaryRow[]>;
}

export function findTerm(db: Db, id: number) {
	return db.selectFrom('glossaryTerm').select(['id', 'termEn', 'termNl', 'note']).where('id', '=', id).executeTakeFirst();
}

/** Adds a pair; undefined when the same pair (accents and case ignored) is already there. */
export function insertTerm(db: Db, row: { termEn: string; termNl: string; note: string; createdBy: number }) {
	return db
		.insertInto('glossaryTerm')
		.values(row)
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
}

/**
 * Changes a pair, returning it as it was and as it is: one statement. `clash` is true when
 * another pair already reads the same (nothing changed then); undefined: no such pair.
 */
export async function updateTerm(db: Db, id: number, row: { termEn: string; termNl: string; note: string }) {
	const { rows } = await sql<{ clash: boolean; termEn: string; termNl: string; note: string; changed: boolean }>`
		WITH old AS (SELECT id, term_en, term_nl, note FROM glossary_term WHERE id = ${id} FOR UPDATE),
		clash AS (
			SELECT EXISTS (
				SELECT 1 FROM glossary_term g
				WHERE g.id <> ${id} AND lower(kb_unaccent(g.term_en)) = lower(kb_unaccent(${row.termEn}))
					AND lower(kb_unaccent(g.term_nl)) = lower(kb_unaccent(${row.termNl}))
			) AS clash
		),
		upd AS (
			UPDATE glossary_term g SET term_en = ${row.termEn}, term_nl = ${row.termNl}, note = ${row.note}, updated_at = now()
			FROM old, clash
			WHERE g.id = old.id AND NOT clash.clash
				AND (old.term_en, old.term_nl, old.note) IS DISTINCT FROM (${row.termEn}, ${row.termNl}, ${row.note})
			RETURNING g.id
		)
		SELECT clash.clash, old.term_en AS "termEn", old.term_nl AS "termNl", old.note, EXISTS (SELECT 1 FROM upd) AS changed
		FROM old, clash`.execute(db);
	return rows[0];
}

export function deleteTerm(db: Db, id: number) {
	return db.deleteFrom('glossaryTerm').where('id', '=', id).returning(['id', 'termEn', 'termNl']).executeTakeFirst();
}

/**
 * Adds many pairs in one statement, skipping those already there (accents and case ignored);
 * returns how many were added.
 */
export async function insertTerms(db: Db, rows: readonly { termEn: string; termNl: string; note: string }[], createdBy: number) {
	if (!rows.length) return 0;
	const { rows: out } = await sql<{ n: number }>`
		WITH ins AS (
			INSERT INTO glossary_term (term_en, term_nl, note, created_by)
			SELECT r.en, r.nl, r.note, ${createdBy}::int
			FROM jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ en: r.termEn, nl: r.termNl, note: r.note })))}::jsonb) AS r(en text, nl text, note text)
			ON CONFLICT DO NOTHING
			RETURNING 1
		)
		SELECT count(*)::int AS n FROM ins`.execute(db);
	return out[0]?.n ?? 0;
}
