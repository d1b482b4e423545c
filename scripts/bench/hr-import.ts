/**
 * HR import step of `npm run bench` (`--steps hr-import`, issue 11): 15,000 generated people
 * (--hr-people) in 57 departments three levels deep, each with their manager, are imported
 * into a fresh PostgreSQL database (`ideacup_bench_hr_<hex>` on DATABASE_URL's server) through
 * the service the page and `npm run org:import` use: the seconds of the dry run (read + plan +
 * store) and of the apply, then a second dry run of the same file (all unchanged).
 * Target: dry run + apply under 30 s.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/lib/server/db/index.js';
import { migrateToLatest } from '../../src/lib/server/db/migrate.js';
import { applyImport, dryRunImport, uploadHrFile } from '../../src/lib/server/people/hr-import/hr-import.service.js';
import { hrCsv, type HrDepartment } from '../../tests/fixtures/hr-files.js';
import { loadMigrations } from './database.js';

/** A company of 57 departments: the top, 6 divisions, 50 departments under them. */
function hrDepartments(): HrDepartment[] {
	const top: HrDepartment = { code: 'CO', name: 'The Company', nameNl: 'Het Bedrijf' };
	const divisions = Array.from({ length: 6 }, (_, i) => ({
		code: `DIV-${i + 1}`,
		name: `Division ${i + 1}`,
		nameNl: `Divisie ${i + 1}`,
		parentCode: 'CO'
	}));
	const departments = Array.from({ length: 50 }, (_, i) => ({
		code: `DEP-${String(i + 1).padStart(2, '0')}`,
		name: `Department ${i + 1}`,
		nameNl: `Afdeling ${i + 1}`,
		parentCode: divisions[i % divisions.length].code
	}));
	return [top, ...divisions, ...departments];
}

async function benchHrImport(
	SERVER_URL: string,
	HR_PEOPLE: number
): Promise<{ read: number; dryRun: number; apply: number; again: number; counts: unknown }> {
	const name = `ideacup_bench_hr_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: SERVER_URL });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(SERVER_URL);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
	try {
		await migrateToLatest(handle.db, await loadMigrations());
		const csv = new TextEncoder().encode(
			hrCsv({ count: HR_PEOPLE, departments: hrDepartments(), domain: 'bench.example.com', prefix: 'B', teamSize: 10 })
		);
		console.error(`[bench] hr-import: ${HR_PEOPLE} people, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV`);
		const t0 = performance.now();
		const upload = await uploadHrFile(handle.db, null, { fileName: 'bench.csv', bytes: csv });
		const t1 = performance.now();
		const summary = await dryRunImport(handle.db, null, upload.id, upload.mapping);
		const t2 = performance.now();
		await applyImport(handle.db, null, upload.id);
		const t3 = performance.now();
		const second = await uploadHrFile(handle.db, null, { fileName: 'bench.csv', bytes: csv });
		const again = await dryRunImport(handle.db, null, second.id, second.mapping);
		const t4 = performance.now();
		const people = await sql<{
			n: number;
			managed: number;
		}>`SELECT count(*)::int AS n, count(manager_id)::int AS managed FROM app_user`.execute(handle.db);
		if (summary.counts?.create !== HR_PEOPLE || again.counts?.unchanged !== HR_PEOPLE || people.rows[0].n !== HR_PEOPLE) {
			throw new Error(
				`HR import bench: unexpected outcome ${JSON.stringify({ first: summary.counts, second: again.counts, people: people.rows[0] })}`
			);
		}
		return {
			read: (t1 - t0) / 1000,
			dryRun: (t2 - t0) / 1000,
			apply: (t3 - t2) / 1000,
			again: (t4 - t3) / 1000,
			counts: { people: people.rows[0].n, withManager: people.rows[0].managed, departments: summary.departmentCounts?.create }
		};
	} finally {
		await handle.close().catch(() => {});
		const a = new pg.Client({ connectionString: SERVER_URL });
		await a.connect();
		await a
			.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
			.catch((e) => console.error('could not drop the bench database:', (e as Error).message));
		await a.end();
	}
}

function reportHrImport(r: Awaited<ReturnType<typeof benchHrImport>>, HR_PEOPLE: number) {
	console.log(`\nHR import on PostgreSQL, ${HR_PEOPLE} people (${JSON.stringify(r.counts)})`);
	console.log(`dry run (read ${r.read.toFixed(1)} s + plan and store) ${r.dryRun.toFixed(1).padStart(6)} s`);
	console.log(`apply                                   ${r.apply.toFixed(1).padStart(6)} s`);
	console.log(`same file again, dry run (all unchanged) ${r.again.toFixed(1).padStart(5)} s`);
	const total = r.dryRun + r.apply;
	console.log(`target (dry run + apply < 30 s): ${total < 30 ? 'met' : 'NOT met'} (${total.toFixed(1)} s)`);
}

/** Runs the HR import measurement and prints its lines; true when the target is met. */
export async function runHrImportStep(serverUrl: string, people: number): Promise<boolean> {
	const r = await benchHrImport(serverUrl, people);
	reportHrImport(r, people);
	return r.dryRun + r.apply < 30;
}
