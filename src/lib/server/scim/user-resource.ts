/**
 * A person as a SCIM User and back (RFC 7643 section 4.1 and the enterprise extension, 4.3).
 *
 *   id                      the person's id (as text)          userName    e-mail (lower case)
 *   externalId              the identity provider's id         name, displayName -> name
 *   title                   job title                          preferredLanguage/locale -> en | nl
 *   active                  not disabled                       emails      [{ e-mail, work, primary }]
 *   groups                  the department (read only)
 *   enterprise: employeeNumber, department (code, name or Group externalId), manager.value (id or externalId)
 *   IdeaCup:    jobLevel, educationLevel
 *
 * Pure: reading checks types and lengths (`invalidValue` naming the attribute); the service
 * resolves the department and the manager and writes through the people service.
 */
import { EDUCATION_LEVELS, JOB_LEVELS, type EducationLevel, type JobLevel, type Locale } from '../../domain/org-chart.js';
import { invalidValue } from './scim-error.js';
import type { Resource } from './patch.js';
import { ENTERPRISE_SCHEMA, IDEACUP_SCHEMA, USER_SCHEMA } from './schemas.js';

export type UserRow = {
	id: number;
	email: string;
	name: string;
	externalId: string | null;
	jobTitle: string | null;
	locale: string;
	jobLevel: string;
	educationLevel: string | null;
	employeeNumber: string | null;
	departmentId: number;
	departmentName: string;
	managerId: number | null;
	managerName: string | null;
	disabledAt: Date | string | null;
	createdAt: Date | string;
	updatedAt: Date | string;
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** meta.version: a weak ETag of the row's last change. */
export const versionOf = (updatedAt: Date | string) => `W/"${new Date(updatedAt).getTime()}"`;

/** A full name split for givenName and familyName: the first word, and the rest. */
export function splitName(name: string): { givenName?: string; familyName?: string } {
	const [given, ...rest] = name.trim().split(/\s+/);
	return rest.length ? { givenName: given, familyName: rest.join(' ') } : { givenName: given };
}

export function userResource(row: UserRow, base: string): Resource {
	const location = `${base}/Users/${row.id}`;
	return {
		schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA, IDEACUP_SCHEMA],
		id: String(row.id),
		...(row.externalId ? { externalId: row.externalId } : {}),
		userName: row.email,
		name: { formatted: row.name, ...splitName(row.name) },
		displayName: row.name,
		...(row.jobTitle ? { title: row.jobTitle } : {}),
		preferredLanguage: row.locale,
		active: !row.disabledAt,
		emails: [{ value: row.email, type: 'work', primary: true }],
		groups: [{ value: String(row.departmentId), $ref: `${base}/Groups/${row.departmentId}`, display: row.departmentName }],
		[ENTERPRISE_SCHEMA]: {
			...(row.employeeNumber ? { employeeNumber: row.employeeNumber } : {}),
			department: row.departmentName,
			...(row.managerId
				? { manager: { value: String(row.managerId), $ref: `${base}/Users/${row.managerId}`, displayName: row.managerName ?? '' } }
				: {})
		},
		[IDEACUP_SCHEMA]: { jobLevel: row.jobLevel, ...(row.educationLevel ? { educationLevel: row.educationLevel } : {}) },
		meta: {
			resourceType: 'User',
			created: iso(row.createdAt),
			lastModified: iso(row.updatedAt),
			location,
			version: versionOf(row.updatedAt)
		}
	};
}

/**
 * What a User resource says, attribute by attribute: `undefined` when it says nothing,
 * `null` when it clears the attribute.
 */
export type UserInput = {
	userName: string | undefined;
	/** The primary (else work, else first) address of `emails`. */
	emailsValue: string | undefined;
	displayName: string | undefined;
	formatted: string | undefined;
	givenName: string | undefined;
	familyName: string | undefined;
	externalId: string | null | undefined;
	jobTitle: string | null | undefined;
	locale: Locale | undefined;
	active: boolean | undefined;
	employeeNumber: string | null | undefined;
	department: string | undefined;
	manager: string | null | undefined;
	jobLevel: JobLevel | undefined;
	educationLevel: EducationLevel | null | undefined;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An attribute by its name, without regard to case (RFC 7643 section 2.1). */
function get(obj: unknown, name: string): unknown {
	if (!isObject(obj)) return undefined;
	const lower = name.toLowerCase();
	const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : obj[key];
}

/** Text of at most `max` characters; '' and null clear; a number is read as its digits. */
function text(value: unknown, attribute: string, max: number): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value !== 'string') throw invalidValue(`${attribute} must be a string`);
	const t = value.trim();
	if (!t) return null;
	if (t.length > max) throw invalidValue(`${attribute} is longer than ${max} characters`);
	return t;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function email(value: unknown, attribute: string): string | undefined {
	const t = text(value, attribute, 254);
	if (t == null) return undefined;
	const lower = t.toLowerCase();
	if (!EMAIL.test(lower)) throw invalidValue(`${attribute} must be an e-mail address, got "${t}"`);
	return lower;
}

/** Booleans as JSON, or as the strings "True"/"False" Entra ID sends. */
export function readBoolean(value: unknown, attribute: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	throw invalidValue(`${attribute} must be true or false`);
}

/** en or nl from a language tag (nl-NL, en_US, nl); other languages say nothing. */
export function readLocale(value: unknown): Locale | undefined {
	if (typeof value !== 'string') return undefined;
	const tag = value.trim().toLowerCase();
	if (tag.startsWith('nl')) return 'nl';
	if (tag.startsWith('en')) return 'en';
	return undefined;
}

function pickEmail(emails: unknown): string | undefined {
	if (emails === undefined || emails === null) return undefined;
	const list = Array.isArray(emails) ? (emails as unknown[]) : [emails];
	const chosen =
		list.find((e) => readBoolean(get(e, 'primary'), 'emails.primary') === true) ??
		list.find((e) => {
			const type = get(e, 'type');
			return typeof type === 'string' && type.toLowerCase() === 'work';
		}) ??
		list[0];
	return chosen === undefined ? undefined : email(isObject(chosen) ? get(chosen, 'value') : chosen, 'emails.value');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], attribute: string): T | null | undefined {
	const t = text(value, attribute, 40);
	if (t == null) return t;
	const found = allowed.find((a) => a === t.toLowerCase());
	if (!found) throw invalidValue(`${attribute} must be one of ${allowed.join(', ')}; got "${t}"`);
	return found;
}

/** The manager as sent: `{ value }`, or a bare id (Entra's PATCH); '' or an empty value clears. */
function managerRef(value: unknown): string | null | undefined {
	if (value === undefined) return undefined;
	const ref = isObject(value) ? get(value, 'value') : value;
	if (ref === undefined) return isObject(value) ? null : undefined;
	return text(ref, 'manager.value', 200);
}

/** Read every attribute the portal keeps, checking its type and length. */
export function readUser(resource: Resource): UserInput {
	const name = get(resource, 'name');
	if (name !== undefined && name !== null && !isObject(name)) throw invalidValue('name must be an object');
	const enterprise = get(resource, ENTERPRISE_SCHEMA);
	const ideacup = get(resource, IDEACUP_SCHEMA);
	const language = get(resource, 'preferredLanguage') ?? get(resource, 'locale');
	const jobLevel = oneOf(get(ideacup, 'jobLevel'), JOB_LEVELS, 'jobLevel');
	const department = text(get(enterprise, 'department'), 'department', 200);
	return {
		userName: email(get(resource, 'userName'), 'userName'),
		emailsValue: pickEmail(get(resource, 'emails')),
		displayName: text(get(resource, 'displayName'), 'displayName', 120) ?? undefined,
		formatted: text(get(name, 'formatted'), 'name.formatted', 120) ?? undefined,
		givenName: text(get(name, 'givenName'), 'name.givenName', 120) ?? undefined,
		familyName: text(get(name, 'familyName'), 'name.familyName', 120) ?? undefined,
		externalId: text(get(resource, 'externalId'), 'externalId', 200),
		jobTitle: text(get(resource, 'title'), 'title', 200),
		locale: readLocale(language),
		active: readBoolean(get(resource, 'active'), 'active'),
		employeeNumber: text(get(enterprise, 'employeeNumber'), 'employeeNumber', 40),
		department: department ?? undefined,
		manager: managerRef(get(enterprise, 'manager')),
		jobLevel: jobLevel ?? undefined,
		educationLevel: oneOf(get(ideacup, 'educationLevel'), EDUCATION_LEVELS, 'educationLevel')
	};
}

/** givenName and familyName as one name, checked against the column's 120 characters. */
function joined(u: Pick<UserInput, 'givenName' | 'familyName'>): string | undefined {
	const full = [u.givenName, u.familyName].filter(Boolean).join(' ');
	if (full.length > 120) throw invalidValue('name.givenName and name.familyName together are longer than 120 characters');
	return full || undefined;
}

/** The full name a whole resource gives: displayName, else name.formatted, else givenName familyName. */
export function fullName(u: UserInput): string | undefined {
	return u.displayName ?? u.formatted ?? joined(u);
}

/**
 * The full name after a PATCH: the part the patch changed wins (displayName, then
 * formatted, then givenName or familyName), so `replace name.givenName "Babs"` on Barbara
 * Jensen gives "Babs Jensen". Undefined when the name did not change.
 */
export function patchedName(before: UserInput, after: UserInput): string | undefined {
	if (after.displayName !== before.displayName && after.displayName) return after.displayName;
	if (after.formatted !== before.formatted && after.formatted) return after.formatted;
	if (after.givenName !== before.givenName || after.familyName !== before.familyName) return joined(after);
	return undefined;
}

/** The e-mail after a PATCH: a changed userName wins over a changed work address. */
export function patchedEmail(before: UserInput, after: UserInput): string | undefined {
	if (after.userName !== before.userName) {
		if (!after.userName) throw invalidValue('userName cannot be removed');
		return after.userName;
	}
	if (after.emailsValue !== before.emailsValue && after.emailsValue) return after.emailsValue;
	return undefined;
}
