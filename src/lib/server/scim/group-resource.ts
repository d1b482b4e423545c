/**
 * A department as a SCIM Group (RFC 7643 section 4.2): id, displayName (the department's
 * name), externalId, and its people as members. A person is in exactly one department, so
 * adding a member moves that person here; removing a member changes nothing (they stay
 * until another Group adds them). Pure.
 */
import { invalidValue } from './scim-error.js';
import type { Resource } from './patch.js';
import { GROUP_SCHEMA } from './schemas.js';
import { versionOf } from './user-resource.js';

export type GroupRow = {
	id: number;
	name: string;
	externalId: string | null;
	createdAt: Date | string;
	updatedAt: Date | string;
};

export type MemberRow = { id: number; name: string; departmentId: number };

export function groupResource(row: GroupRow, members: MemberRow[] | null, base: string): Resource {
	return {
		schemas: [GROUP_SCHEMA],
		id: String(row.id),
		...(row.externalId ? { externalId: row.externalId } : {}),
		displayName: row.name,
		...(members
			? { members: members.map((m) => ({ value: String(m.id), $ref: `${base}/Users/${m.id}`, display: m.name, type: 'User' })) }
			: {}),
		meta: {
			resourceType: 'Group',
			created: new Date(row.createdAt).toISOString(),
			lastModified: new Date(row.updatedAt).toISOString(),
			location: `${base}/Groups/${row.id}`,
			version: versionOf(row.updatedAt)
		}
	};
}

export type GroupInput = {
	displayName: string | undefined;
	externalId: string | null | undefined;
	/** Person ids the resource lists as members. */
	members: number[] | undefined;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function get(obj: unknown, name: string): unknown {
	if (!isObject(obj)) return undefined;
	const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : obj[key];
}

/** A member's value: one of this service's User ids. */
export function memberId(value: unknown): number {
	const v = isObject(value) ? get(value, 'value') : value;
	const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
	if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) {
		throw invalidValue(`The member "${typeof v === 'string' ? v : JSON.stringify(v)}" is not a User of this service`);
	}
	return Number(text);
}

export function readGroup(resource: Resource): GroupInput {
	const displayName = get(resource, 'displayName');
	if (displayName !== undefined && typeof displayName !== 'string') throw invalidValue('displayName must be a string');
	const name = displayName?.trim();
	if (name !== undefined && name.length > 120) throw invalidValue('displayName is longer than 120 characters');
	const externalId = get(resource, 'externalId');
	if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') throw invalidValue('externalId must be a string');
	if (typeof externalId === 'string' && externalId.trim().length > 200) throw invalidValue('externalId is longer than 200 characters');
	const members = get(resource, 'members');
	if (members !== undefined && members !== null && !Array.isArray(members)) throw invalidValue('members must be a list');
	return {
		displayName: name || undefined,
		externalId: externalId === undefined ? undefined : externalId?.trim() || null,
		members: Array.isArray(members) ? [...new Set((members as unknown[]).map(memberId))] : undefined
	};
}

/**
 * A code for a department a Group creates (codes are 2-12 of A-Z, 0-9 and '-'): the initials
 * of its words, or the first letters of a one-word name, made unique with -2, -3 ...
 * "Build Operations" is BO (BO-2 when BO is taken); "Finance" is FINANCE; "Zürich" is ZURICH.
 */
export function departmentCode(name: string, taken: readonly string[]): string {
	const words = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.split(/[^A-Z0-9]+/)
		.filter(Boolean);
	let base = (words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? '')).slice(0, 8);
	if (base.length < 2) base = `DEPT${base}`.slice(0, 8);
	const used = new Set(taken);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}-${n}`;
		if (!used.has(candidate)) return candidate;
	}
}
