/**
 * A company at the insight benchmark's scale (issue 15), generated in SQL on top of the demo
 * organisation: `generateInsightCompany(db, { people: 15000, ideas: 5000, editions: 5 })`.
 *
 * - Departments: sub-departments under the demo's seven departments (Build Operations has a
 *   third level: Assembly 1 day and night shift). The people work in the leaf departments.
 * - People: job and education levels by the kind of department (production: mostly operators
 *   with MBO, office: mostly engineers and specialists with HBO or WO; about 2% education
 *   unknown). `department_headcount` and `department.headcount` are counted from these people,
 *   so the grid sums to them. Two managers of each new department sit on its management team.
 *   About 4% of engineers, specialists and managers are mentors.
 * - Editions: five competitions, one a year (submission March to May), each with a department
 *   semi-final (one jury per top department, 3-6 of its managers and directors, weighted
 *   criteria 1-5) and a company final (five directors, criteria 1-10). Screening is the ideas'
 *   own stage (submitted, screening, answered), as in the app.
 * - Ideas: spread over the editions (growing each year), creators drawn with a bias towards
 *   engineers and higher education (the gap the dashboards show), 0-3 team members, every
 *   status change in idea_event along realistic stage times (screening answered within 1-20
 *   days, so some miss the response time), mentor assignments for about 45% of the accepted
 *   ideas (some declined first), score sheets by every juror of the jury (some lenient, some
 *   strict, each with their own speed), round entries with score, rank and outcome (top 3 per
 *   department to the final; winner, runner-up, finalists), implementations, knowledge-base
 *   entries, adoptions by other departments and measured results (hours, euros, defects,
 *   safety, other) on implementations, entries and adoptions.
 *
 * Every choice is an integer hash (md5) of the row number and a salt: the same input database
 * gives the same rows. One INSERT … SELECT per table (plus a few UPDATEs of round entries and
 * ideas once the scores decide the outcomes), on one connection (temporary tables hold the plan).
 */
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db/index.js';

export type InsightDataOptions = { people?: number; ideas?: number; editions?: number; log?: (line: string) => void };
export type InsightData = {
	seconds: number;
	counts: Record<string, number>;
	/** A department with sub-departments (Build Operations) and the editions' competition ids. */
	departmentWithSubs: number;
	competitionIds: number[];
};

/** A number in [0, 2^32) from `expr` and `salt`. */
const H = (expr: string, salt: string) => `(('x' || substr(md5((${expr})::text || ':${salt}'), 1, 8))::bit(32)::bigint)`;
/** A number in [0, 1) from `expr` and `salt`. */
const U = (expr: string, salt: string) => `(${H(expr, salt)} / 4294967296.0)`;
const minutes = (x: string) => `(interval '1 minute' * floor(${x}))`;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

type Sub = { code: string; name: string; nl: string; teams?: Array<{ code: string; name: string; nl: string }> };
type Top = { code: string; kind: 'production' | 'office'; share: number; subs: Sub[] };

/** The demo's departments (by code) and the sub-departments added under them; shares of the people. */
const TOPS: Top[] = [
	{
		code: 'BO',
		kind: 'production',
		share: 7000,
		subs: [
			{
				code: 'BO-ASM1',
				name: 'Assembly 1',
				nl: 'Assemblage 1',
				teams: [
					{ code: 'BO-ASM1-D', name: 'Assembly 1 day shift', nl: 'Assemblage 1 dagdienst' },
					{ code: 'BO-ASM1-N', name: 'Assembly 1 night shift', nl: 'Assemblage 1 nachtdienst' }
				]
			},
			{ code: 'BO-ASM2', name: 'Assembly 2', nl: 'Assemblage 2' },
			{ code: 'BO-ASM3', name: 'Assembly 3', nl: 'Assemblage 3' },
			{ code: 'BO-ASM4', name: 'Assembly 4', nl: 'Assemblage 4' },
			{ code: 'BO-CLR', name: 'Cleanroom', nl: 'Cleanroom' },
			{ code: 'BO-MOD', name: 'Module build', nl: 'Modulebouw' },
			{ code: 'BO-PRE', name: 'Pre-assembly', nl: 'Voormontage' },
			{ code: 'BO-SUP', name: 'Production support', nl: 'Productieondersteuning' }
		]
	},
	{
		code: 'QA',
		kind: 'office',
		share: 1100,
		subs: [
			{ code: 'QA-INC', name: 'Incoming inspection', nl: 'Ingangscontrole' },
			{ code: 'QA-PRC', name: 'Process quality', nl: 'Proceskwaliteit' },
			{ code: 'QA-LAB', name: 'Metrology lab', nl: 'Meetlab' }
		]
	},
	{
		code: 'LOG',
		kind: 'production',
		share: 1400,
		subs: [
			{ code: 'LOG-WH', name: 'Warehouse', nl: 'Magazijn' },
			{ code: 'LOG-TRN', name: 'Transport', nl: 'Transport' },
			{ code: 'LOG-PLN', name: 'Planning', nl: 'Planning' }
		]
	},
	{
		code: 'TST',
		kind: 'production',
		share: 1800,
		subs: [
			{ code: 'TST-MOD', name: 'Module test', nl: 'Moduletest' },
			{ code: 'TST-CAL', name: 'Calibration', nl: 'Kalibratie' },
			{ code: 'TST-SYS', name: 'System test', nl: 'Systeemtest' }
		]
	},
	{
		code: 'ENG',
		kind: 'office',
		share: 2450,
		subs: [
			{ code: 'ENG-MEC', name: 'Mechanical engineering', nl: 'Mechanica' },
			{ code: 'ENG-ELE', name: 'Electrical engineering', nl: 'Elektrotechniek' },
			{ code: 'ENG-SW', name: 'Software', nl: 'Software' },
			{ code: 'ENG-PRC', name: 'Process engineering', nl: 'Procestechniek' }
		]
	},
	{
		code: 'EHS',
		kind: 'office',
		share: 250,
		subs: [
			{ code: 'EHS-SAF', name: 'Safety', nl: 'Veiligheid' },
			{ code: 'EHS-ENV', name: 'Environment', nl: 'Milieu' }
		]
	},
	{
		code: 'GEN',
		kind: 'office',
		share: 1000,
		subs: [
			{ code: 'GEN-IT', name: 'IT', nl: 'IT' },
			{ code: 'GEN-HR', name: 'Human resources', nl: 'Personeelszaken' },
			{ code: 'GEN-FIN', name: 'Finance', nl: 'Financiën' }
		]
	}
];

const FIRST = [
	'Anna', 'Bram', 'Daan', 'Emma', 'Fleur', 'Gert', 'Hanna', 'Ilse', 'Jan', 'Joris', 'Karin', 'Lars', 'Lotte', 'Mark', 'Noor',
	'Olaf', 'Petra', 'Rik', 'Sara', 'Tim', 'Vera', 'Wim', 'Yara', 'Zoë', 'Ahmed', 'Fatima', 'Mehmet', 'Priya', 'Tomasz', 'Chen'
]; // prettier-ignore
const LAST = [
	'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
	'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra',
	'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'Yilmaz', 'Kowalski'
]; // prettier-ignore
const TITLE_START = [
	'Fixed place for the', 'Faster check of the', 'Colour-coded', 'Safer handling of the', 'New way of working for the',
	'Less searching for the', 'Digital log for the', 'Poka-yoke on the', 'Shorter set-up of the', 'Visual board for the'
]; // prettier-ignore
const TITLE_THING = [
	'torque wrench', 'calibration gauge', 'shadow board', 'kanban bin', 'label printer', 'ESD tester', 'lifting aid',
	'vacuum fixture', 'purge hose', 'work instruction', 'cleanroom trolley', 'helium leak tester', 'cable set', 'pallet jack',
	'barcode scanner', 'inspection bench', 'reticle handler', 'spare parts rack', 'test cell', 'forklift route', 'gowning room'
]; // prettier-ignore

const arr = (xs: readonly string[]) => `ARRAY[${xs.map(q).join(',')}]`;
const pick = (xs: readonly string[], expr: string, salt: string) => `(${arr(xs)})[1 + ${H(expr, salt)} % ${xs.length}]`;

export async function generateInsightCompany(db: Database, opts: InsightDataOptions = {}): Promise<InsightData> {
	return db.connection().execute((conn) => generateOn(conn, opts));
}

async function generateOn(db: Database, opts: InsightDataOptions): Promise<InsightData> {
	const started = performance.now();
	const PEOPLE = opts.people ?? 15_000;
	const IDEAS = opts.ideas ?? 5_000;
	const EDITIONS = opts.editions ?? 5;
	const log = opts.log ?? (() => {});
	const run = async (label: string, text: string) => {
		const t0 = performance.now();
		const r = await sql.raw(text).execute(db);
		const ms = performance.now() - t0;
		if (ms > 500) log(`${label}: ${(ms / 1000).toFixed(1)} s${r.numAffectedRows !== undefined ? ` (${r.numAffectedRows} rows)` : ''}`);
		return r;
	};
	const one = async <T>(text: string) => (await sql.raw<T>(text).execute(db)).rows[0];
	await run('jit', 'SET jit = off').catch(() => {});

	const organiser = await one<{ id: number }>(
		`SELECT u.id FROM app_user u JOIN role_grant g ON g.user_id = u.id AND g.role = 'organiser' ORDER BY u.id LIMIT 1`
	);
	if (!organiser) throw new Error('insight data: no organiser (seed the demo first)');
	const ORG = organiser.id;

	// ------------------------------------------------------------ departments
	const leaves: Array<{ code: string; top: string; kind: string; count: number }> = [];
	const shareTotal = TOPS.reduce((s, t) => s + t.share, 0);
	let assigned = 0;
	for (const [ti, top] of TOPS.entries()) {
		const topPeople = ti === TOPS.length - 1 ? PEOPLE - assigned : Math.round((PEOPLE * top.share) / shareTotal);
		assigned += topPeople;
		const codes = top.subs.flatMap((s) => (s.teams ? s.teams.map((t) => t.code) : [s.code]));
		codes.forEach((code, i) => {
			const count = Math.floor(topPeople / codes.length) + (i < topPeople % codes.length ? 1 : 0);
			leaves.push({ code, top: top.code, kind: top.kind, count });
		});
	}
	const subs = TOPS.flatMap((t) => t.subs.map((s) => `(${q(s.code)}, ${q(s.name)}, ${q(s.nl)}, ${q(t.code)})`));
	const teams = TOPS.flatMap((t) =>
		t.subs.flatMap((s) => (s.teams ?? []).map((x) => `(${q(x.code)}, ${q(x.name)}, ${q(x.nl)}, ${q(s.code)})`))
	);
	const addDepartments = (values: string[]) =>
		`INSERT INTO department (code, name, name_nl, parent_id, headcount, created_at)
		SELECT v.code, v.name, v.nl, p.id, 0, timestamptz '2021-01-04 08:00+00'
		FROM (VALUES ${values.join(',')}) v(code, name, nl, parent) JOIN department p ON p.code = v.parent ORDER BY v.code`;
	await run('departments', addDepartments(subs));
	await run('teams', addDepartments(teams));
	let lo = 1;
	const leafRows = leaves.map((l) => {
		const row = `(${q(l.code)}, ${q(l.top)}, ${q(l.kind)}, ${lo}, ${lo + l.count - 1})`;
		lo += l.count;
		return row;
	});
	await run(
		'bench_leaf',
		`CREATE TEMP TABLE bench_leaf AS
		SELECT d.id AS dept_id, t.id AS top_id, v.kind, v.lo, v.hi
		FROM (VALUES ${leafRows.join(',')}) v(code, top, kind, lo, hi)
		JOIN department d ON d.code = v.code JOIN department t ON t.code = v.top`
	);
	const tops = await sql
		.raw<{ id: number; code: string }>(
			`SELECT id, code FROM department WHERE code IN (${TOPS.map((t) => q(t.code)).join(',')}) ORDER BY id`
		)
		.execute(db);
	const topIds = tops.rows.map((r) => r.id);
	const bo = tops.rows.find((r) => r.code === 'BO')!.id;

	// ------------------------------------------------------------ people
	const g = 'g';
	const job = `CASE WHEN l.kind = 'production' THEN
			CASE WHEN ${U(g, 'job')} < 0.58 THEN 'operator' WHEN ${U(g, 'job')} < 0.78 THEN 'technician' WHEN ${U(g, 'job')} < 0.88 THEN 'engineer'
			WHEN ${U(g, 'job')} < 0.945 THEN 'specialist' WHEN ${U(g, 'job')} < 0.99 THEN 'manager' ELSE 'director' END
		ELSE
			CASE WHEN ${U(g, 'job')} < 0.05 THEN 'operator' WHEN ${U(g, 'job')} < 0.20 THEN 'technician' WHEN ${U(g, 'job')} < 0.62 THEN 'engineer'
			WHEN ${U(g, 'job')} < 0.86 THEN 'specialist' WHEN ${U(g, 'job')} < 0.985 THEN 'manager' ELSE 'director' END
		END`;
	const e = U(g, 'edu');
	const edu = `CASE j.job
		WHEN 'operator' THEN CASE WHEN ${e} < 0.03 THEN NULL WHEN ${e} < 0.33 THEN 'vmbo' WHEN ${e} < 0.95 THEN 'mbo' ELSE 'hbo' END
		WHEN 'technician' THEN CASE WHEN ${e} < 0.03 THEN NULL WHEN ${e} < 0.05 THEN 'vmbo' WHEN ${e} < 0.75 THEN 'mbo' WHEN ${e} < 0.97 THEN 'hbo' ELSE 'wo' END
		WHEN 'engineer' THEN CASE WHEN ${e} < 0.02 THEN NULL WHEN ${e} < 0.05 THEN 'mbo' WHEN ${e} < 0.65 THEN 'hbo' ELSE 'wo' END
		WHEN 'specialist' THEN CASE WHEN ${e} < 0.02 THEN NULL WHEN ${e} < 0.08 THEN 'mbo' WHEN ${e} < 0.58 THEN 'hbo' ELSE 'wo' END
		WHEN 'manager' THEN CASE WHEN ${e} < 0.10 THEN 'mbo' WHEN ${e} < 0.60 THEN 'hbo' ELSE 'wo' END
		ELSE CASE WHEN ${e} < 0.25 THEN 'hbo' ELSE 'wo' END END`;
	await run(
		'people',
		`INSERT INTO app_user (email, name, department_id, job_level, education_level, job_title, locale, created_at)
		SELECT 'p' || g || '@insight.bench', ${pick(FIRST, g, 'first')} || ' ' || ${pick(LAST, g, 'last')} || ' ' || g, l.dept_id, j.job, ${edu},
			initcap(j.job), CASE WHEN ${U(g, 'locale')} < 0.7 THEN 'nl' ELSE 'en' END, timestamptz '2021-01-04 08:00+00'
		FROM generate_series(1, ${PEOPLE}) g JOIN bench_leaf l ON g BETWEEN l.lo AND l.hi
		CROSS JOIN LATERAL (SELECT ${job} AS job) j ORDER BY g`
	);
	await run(
		'bench_person',
		`CREATE TEMP TABLE bench_person AS
		SELECT split_part(split_part(u.email, '@', 1), 'p', 2)::int AS g, u.id AS user_id, u.department_id AS dept_id, l.top_id, u.job_level AS job, u.education_level AS edu
		FROM app_user u JOIN bench_leaf l ON l.dept_id = u.department_id WHERE u.email LIKE '%@insight.bench'`
	);
	await run('bench_person index', 'CREATE UNIQUE INDEX ON bench_person (g)');
	await run(
		'headcount grid',
		`INSERT INTO department_headcount (department_id, job_level, education_level, headcount)
		SELECT dept_id, job, coalesce(edu, 'unknown'), count(*) FROM bench_person GROUP BY 1, 2, 3`
	);
	await run(
		'headcount',
		`UPDATE department d SET headcount = c.n FROM (SELECT dept_id, count(*)::int AS n FROM bench_person GROUP BY 1) c WHERE d.id = c.dept_id`
	);
	await run(
		'management teams',
		`INSERT INTO department_mt_member (department_id, user_id, added_at)
		SELECT dept_id, user_id, timestamptz '2021-01-04 08:00+00' FROM (
			SELECT p.*, row_number() OVER (PARTITION BY dept_id ORDER BY (job = 'director') DESC, g) AS rn
			FROM bench_person p WHERE job IN ('manager', 'director')) x
		WHERE rn <= 2`
	);
	await run(
		'mentors',
		`INSERT INTO mentor_profile (user_id, expertise, languages, capacity, bio, status, created_at)
		SELECT user_id, ARRAY['lean'], ARRAY['nl', 'en'], 2 + ${H(g, 'cap')} % 4, 'Mentor for the insight benchmark.',
			CASE WHEN ${U(g, 'paused')} < 0.1 THEN 'paused' ELSE 'active' END, timestamptz '2021-01-04 08:00+00'
		FROM bench_person WHERE job IN ('engineer', 'specialist', 'manager') AND ${U(g, 'mentor')} < 0.04`
	);
	await run(
		'bench_mentor',
		`CREATE TEMP TABLE bench_mentor AS SELECT row_number() OVER (ORDER BY user_id)::int AS k, user_id FROM mentor_profile WHERE user_id IN (SELECT user_id FROM bench_person)`
	);
	const mentors = (await one<{ n: number }>('SELECT count(*)::int AS n FROM bench_mentor')).n;
	log(`people: ${PEOPLE}, mentors: ${mentors}`);

	// ------------------------------------------------------------ editions, rounds, criteria, juries
	const lastYear = new Date().getUTCFullYear() - (new Date().getUTCMonth() < 11 ? 1 : 0);
	const years = Array.from({ length: EDITIONS }, (_, i) => lastYear - EDITIONS + 1 + i);
	const weights = years.map((_, i) => 700 + 150 * i);
	const wsum = weights.reduce((a, b) => a + b, 0);
	let from = 1;
	const editionRows = years.map((y, i) => {
		const n = i === years.length - 1 ? IDEAS - from + 1 : Math.round((IDEAS * weights[i]) / wsum);
		const row = `(${i}, ${y}, ${from}, ${from + n - 1})`;
		from += n;
		return row;
	});
	await run(
		'competitions',
		`INSERT INTO competition (slug, name, call_text, submission_opens_at, submission_closes_at, response_days, status, created_by, created_at)
		SELECT 'insight-cup-' || y, 'Insight Cup ' || y, 'The yearly improvement competition (benchmark edition).',
			make_timestamptz(y, 3, 1, 7, 0, 0, 'UTC'), make_timestamptz(y, 5, 31, 21, 59, 0, 'UTC'), 10, 'closed', ${ORG}, make_timestamptz(y, 1, 15, 9, 0, 0, 'UTC')
		FROM (VALUES ${years.map((y) => `(${y})`).join(',')}) v(y) ORDER BY y`
	);
	await run(
		'bench_edition',
		`CREATE TEMP TABLE bench_edition AS
		SELECT v.ed, v.y, v.lo, v.hi, c.id AS comp_id, c.submission_opens_at AS y0 FROM (VALUES ${editionRows.join(',')}) v(ed, y, lo, hi)
		JOIN competition c ON c.slug = 'insight-cup-' || v.y`
	);
	await run(
		'competition departments',
		`INSERT INTO competition_department (competition_id, department_id) SELECT e.comp_id, d FROM bench_edition e CROSS JOIN unnest(ARRAY[${topIds.join(',')}]) d`
	);
	await run(
		'rounds',
		`INSERT INTO round (competition_id, position, name, kind, scope, scoring_opens_at, scoring_closes_at, advancement_rule, advancement_count, status, closed_at, closed_by, created_at)
		SELECT e.comp_id, r.position, r.name, r.kind, r.scope, e.y0 + r.opens, e.y0 + r.closes, r.rule, r.n, 'published', e.y0 + r.closes, ${ORG}, e.y0
		FROM bench_edition e CROSS JOIN (VALUES
			(1, 'Department semi-final', 'semi_final', 'department', interval '184 days', interval '213 days', 'top_n', 3),
			(2, 'Company final', 'final', 'competition', interval '228 days', interval '249 days', 'manual', NULL::int)) r(position, name, kind, scope, opens, closes, rule, n)
		ORDER BY e.ed, r.position`
	);
	await run(
		'bench_edition rounds',
		`ALTER TABLE bench_edition ADD COLUMN semi integer, ADD COLUMN final integer, ADD COLUMN final_jury integer`
	);
	await run(
		'bench_edition rounds',
		`UPDATE bench_edition e SET semi = (SELECT id FROM round WHERE competition_id = e.comp_id AND position = 1),
			final = (SELECT id FROM round WHERE competition_id = e.comp_id AND position = 2)`
	);
	await run(
		'criteria',
		`INSERT INTO round_criterion (round_id, position, code, name, weight, scale_min, scale_max, is_roll_out)
		SELECT e.semi, c.position, c.code, c.name, c.weight, 1, 5, c.code = 'roll_out' FROM bench_edition e CROSS JOIN (VALUES
			(1, 'roll_out', 'Roll-out potential to other departments', 25), (2, 'quality', 'Quality impact', 20), (3, 'safety', 'Safety impact', 15),
			(4, 'savings', 'Savings (time or money)', 15), (5, 'feasibility', 'Feasibility', 15), (6, 'originality', 'Originality', 10)) c(position, code, name, weight)
		UNION ALL
		SELECT e.final, c.position, c.code, c.name, c.weight, 1, 10, c.code = 'roll_out' FROM bench_edition e CROSS JOIN (VALUES
			(1, 'impact', 'Impact', 40), (2, 'roll_out', 'Roll-out potential', 30), (3, 'pitch', 'Presentation', 20), (4, 'originality', 'Originality', 10)) c(position, code, name, weight)
		ORDER BY 1, 2`
	);
	await run(
		'juries',
		`INSERT INTO jury (round_id, department_id, name)
		SELECT e.semi, d.id, d.name || ' MT' FROM bench_edition e CROSS JOIN department d WHERE d.id IN (${topIds.join(',')})
		UNION ALL SELECT e.final, NULL, 'Higher management' FROM bench_edition e
		ORDER BY 1, 2 NULLS LAST`
	);
	await run('bench_edition final jury', `UPDATE bench_edition e SET final_jury = (SELECT id FROM jury WHERE round_id = e.final)`);
	await run(
		'bench_jury',
		`CREATE TEMP TABLE bench_jury AS SELECT e.comp_id, j.department_id AS top_id, j.id AS jury_id FROM bench_edition e JOIN jury j ON j.round_id = e.semi`
	);
	await run(
		'jury members',
		`INSERT INTO jury_member (jury_id, user_id, is_chair, added_at)
		SELECT jury_id, user_id, rn = 1, timestamptz '2021-01-04 08:00+00' FROM (
			SELECT j.jury_id, p.user_id, row_number() OVER (PARTITION BY j.jury_id ORDER BY md5(p.user_id || ':' || j.jury_id)) AS rn,
				3 + ${H('j.jury_id', 'size')} % 4 AS size
			FROM bench_jury j JOIN bench_person p ON p.top_id = j.top_id AND p.job IN ('manager', 'director')) x
		WHERE rn <= size
		UNION ALL
		SELECT final_jury, user_id, rn = 1, timestamptz '2021-01-04 08:00+00' FROM (
			SELECT e.final_jury, p.user_id, row_number() OVER (PARTITION BY e.final_jury ORDER BY md5(p.user_id || ':' || e.final_jury)) AS rn
			FROM bench_edition e JOIN bench_person p ON p.job = 'director') x
		WHERE rn <= 5`
	);

	// ------------------------------------------------------------ the ideas' plan
	const ideaBase = (await one<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM idea')).n;
	const i = 'i';
	// Creators: a skewed draw over a permutation of the people (some take part every year),
	// drawn again (once) for many operators and vocational levels: the participation gap.
	const draw = (salt: string) => `(1 + (floor(${PEOPLE} * power(${U(i, salt)}, 1.7))::bigint * 7919) % ${PEOPLE})`;
	await run(
		'bench_idea',
		`CREATE TEMP TABLE bench_idea AS
		SELECT i, ${ideaBase} + i AS idea_id, e.ed, e.comp_id, e.y0, e.semi, e.final, e.final_jury, c.user_id AS creator, c.dept_id, c.top_id, c.g AS pg,
			(${U(i, 'q1')} + ${U(i, 'q2')} + ${U(i, 'q3')}) / 3 AS q, f.fate, f.coached, f.declined_first,
			t0.created, t1.submitted, t2.screening, t2.withdrawn, t3.answered, t4.resubmitted, t5.accepted,
			t6.mentor_at, t6.mentor_answered, t6.ready,
			CASE WHEN t5.accepted IS NOT NULL THEN e.y0 + interval '184 days' + interval '1 second' * i END AS semi_at,
			NULL::text AS semi_outcome, NULL::text AS final_outcome, NULL::int AS final_rank,
			NULL::text AS impl_status, NULL::date AS done_on, NULL::timestamptz AS kb_at, NULL::text AS status
		FROM generate_series(1, ${IDEAS}) i
		JOIN bench_edition e ON i BETWEEN e.lo AND e.hi
		JOIN bench_person p1 ON p1.g = ${draw('c1')}
		JOIN bench_person p2 ON p2.g = ${draw('c2')}
		CROSS JOIN LATERAL (SELECT CASE WHEN (p1.job = 'operator' AND ${U(i, 'op')} < 0.55) OR (coalesce(p1.edu, 'mbo') IN ('vmbo', 'mbo') AND ${U(i, 'ed')} < 0.35)
			THEN p2 ELSE p1 END AS p) pp
		CROSS JOIN LATERAL (SELECT (pp.p).user_id, (pp.p).dept_id, (pp.p).top_id, (pp.p).g) c
		CROSS JOIN LATERAL (SELECT
			CASE WHEN ${U(i, 'fate')} < 0.04 THEN 'draft' WHEN ${U(i, 'fate')} < 0.06 THEN 'withdrawn' WHEN ${U(i, 'fate')} < 0.14 THEN 'declined'
				WHEN ${U(i, 'fate')} < 0.17 THEN 'returned' WHEN ${U(i, 'fate')} < 0.20 THEN 'returned_accepted' ELSE 'accepted' END AS fate,
			${U(i, 'coach')} < 0.45 AS coached, ${U(i, 'declined')} < 0.15 AS declined_first) f
		CROSS JOIN LATERAL (SELECT e.y0 + ${minutes(`${U(i, 'tc')} * 85 * 1440`)} AS created) t0
		CROSS JOIN LATERAL (SELECT CASE WHEN f.fate <> 'draft' THEN t0.created + ${minutes(`10 + ${U(i, 'ts')} * 4 * 1440`)} END AS submitted) t1
		CROSS JOIN LATERAL (SELECT
			CASE WHEN f.fate NOT IN ('draft', 'withdrawn') THEN t1.submitted + ${minutes(`30 + ${U(i, 'tq')} * 3 * 1440`)} END AS screening,
			CASE WHEN f.fate = 'withdrawn' THEN t1.submitted + ${minutes(`60 + ${U(i, 'tw')} * 5 * 1440`)} END AS withdrawn) t2
		CROSS JOIN LATERAL (SELECT t2.screening + ${minutes(`60 + power(${U(i, 'ta')}, 2) * 20 * 1440`)} AS answered) t3
		CROSS JOIN LATERAL (SELECT CASE WHEN f.fate = 'returned_accepted' THEN t3.answered + ${minutes(`1440 + ${U(i, 'tr')} * 6 * 1440`)} END AS resubmitted) t4
		CROSS JOIN LATERAL (SELECT CASE WHEN f.fate = 'accepted' THEN t3.answered WHEN f.fate = 'returned_accepted' THEN t4.resubmitted + interval '3 days' END AS accepted) t5
		CROSS JOIN LATERAL (SELECT m.mentor_at, m.mentor_at + ${minutes(`10 + power(${U(i, 'tma')}, 2) * 6 * 1440`)} AS mentor_answered,
			m.mentor_at + (e.y0 + interval '182 days' - m.mentor_at) * (0.5 + 0.45 * ${U(i, 'tre')}) AS ready
			FROM (SELECT CASE WHEN t5.accepted IS NOT NULL AND f.coached THEN t5.accepted + ${minutes(`120 + ${U(i, 'tm')} * 3 * 1440`)} END AS mentor_at) m) t6`
	);
	await run('bench_idea index', 'CREATE UNIQUE INDEX ON bench_idea (idea_id)');
	const areas = await one<{ ids: number[] | null }>('SELECT array_agg(id ORDER BY id) AS ids FROM process_area');
	const areaIds = areas.ids?.length ? areas.ids : null;
	const title = `${pick(TITLE_START, i, 't1')} || ' ' || ${pick(TITLE_THING, i, 't2')}`;

	// Ideas first as they stood when the semi-final opened; the outcomes are written after the scores.
	await run(
		'ideas',
		`INSERT INTO idea (id, competition_id, department_id, process_area_id, title, problem, proposal, status, created_by, created_at, updated_at,
			first_submitted_at, submitted_at, answered_at)
		SELECT idea_id, comp_id, dept_id, ${areaIds ? `(ARRAY[${areaIds.join(',')}])[1 + ${H(i, 'area')} % ${areaIds.length}]` : 'NULL'}, ${title},
			'Generated problem of benchmark idea ' || i || '.', 'Generated proposal of benchmark idea ' || i || '.',
			CASE WHEN fate = 'draft' THEN 'draft' WHEN fate IN ('withdrawn', 'declined', 'returned') THEN fate ELSE 'semi_final' END,
			creator, created, coalesce(semi_at, withdrawn, answered, created),
			submitted, coalesce(resubmitted, submitted), answered
		FROM bench_idea`
	);
	await run('idea id', `SELECT setval(pg_get_serial_sequence('idea', 'id'), (SELECT max(id) FROM idea))`);
	const teamSize = `(CASE WHEN ${U('b.i', 'team')} < 0.4 THEN 0 WHEN ${U('b.i', 'team')} < 0.7 THEN 1 WHEN ${U('b.i', 'team')} < 0.9 THEN 2 ELSE 3 END)`;
	await run(
		'idea members',
		`INSERT INTO idea_member (idea_id, user_id, role, added_at)
		SELECT idea_id, creator, 'owner', created FROM bench_idea
		UNION ALL
		SELECT DISTINCT ON (b.idea_id, m.user_id) b.idea_id, m.user_id, 'member', b.created + interval '1 hour' * n
		FROM bench_idea b CROSS JOIN LATERAL generate_series(1, ${teamSize}) n
		JOIN bench_leaf l ON l.dept_id = b.dept_id
		JOIN bench_person m ON m.g = l.lo + ${H("b.i || '.' || n", 'mate')} % (l.hi - l.lo + 1)
		WHERE m.user_id <> b.creator
		ON CONFLICT DO NOTHING`
	);
	await run(
		'idea benefits',
		`INSERT INTO idea_benefit (idea_id, kind, description, estimate, unit)
		SELECT b.idea_id, k.kind, 'Expected ' || k.kind || ' benefit.', round((50 + ${U('b.i || k.kind', 'est')} * 2000)::numeric, 2), k.unit
		FROM bench_idea b CROSS JOIN (VALUES ('time', 'hours/year'), ('money', 'euros/year'), ('quality', 'defects/year'), ('safety', 'incidents/year')) k(kind, unit)
		WHERE b.fate <> 'draft' AND ${U('b.i || k.kind', 'ben')} < 0.35`
	);

	// ------------------------------------------------------------ judging
	// Juror leniency: about one in five lenient, one in ten strict, the rest near the mean.
	const bias = (juror: string) =>
		`(CASE ${H(juror, 'lenient')} % 10 WHEN 0 THEN 0.18 WHEN 1 THEN 0.12 WHEN 2 THEN -0.2 ELSE (${U(juror, 'b')} - 0.5) * 0.08 END)`;
	const scoreSheets = (round: string, opens: string) =>
		`INSERT INTO score_sheet (round_id, idea_id, juror_id, overall_comment, submitted_at, version, created_at, updated_at)
		SELECT re.round_id, re.idea_id, jm.user_id, '', t.created + t.took, 1 + ${H("re.idea_id || '.' || jm.user_id", 'ver')} % 3, t.created, t.created + t.took
		FROM round_entry re JOIN bench_idea b ON b.idea_id = re.idea_id AND re.round_id = b.${round}
		JOIN jury_member jm ON jm.jury_id = re.jury_id
		CROSS JOIN LATERAL (SELECT b.y0 + interval '${opens}' + ${minutes(`${U("re.idea_id || '.' || jm.user_id", 'sc')} * 20 * 1440`)} AS created,
			${minutes(`3 + 40 * ${U('jm.user_id', 'speed')} * (0.5 + ${U("re.idea_id || '.' || jm.user_id", 'took')})`)} AS took) t
		WHERE jm.user_id <> b.creator
		ORDER BY re.round_id, re.idea_id, jm.user_id`;
	const scores = (round: string) =>
		`INSERT INTO score (sheet_id, criterion_id, value, updated_at)
		SELECT s.id, c.id, greatest(c.scale_min, least(c.scale_max, round(c.scale_min + (c.scale_max - c.scale_min)
			* (b.q + ${bias('s.juror_id')} + (${U("s.idea_id || '.' || s.juror_id || '.' || s.round_id || '.' || c.position", 'noise')} - 0.5) * 0.45))))::int, s.updated_at
		FROM score_sheet s JOIN bench_idea b ON b.idea_id = s.idea_id AND s.round_id = b.${round}
		JOIN round_criterion c ON c.round_id = s.round_id`;
	/** Score (0-100, the mean of the jurors' weighted scores), rank per jury, outcome. */
	const decide = (round: string, outcome: string, reason: string, decided: string) =>
		`UPDATE round_entry re SET score = x.score, rank = x.rk, outcome = ${outcome}, outcome_reason = ${reason}, decided_at = x.y0 + interval '${decided}' + interval '1 minute' * x.rk
		FROM (SELECT y.*, row_number() OVER (PARTITION BY y.jury_id ORDER BY y.score DESC, y.idea_id) AS rk FROM (
			SELECT re2.round_id, re2.idea_id, re2.jury_id, b.y0, round(avg(w.s), 4) AS score
			FROM round_entry re2 JOIN bench_idea b ON b.idea_id = re2.idea_id AND re2.round_id = b.${round}
			JOIN (SELECT s.round_id, s.idea_id, s.id, 100 * sum(c.weight * (sc.value - c.scale_min)::numeric / (c.scale_max - c.scale_min)) / sum(c.weight) AS s
				FROM score_sheet s JOIN score sc ON sc.sheet_id = s.id JOIN round_criterion c ON c.id = sc.criterion_id GROUP BY s.round_id, s.idea_id, s.id) w
				ON w.round_id = re2.round_id AND w.idea_id = re2.idea_id
			GROUP BY 1, 2, 3, 4) y) x
		WHERE re.round_id = x.round_id AND re.idea_id = x.idea_id`;

	await run('score trigger off', 'ALTER TABLE score DISABLE TRIGGER score_value_on_scale');
	try {
		await run(
			'semi-final entries',
			`INSERT INTO round_entry (round_id, idea_id, jury_id) SELECT b.semi, b.idea_id, j.jury_id FROM bench_idea b
			JOIN bench_jury j ON j.comp_id = b.comp_id AND j.top_id = b.top_id WHERE b.accepted IS NOT NULL`
		);
		await run('semi-final sheets', scoreSheets('semi', '184 days'));
		await run('semi-final scores', scores('semi'));
		await run(
			'semi-final outcomes',
			decide(
				'semi',
				`CASE WHEN x.rk <= 3 THEN 'advanced' ELSE 'stopped' END`,
				`CASE WHEN x.rk <= 3 THEN 'Top 3 of the department: on to the final.' ELSE 'Not in the top 3 of the department.' END`,
				'214 days'
			)
		);
		await run(
			'semi outcome',
			`UPDATE bench_idea b SET semi_outcome = re.outcome FROM round_entry re WHERE re.round_id = b.semi AND re.idea_id = b.idea_id`
		);
		await run(
			'final entries',
			`INSERT INTO round_entry (round_id, idea_id, jury_id, from_round_id) SELECT b.final, b.idea_id, b.final_jury, b.semi FROM bench_idea b WHERE b.semi_outcome = 'advanced'`
		);
		await run('final sheets', scoreSheets('final', '228 days'));
		await run('final scores', scores('final'));
		await run(
			'final outcomes',
			decide(
				'final',
				`CASE x.rk WHEN 1 THEN 'winner' WHEN 2 THEN 'runner_up' ELSE 'finalist' END`,
				`'Decided by the directors in the company final.'`,
				'250 days'
			)
		);
	} finally {
		await run('score trigger on', 'ALTER TABLE score ENABLE TRIGGER score_value_on_scale');
	}
	await run(
		'final outcome',
		`UPDATE bench_idea b SET final_outcome = re.outcome, final_rank = re.rank FROM round_entry re WHERE re.round_id = b.final AND re.idea_id = b.idea_id`
	);

	// ------------------------------------------------------------ after the final: implementation and the knowledge base
	await run(
		'implementation plan',
		`UPDATE bench_idea b SET impl_status = x.st, done_on = x.done, kb_at = x.kb FROM (
			SELECT idea_id, st, CASE WHEN st = 'done' THEN done END AS done,
				CASE WHEN st = 'done' AND ${U('i', 'kb')} < 0.6 AND done + 30 < current_date THEN (done + 20 + (${H('i', 'kbd')} % 10)::int)::timestamptz + interval '9 hours' END AS kb
			FROM (SELECT i, idea_id, (y0 + interval '260 days')::date + (${H('i', 'done')} % 200)::int AS done,
				CASE WHEN final_outcome IS NOT NULL AND ${U('i', 'impl')} < 0.85 OR semi_outcome = 'stopped' AND ${U('i', 'impl')} < 0.15 THEN
					CASE WHEN ${U('i', 'ist')} < 0.1 THEN 'planned' WHEN ${U('i', 'ist')} < 0.3 THEN 'in_progress' ELSE 'done' END END AS st
				FROM bench_idea) y
			WHERE st IS NOT NULL) x
		WHERE b.idea_id = x.idea_id`
	);
	await run(
		'implementation plan (future)',
		`UPDATE bench_idea SET impl_status = 'in_progress', done_on = NULL, kb_at = NULL WHERE done_on >= current_date`
	);
	await run(
		'final statuses',
		`UPDATE bench_idea SET status = CASE
			WHEN kb_at IS NOT NULL THEN 'published' WHEN done_on IS NOT NULL THEN 'implemented'
			WHEN final_outcome IS NOT NULL THEN final_outcome WHEN semi_outcome = 'stopped' THEN 'not_advanced'
			WHEN fate = 'draft' THEN 'draft' WHEN fate IN ('withdrawn', 'declined', 'returned') THEN fate ELSE 'semi_final' END`
	);
	await run(
		'idea outcomes',
		`UPDATE idea i SET status = b.status, award = b.final_outcome,
			updated_at = coalesce(b.kb_at, b.done_on::timestamptz + interval '16 hours', b.y0 + interval '250 days' + interval '1 minute' * b.final_rank,
				CASE WHEN b.semi_outcome IS NOT NULL THEN b.y0 + interval '214 days' END, i.updated_at)
		FROM bench_idea b WHERE i.id = b.idea_id AND (b.semi_outcome IS NOT NULL OR b.kb_at IS NOT NULL)`
	);
	await run(
		'implementations',
		`INSERT INTO implementation (idea_id, owner_id, status, done_on, updated_at)
		SELECT idea_id, creator, impl_status, done_on, coalesce(done_on::timestamptz + interval '16 hours', y0 + interval '270 days') FROM bench_idea WHERE impl_status IS NOT NULL`
	);

	// ------------------------------------------------------------ the timeline
	const ev = (kind: string, fromS: string, toS: string, at: string, actor: string, data = `'{}'::jsonb`, reason = 'NULL::text') =>
		`(${q(kind)}, ${fromS}, ${toS}, ${at}, ${actor}, ${data}, ${reason})`;
	const n = 'NULL::text';
	const t = (s: string) => q(s);
	await run(
		'idea events',
		`INSERT INTO idea_event (idea_id, actor_id, kind, from_status, to_status, reason, data, created_at)
		SELECT b.idea_id, v.actor, v.kind, v.f, v.t, v.reason, v.data, v.at
		FROM bench_idea b
		LEFT JOIN bench_mentor m ON m.k = 1 + ${H('b.i', 'mentor')} % ${Math.max(1, mentors)}
		LEFT JOIN bench_mentor m0 ON m0.k = 1 + ${H('b.i', 'mentor0')} % ${Math.max(1, mentors)}
		CROSS JOIN LATERAL (VALUES
			${[
				ev('created', n, t('draft'), 'b.created', 'b.creator'),
				ev('status_changed', t('draft'), t('submitted'), 'b.submitted', 'b.creator'),
				ev('status_changed', t('submitted'), t('withdrawn'), 'b.withdrawn', 'b.creator'),
				ev('status_changed', t('submitted'), t('screening'), 'b.screening', String(ORG)),
				ev(
					'status_changed',
					t('screening'),
					`CASE b.fate WHEN 'declined' THEN 'declined' WHEN 'accepted' THEN 'accepted' ELSE 'returned' END`,
					'b.answered',
					String(ORG),
					`'{}'::jsonb`,
					`CASE WHEN b.fate IN ('declined', 'returned', 'returned_accepted') THEN 'Answered by the organisers in screening.' END`
				),
				ev('status_changed', t('returned'), t('submitted'), 'b.resubmitted', 'b.creator'),
				ev('status_changed', t('submitted'), t('screening'), `b.resubmitted + interval '1 day'`, String(ORG)),
				ev('status_changed', t('screening'), t('accepted'), `b.resubmitted + interval '3 days'`, String(ORG)),
				ev(
					'mentor_assigned',
					n,
					n,
					`CASE WHEN b.declined_first AND b.mentor_at IS NOT NULL THEN b.accepted + interval '30 minutes' END`,
					String(ORG),
					`jsonb_build_object('status', 'proposed', 'mentorId', m0.user_id)`
				),
				ev(
					'mentor_declined',
					n,
					n,
					`CASE WHEN b.declined_first AND b.mentor_at IS NOT NULL THEN b.accepted + interval '90 minutes' END`,
					'm0.user_id',
					`jsonb_build_object('mentorId', m0.user_id)`
				),
				ev('mentor_assigned', n, n, 'b.mentor_at', String(ORG), `jsonb_build_object('status', 'proposed', 'mentorId', m.user_id)`),
				ev('status_changed', t('accepted'), t('coaching'), 'b.mentor_answered', 'm.user_id'),
				ev('marked_ready', n, n, 'b.ready', 'm.user_id', `jsonb_build_object('mentorId', m.user_id)`),
				ev(
					'status_changed',
					`CASE WHEN b.mentor_at IS NULL THEN 'accepted' ELSE 'coaching' END`,
					t('semi_final'),
					'b.semi_at',
					String(ORG)
				),
				ev(
					'status_changed',
					t('semi_final'),
					`CASE b.semi_outcome WHEN 'advanced' THEN 'finalist' ELSE 'not_advanced' END`,
					`CASE WHEN b.semi_outcome IS NOT NULL THEN b.y0 + interval '214 days' END`,
					String(ORG)
				),
				ev(
					'status_changed',
					t('finalist'),
					'b.final_outcome',
					`CASE WHEN b.final_outcome IN ('winner', 'runner_up') THEN b.y0 + interval '250 days' + interval '1 minute' * b.final_rank END`,
					String(ORG)
				),
				ev(
					'award',
					n,
					n,
					`CASE WHEN b.final_outcome IS NOT NULL THEN b.y0 + interval '250 days' + interval '1 minute' * b.final_rank END`,
					String(ORG),
					`jsonb_build_object('rank', b.final_rank, 'award', b.final_outcome, 'roundId', b.final, 'roundName', 'Company final')`
				),
				ev(
					'status_changed',
					`coalesce(b.final_outcome, 'not_advanced')`,
					t('implemented'),
					`b.done_on::timestamptz + interval '16 hours'`,
					'b.creator'
				),
				ev('status_changed', t('implemented'), t('published'), 'b.kb_at', String(ORG))
			].join(',\n\t\t\t')}
		) v(kind, f, t, at, actor, data, reason)
		WHERE v.at IS NOT NULL
		ORDER BY b.i, v.at`
	);
	await run(
		'mentor assignments',
		`INSERT INTO mentor_assignment (idea_id, mentor_id, status, assigned_by, answer_reason, created_at, answered_at, ready_at)
		SELECT b.idea_id, m0.user_id, 'declined', ${ORG}, 'No time this quarter.', b.accepted + interval '30 minutes', b.accepted + interval '90 minutes', NULL
		FROM bench_idea b JOIN bench_mentor m0 ON m0.k = 1 + ${H('b.i', 'mentor0')} % ${Math.max(1, mentors)}
		WHERE b.mentor_at IS NOT NULL AND b.declined_first
		UNION ALL
		SELECT b.idea_id, m.user_id, 'ended', ${ORG}, NULL, b.mentor_at, b.mentor_answered, b.ready
		FROM bench_idea b JOIN bench_mentor m ON m.k = 1 + ${H('b.i', 'mentor')} % ${Math.max(1, mentors)}
		WHERE b.mentor_at IS NOT NULL
		ORDER BY 1, 6`
	);

	// ------------------------------------------------------------ knowledge base, adoptions, measured results
	await run(
		'kb entries',
		`INSERT INTO kb_entry (idea_id, title, summary, problem, solution, department_id, process_area_id, competition_id, award, roll_out_score, status,
			published_at, published_by, updated_at)
		SELECT b.idea_id, i.title, 'What the team changed and what it brought.', i.problem, i.proposal, b.dept_id, i.process_area_id, b.comp_id,
			b.final_outcome, round((40 + 60 * b.q)::numeric, 2), 'published', b.kb_at, ${ORG}, b.kb_at
		FROM bench_idea b JOIN idea i ON i.id = b.idea_id WHERE b.kb_at IS NOT NULL ORDER BY b.i`
	);
	const topArr = `ARRAY[${topIds.join(',')}]`;
	await run(
		'adoptions',
		`INSERT INTO adoption (kb_entry_id, department_id, status, owner_id, reason, started_on, adopted_on, created_by, created_at, updated_at)
		SELECT DISTINCT ON (k.id, d.dept) k.id, d.dept, s.st, NULL::int, CASE WHEN s.st = 'not_suitable' THEN 'Our process differs too much.' END,
			s.started, CASE WHEN s.st = 'adopted' THEN s.adopted END, ${ORG}, s.started::timestamptz + interval '9 hours', s.started::timestamptz + interval '9 hours'
		FROM kb_entry k JOIN bench_idea b ON b.idea_id = k.idea_id
		CROSS JOIN LATERAL generate_series(1, ${H('k.id', 'adopters')} % 5) n
		CROSS JOIN LATERAL (SELECT (${topArr})[1 + (array_position(${topArr}, b.top_id) - 1 + n::int) % ${topIds.length}] AS dept) d
		CROSS JOIN LATERAL (SELECT least(current_date - 1, k.published_at::date + 10 + (${H("k.id || '.' || n", 'start')} % 200)::int) AS started) s0
		CROSS JOIN LATERAL (SELECT s0.started,
			CASE WHEN ${U("k.id || '.' || n", 'ast')} < 0.1 THEN 'not_suitable' WHEN ${U("k.id || '.' || n", 'ast')} < 0.25 THEN 'considering'
				WHEN ${U("k.id || '.' || n", 'ast')} < 0.45 OR s0.started + 30 >= current_date THEN 'piloting' ELSE 'adopted' END AS st,
			least(current_date - 1, s0.started + 30 + (${H("k.id || '.' || n", 'adopted')} % 90)::int) AS adopted) s
		ORDER BY k.id, d.dept`
	);
	const measured = (owner: string, expr: string, fromSql: string, where: string) =>
		`SELECT ${owner}, k.kind, round((k.base * (0.3 + ${U(`${expr} || k.kind`, 'val')}))::numeric, 2) AS value, k.note
		FROM ${fromSql} CROSS JOIN (VALUES ('hours', 400.0, 'Hours saved per year'), ('euros', 30000.0, 'Euros saved per year'),
			('defects', 20.0, 'Defects fewer per year'), ('safety', 2.0, 'Incidents fewer per year'), ('other', 5.0, 'Other gain')) k(kind, base, note)
		WHERE ${where} AND ${U(`${expr} || k.kind`, 'has')} < CASE k.kind WHEN 'hours' THEN 0.7 WHEN 'euros' THEN 0.45 WHEN 'defects' THEN 0.4 WHEN 'safety' THEN 0.15 ELSE 0.1 END`;
	await run(
		'measured results',
		`INSERT INTO measured_result (idea_id, kb_entry_id, adoption_id, kind, value, before_value, after_value, note)
		SELECT idea_id, kb_entry_id, adoption_id, kind, value, round(value * 1.6, 2), round(value * 0.6, 2), note FROM (
			${measured('b.idea_id AS idea_id, NULL::int AS kb_entry_id, NULL::int AS adoption_id', 'b.i', 'bench_idea b', `b.done_on IS NOT NULL AND b.kb_at IS NULL`)}
			UNION ALL
			${measured('NULL::int, k2.id, NULL::int', 'k2.id', 'kb_entry k2 JOIN bench_idea b ON b.idea_id = k2.idea_id', 'true')}
			UNION ALL
			${measured('NULL::int, NULL::int, a.id', "'a' || a.id", 'adoption a JOIN kb_entry k2 ON k2.id = a.kb_entry_id JOIN bench_idea b ON b.idea_id = k2.idea_id', `a.status = 'adopted'`)}
		) x ORDER BY idea_id, kb_entry_id, adoption_id, kind`
	);

	log('VACUUM ANALYZE');
	await run('vacuum', 'VACUUM ANALYZE');
	const tables = [
		'department',
		'app_user',
		'department_headcount',
		'department_mt_member',
		'mentor_profile',
		'competition',
		'round',
		'round_criterion',
		'jury',
		'jury_member',
		'idea',
		'idea_member',
		'idea_benefit',
		'idea_event',
		'mentor_assignment',
		'round_entry',
		'score_sheet',
		'score',
		'implementation',
		'kb_entry',
		'adoption',
		'measured_result'
	];
	const countRow = await one<Record<string, number>>(`SELECT ${tables.map((x) => `(SELECT count(*)::int FROM ${x}) AS ${x}`).join(', ')}`);
	const comps = await sql.raw<{ id: number }>('SELECT comp_id AS id FROM bench_edition ORDER BY ed').execute(db);
	for (const tmp of ['bench_leaf', 'bench_person', 'bench_mentor', 'bench_edition', 'bench_jury', 'bench_idea'])
		await run('drop', `DROP TABLE IF EXISTS ${tmp}`);
	return {
		seconds: (performance.now() - started) / 1000,
		counts: countRow,
		departmentWithSubs: bo,
		competitionIds: comps.rows.map((r) => r.id)
	};
}
