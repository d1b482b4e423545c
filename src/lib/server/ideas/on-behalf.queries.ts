/** What entering an idea for a colleague reads: the colleague and the one entering it, in one statement. */
import type { Db } from '../db/index.js';

/** These people (active or not), with their department: the caller decides what a disabled account means. */
export function findBehalfPeople(db: Db, ids: readonly number[]) {
	return db
		.selectFrom('appUser as u')
		.select(['u.id', 'u.name', 'u.departmentId', 'u.disabledAt'])
		.where('u.id', 'in', ids.length ? [...ids] : [0])
		.execute();
}
