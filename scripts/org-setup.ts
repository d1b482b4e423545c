/**
 * First start for scripted installs, the same as the setup link the server prints:
 *
 *   npm run org:setup -- --department-code ACME --department-name "Acme" [--department-name-nl "Acme NL"] \
 *     --admin-email ada@acme.example --admin-name "Ada Admin" [--admin-employee-number 1001]
 *
 * Creates the company's top department and its first administrator (migrating the database
 * first). Refuses, changing nothing, once the portal has an active administrator (exit 3), so
 * running it twice is safe. On the embedded database stop the server first: PGlite's folder
 * has no lock. The administrator then signs in with company sign-in (same e-mail address).
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/lib/server/config.js';
import { DatabaseOpenError } from '../src/lib/server/db/index.js';
import { openMigratedDatabase } from './cli-database.js';
import { DomainError, FieldErrors } from '../src/lib/server/errors.js';
import { completeSetup } from '../src/lib/server/people/setup.service.js';
import { setupSchema } from '../src/lib/server/people/setup.schema.js';

const USAGE =
	'usage: npm run org:setup -- --department-code CODE --department-name NAME [--department-name-nl NAME] ' +
	'--admin-email EMAIL --admin-name NAME [--admin-employee-number NUMBER]';

/** Which option each field of the form comes from, for messages. */
const OPTION_OF: Record<string, string> = {
	departmentCode: '--department-code',
	departmentName: '--department-name',
	departmentNameNl: '--department-name-nl',
	name: '--admin-name',
	email: '--admin-email',
	employeeNumber: '--admin-employee-number'
};

const PROBLEM: Record<string, string> = {
	required: 'required',
	too_long: 'too long',
	department_code_format: 'use 2 to 12 capital letters, digits or hyphens',
	department_retired: 'a retired department has this code',
	invalid_email: 'not an e-mail address',
	email_disabled: 'belongs to a disabled person',
	employee_number_taken: 'someone else has this employee number'
};

function fieldProblems(fields: Record<string, string[] | undefined>): string {
	return Object.entries(fields)
		.map(([field, codes]) => `${OPTION_OF[field] ?? field}: ${(codes ?? []).map((c) => PROBLEM[c] ?? c).join(', ')}`)
		.join('; ');
}

async function main(): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				'department-code': { type: 'string' },
				'department-name': { type: 'string' },
				'department-name-nl': { type: 'string' },
				'admin-email': { type: 'string' },
				'admin-name': { type: 'string' },
				'admin-employee-number': { type: 'string' },
				help: { type: 'boolean' }
			},
			strict: true
		}));
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const parsed = setupSchema.safeParse({
		departmentCode: values['department-code'] ?? '',
		departmentName: values['department-name'] ?? '',
		departmentNameNl: values['department-name-nl'],
		name: values['admin-name'] ?? '',
		email: values['admin-email'] ?? '',
		employeeNumber: values['admin-employee-number']
	});
	if (!parsed.success) {
		const fields: Record<string, string[]> = {};
		for (const issue of parsed.error.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
		console.error(`IdeaCup: ${fieldProblems(fields)}\n${USAGE}`);
		return 2;
	}

	const handle = await openMigratedDatabase();
	try {
		const done = await completeSetup(handle.db, parsed.data, { command: true });
		console.log(
			`IdeaCup is set up: ${parsed.data.email} is the administrator (${done.createdPerson ? 'new' : 'already there'}), ` +
				`in department ${parsed.data.departmentCode} (${done.createdDepartment ? 'new' : 'already there'}).`
		);
		return 0;
	} catch (error) {
		if (error instanceof FieldErrors) {
			console.error(`IdeaCup: ${fieldProblems(error.fields)}`);
			return 2;
		}
		if (error instanceof DomainError && error.code === 'already_set_up') {
			console.error('IdeaCup already has an administrator: nothing changed.');
			return 3;
		}
		throw error;
	} finally {
		await handle.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		if (error instanceof ConfigError || error instanceof DatabaseOpenError) console.error(`IdeaCup: ${error.message}`);
		else console.error(error);
		process.exit(1);
	}
);
