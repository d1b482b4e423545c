import { sql } from 'kysely';
import type { Db } from '../db/index.js';

/** The person a sign-in names: by employee number, else by e-mail (one statement, employee number first). */
export function findSignInPerson(db: Db, keys: { email: string; employeeNumber: string | null }) {
	return db
		.selectFrom('appUser')
		.select(['id', 'disabledAt', 'employeeNumber', 'email'])
		.where((eb) => eb.or([eb('email', '=', keys.email), ...(keys.employeeNumber ? [eb('employeeNumber', '=', keys.employeeNumber)] : [])]))
		.orderBy(sql`case when employee_number is not distinct from ${keys.employeeNumber} then 0 else 1 end`)
		.limit(1)
		.executeTakeFirst();
}

/**
 * Departments in use that a sign-in could name, with the fallbacks: the one the claim names
 * (code, English or Dutch name, any case), the configured default, and the top departments.
 */
export function findDepartmentCandidates(db: Db, named: string | null, defaultCode: string) {
	const values = [named, defaultCode].filter((v): v is string => !!v).map((v) => v.toLowerCase());
	return db
		.selectFrom('department')
		.select(['id', 'code', 'name', 'nameNl', 'parentId'])
		.where('retiredAt', 'is', null)
		.where((eb) =>
			eb.or([
				eb('parentId', 'is', null),
				eb(sql`lower(code)`, 'in', values),
				eb(sql`lower(name)`, 'in', values),
				eb(sql`lower(name_nl)`, 'in', values)
			])
		)
		.orderBy('id')
		.execute();
}

/** An active manager named by e-mail or employee number. */
export function findManager(db: Db, value: string) {
	return db
		.selectFrom('appUser')
		.select('id')
		.where('disabledAt', 'is', null)
		.where((eb) => eb.or([eb('email', '=', value.toLowerCase()), eb('employeeNumber', '=', value)]))
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
}
