import { sql, type Kysely } from 'kysely';

/**
 * Knowledge base, refined:
 * - an entry can wait for the organiser's approval ('pending'); search and browse show
 *   'published' only, so nothing unapproved or withdrawn is ever found;
 * - the search document also covers tag names and attachment names. A generated column
 *   cannot read other tables, so `search_extra` holds them, kept up to date by triggers on
 *   kb_entry_tag and attachment (the demo seed and bulk loads stay right without extra code);
 * - accents are folded (`kb_unaccent`, an immutable wrapper, as generated columns need), so
 *   "geinstalleerd" finds "geïnstalleerd";
 * - `adoption_count` (adoptions with status 'adopted'), kept by a trigger on adoption, sorts
 *   "most adopted first" without counting per row.
 */
const statements = [
	sql`ALTER TABLE kb_entry DROP CONSTRAINT kb_entry_status_check`,
	sql`ALTER TABLE kb_entry ADD CONSTRAINT kb_entry_status_check CHECK (status IN ('pending', 'published', 'unpublished'))`,
	sql`ALTER TABLE kb_entry ADD COLUMN requested_by integer REFERENCES app_user (id) ON DELETE SET NULL`,
	sql`ALTER TABLE kb_entry ADD COLUMN search_extra text NOT NULL DEFAULT ''`,
	sql`ALTER TABLE kb_entry ADD COLUMN adoption_count integer NOT NULL DEFAULT 0`,
	sql`CREATE OR REPLACE FUNCTION kb_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
		AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
	sql`DROP INDEX IF EXISTS kb_entry_search_doc_index`,
	sql`ALTER TABLE kb_entry DROP COLUMN search_doc`,
	sql`ALTER TABLE kb_entry ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('simple'::regconfig, kb_unaccent(coalesce(title, ''))), 'A') ||
		setweight(to_tsvector('english'::regconfig, kb_unaccent(coalesce(title, ''))), 'A') ||
		setweight(to_tsvector('dutch'::regconfig, kb_unaccent(coalesce(title, ''))), 'A') ||
		setweight(to_tsvector('english'::regconfig, kb_unaccent(coalesce(summary, '') || ' ' || coalesce(problem, '') || ' ' || coalesce(solution, ''))), 'B') ||
		setweight(to_tsvector('dutch'::regconfig, kb_unaccent(coalesce(summary, '') || ' ' || coalesce(problem, '') || ' ' || coalesce(solution, ''))), 'B') ||
		setweight(to_tsvector('simple'::regconfig, kb_unaccent(coalesce(search_extra, ''))), 'C') ||
		setweight(to_tsvector('english'::regconfig, kb_unaccent(coalesce(search_extra, ''))), 'C') ||
		setweight(to_tsvector('dutch'::regconfig, kb_unaccent(coalesce(search_extra, ''))), 'C')) STORED`,
	sql`CREATE INDEX kb_entry_search_doc_index ON kb_entry USING gin (search_doc)`,
	sql`CREATE INDEX kb_entry_adoption_count_index ON kb_entry (adoption_count DESC, published_at DESC) WHERE status = 'published'`,
	sql`CREATE INDEX kb_entry_process_area_id_index ON kb_entry (process_area_id)`,
	sql`CREATE INDEX measured_result_idea_id_index ON measured_result (idea_id)`,
	sql`CREATE INDEX subscription_user_id_index ON subscription (user_id)`,

	sql`CREATE FUNCTION kb_entry_refresh(entry_id integer) RETURNS void LANGUAGE sql AS $$
		UPDATE kb_entry k SET
			search_extra = concat_ws(' ',
				(SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM kb_entry_tag kt JOIN tag t ON t.id = kt.tag_id WHERE kt.kb_entry_id = k.id),
				(SELECT string_agg(regexp_replace(a.file_name, '[._-]+', ' ', 'g'), ' ' ORDER BY a.id) FROM attachment a WHERE a.kb_entry_id = k.id)),
			adoption_count = (SELECT count(*) FROM adoption d WHERE d.kb_entry_id = k.id AND d.status = 'adopted')
		WHERE k.id = entry_id
	$$`,
	sql`CREATE FUNCTION kb_entry_refresh_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kb_entry_id IS NOT NULL THEN PERFORM kb_entry_refresh(NEW.kb_entry_id); END IF;
			IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.kb_entry_id IS DISTINCT FROM NEW.kb_entry_id) THEN
				IF OLD.kb_entry_id IS NOT NULL THEN PERFORM kb_entry_refresh(OLD.kb_entry_id); END IF;
			END IF;
			RETURN NULL;
		END $$`,
	sql`CREATE TRIGGER kb_entry_tag_refresh AFTER INSERT OR UPDATE OR DELETE ON kb_entry_tag FOR EACH ROW EXECUTE FUNCTION kb_entry_refresh_trigger()`,
	sql`CREATE TRIGGER attachment_kb_refresh AFTER INSERT OR UPDATE OR DELETE ON attachment FOR EACH ROW EXECUTE FUNCTION kb_entry_refresh_trigger()`,
	sql`CREATE TRIGGER adoption_kb_refresh AFTER INSERT OR UPDATE OR DELETE ON adoption FOR EACH ROW EXECUTE FUNCTION kb_entry_refresh_trigger()`
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP TRIGGER IF EXISTS adoption_kb_refresh ON adoption`.execute(db);
	await sql`DROP TRIGGER IF EXISTS attachment_kb_refresh ON attachment`.execute(db);
	await sql`DROP TRIGGER IF EXISTS kb_entry_tag_refresh ON kb_entry_tag`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_entry_refresh_trigger()`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_entry_refresh(integer)`.execute(db);
	await sql`DROP INDEX IF EXISTS subscription_user_id_index`.execute(db);
	await sql`DROP INDEX IF EXISTS measured_result_idea_id_index`.execute(db);
	await sql`DROP INDEX IF EXISTS kb_entry_process_area_id_index`.execute(db);
	await sql`DROP INDEX IF EXISTS kb_entry_adoption_count_index`.execute(db);
	await sql`DROP INDEX IF EXISTS kb_entry_search_doc_index`.execute(db);
	await sql`ALTER TABLE kb_entry DROP COLUMN search_doc`.execute(db);
	await sql`ALTER TABLE kb_entry ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
		setweight(to_tsvector('english'::regconfig, coalesce(summary, '') || ' ' || coalesce(problem, '') || ' ' || coalesce(solution, '')), 'B') ||
		setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '') || ' ' || coalesce(problem, '') || ' ' || coalesce(solution, '')), 'B')) STORED`.execute(
		db
	);
	await sql`CREATE INDEX kb_entry_search_doc_index ON kb_entry USING gin (search_doc)`.execute(db);
	await sql`DROP FUNCTION IF EXISTS kb_unaccent(text)`.execute(db);
	await sql`ALTER TABLE kb_entry DROP COLUMN adoption_count`.execute(db);
	await sql`ALTER TABLE kb_entry DROP COLUMN search_extra`.execute(db);
	await sql`ALTER TABLE kb_entry DROP COLUMN requested_by`.execute(db);
	await sql`DELETE FROM kb_entry WHERE status = 'pending'`.execute(db);
	await sql`ALTER TABLE kb_entry DROP CONSTRAINT kb_entry_status_check`.execute(db);
	await sql`ALTER TABLE kb_entry ADD CONSTRAINT kb_entry_status_check CHECK (status IN ('published', 'unpublished'))`.execute(db);
}
