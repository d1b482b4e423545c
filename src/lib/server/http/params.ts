import { error } from '@sveltejs/kit';
import { MAX_ID } from './fields.js';

/** A route or form parameter as a positive database id (PostgreSQL `integer`), or null. */
export function parseId(value: string | null | undefined): number | null {
	if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
	const n = Number(value);
	return n <= MAX_ID ? n : null;
}

/** A route parameter that must be an id (of an idea, a round, a competition, ...); anything else is simply not found. */
export function idParam(value: string | undefined): number {
	const id = parseId(value);
	if (id === null) error(404, 'Not found');
	return id;
}
