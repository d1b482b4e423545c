import type { Db } from '../db/index.js';

/** Departments people may pick for posters: all (ids null) or the ids given; retired ones left out. */
export function listPosterDepartments(db: Db, ids: readonly number[] | null) {
	return db
		.selectFrom('department')
		.select(['id', 'name', 'nameNl'])
		.where('retiredAt', 'is', null)
		.$if(ids !== null, (qb) => qb.where('id', 'in', ids!.length ? [...ids!] : [0]))
		.orderBy('name')
		.execute();
}

export function findPosterDepartment(db: Db, departmentId: number) {
	return db
		.selectFrom('department')
		.select(['id', 'name', 'nameNl'])
		.where('id', '=', departmentId)
		.where('retiredAt', 'is', null)
		.executeTakeFirst();
}
