/**
 * The HR import for a nightly job, the same as /admin/import:
 *
 *   npm run org:import -- <file.csv|file.xlsx> [--dry-run] [--mapping mapping.json] [--errors N]
 *
 * Reads the file, maps its columns with the mapping saved by the last import on the page
 * (app_setting 'hr_import.mapping'; the file's headers guessed where the saved mapping has no
 * column for a field) or with --mapping (a JSON object field -> header, e.g.
 * {"email": "E-mail", "name": "Naam", "departmentCode": "Afdeling"}), runs the dry run and,
 * without --dry-run, applies it. Prints the counts per outcome and the first rows with errors.
 * The import is kept like one made on the page (its author: the command line).
 *
 * Exit codes: 0 done (error rows skipped are reported, not fatal); 1 the file or the database
 * could not be read, the file has no rows, or the mapping is incomplete; 2 wrong usage. Running the same file twice
 * changes nothing. On the embedded database stop the server first (PGlite's folder has no lock).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/lib/server/config.js';
import { DatabaseOpenError } from '../src/lib/server/db/index.js';
import { openMigratedDatabase } from './cli-database.js';
import { DomainError, FieldErrors } from '../src/lib/server/errors.js';
import {
	applyImport,
	cleanMapping,
	dryRunImport,
	listImportRows,
	uploadHrFile,
	type ImportSummary
} from '../src/lib/server/people/hr-import/hr-import.service.js';
import { HrFileRefused } from '../src/lib/server/people/hr-import/parse.js';

const USAGE = 'usage: npm run org:import -- <file.csv|file.xlsx> [--dry-run] [--mapping mapping.json] [--errors N]';

function counts(label: string, c: Record<string, number> | undefined): string {
	return `${label}: ${Object.entries(c ?? {})
		.map(([k, n]) => `${k} ${n}`)
		.join(', ')}`;
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: { 'dry-run': { type: 'boolean' }, mapping: { type: 'string' }, errors: { type: 'string' }, help: { type: 'boolean' } }
		});
	} catch (e) {
		console.error((e as Error).message);
		console.error(USAGE);
		return 2;
	}
	if (args.values.help || args.positionals.length !== 1) {
		console.error(USAGE);
		return 2;
	}
	const path = args.positionals[0];
	const showErrors = Math.max(0, Number(args.values.errors ?? 20) || 0);
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(readFileSync(path));
	} catch (e) {
		console.error(`org:import: cannot read ${path}: ${(e as Error).message}`);
		return 1;
	}
	let forcedMapping = null;
	if (args.values.mapping) {
		try {
			forcedMapping = cleanMapping(JSON.parse(readFileSync(args.values.mapping, 'utf8')));
		} catch (e) {
			console.error(`org:import: cannot read the mapping ${args.values.mapping}: ${(e as Error).message}`);
			return 1;
		}
	}

	const handle = await openMigratedDatabase();
	try {
		const started = performance.now();
		const upload = await uploadHrFile(handle.db, null, { fileName: basename(path), bytes });
		const mapping = forcedMapping ?? upload.mapping;
		console.log(`Read ${upload.rowCount} rows from ${basename(path)} (import #${upload.id}).`);
		console.log(`Mapping: ${JSON.stringify(mapping)}`);
		if (upload.rowCount === 0) {
			console.error('org:import: the file has a header but no rows: nothing to import.');
			return 1;
		}
		let summary: ImportSummary;
		try {
			summary = await dryRunImport(handle.db, null, upload.id, mapping);
		} catch (e) {
			if (e instanceof FieldErrors) {
				console.error(
					`org:import: the mapping is incomplete: ${JSON.stringify(e.fields)}. Map the columns once on /admin/import, or pass --mapping.`
				);
				return 1;
			}
			throw e;
		}
		console.log(counts('Dry run, people', summary.counts));
		console.log(counts('Dry run, departments', summary.departmentCounts));
		if (showErrors && summary.counts?.error) {
			const rows = await listImportRows(handle.db, null, upload.id, 'error', 1);
			for (const r of rows.slice(0, showErrors)) {
				console.log(
					`  row ${r.line} ${r.email || r.employeeNumber || ''}: ${r.errors.map((e) => [e.code, e.field, e.value, e.line && `row ${e.line}`].filter(Boolean).join(' ')).join('; ')}`
				);
			}
		}
		if (args.values['dry-run']) {
			console.log(`Dry run only: nothing changed (${((performance.now() - started) / 1000).toFixed(1)} s).`);
			return 0;
		}
		const result = await applyImport(handle.db, null, upload.id);
		console.log(counts('Applied, people', result.counts));
		console.log(counts('Applied, departments', result.departmentCounts));
		if (result.handover.disabled) {
			console.log(
				`Handover: ${result.handover.disabled} disabled, ${result.handover.mentorshipsEnded} mentorships ended, ${result.handover.jurySeatsFlagged} jury seats to replace, ${result.handover.sessionsEnded} sessions ended.`
			);
		}
		if (result.enabled) console.log(`Enabled again: ${result.enabled}.`);
		console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
		return 0;
	} catch (e) {
		if (e instanceof HrFileRefused) {
			console.error(`org:import: ${path} refused: ${e.reason}${e.detail ? ` (${e.detail})` : ''}`);
			return 1;
		}
		if (e instanceof DomainError) {
			console.error(`org:import: ${e.code}: ${e.message}`);
			return 1;
		}
		throw e;
	} finally {
		await handle.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		if (error instanceof ConfigError || error instanceof DatabaseOpenError) console.error(`org:import: ${error.message}`);
		else console.error(error);
		process.exit(1);
	}
);
