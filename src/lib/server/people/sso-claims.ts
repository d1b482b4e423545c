/**
 * What a company sign-in says about a person, as pure rules: the claims the configuration
 * names, read from the ID token's payload, and their values mapped to the portal's job
 * levels, education levels and languages.
 */
import type { ClaimNames } from '../config.js';
import { EDUCATION_LEVELS, JOB_LEVELS, type EducationLevel, type JobLevel, type Locale } from '../../domain/org-chart.js';

/** What a sign-in says about a person, read from the ID token (absent claims: null). */
export type SsoClaims = {
	email: string;
	name: string | null;
	department: string | null;
	/** The manager's e-mail address or employee number. */
	manager: string | null;
	jobLevel: string | null;
	employeeNumber: string | null;
	educationLevel: string | null;
	locale: string | null;
};

/** A claim as text: strings trimmed, numbers (an employee number) as digits; anything else is absent. */
function claimText(value: unknown, max: number): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return text && text.length <= max && !text.includes('\0') ? text : null;
}

/** The claims the configuration names, out of an ID token's payload. */
export function readClaims(profile: Record<string, unknown>, names: ClaimNames): SsoClaims | null {
	const email = claimText(profile.email, 254)?.toLowerCase();
	if (!email) return null;
	return {
		email,
		name: claimText(profile.name, 120),
		department: claimText(profile[names.department], 200),
		manager: claimText(profile[names.manager], 254),
		jobLevel: claimText(profile[names.jobLevel], 60),
		employeeNumber: claimText(profile[names.employeeNumber], 40),
		educationLevel: claimText(profile[names.educationLevel], 60),
		locale: claimText(profile[names.locale], 35)
	};
}

/** `Engineer`, `ENGINEER` and ` engineer ` are the job level engineer; anything else is no level. */
export function mapJobLevel(value: string | null): JobLevel | null {
	const v = value?.trim().toLowerCase();
	return (JOB_LEVELS as readonly string[]).includes(v ?? '') ? (v as JobLevel) : null;
}

export function mapEducationLevel(value: string | null): EducationLevel | null {
	const v = value?.trim().toLowerCase();
	return (EDUCATION_LEVELS as readonly string[]).includes(v ?? '') ? (v as EducationLevel) : null;
}

/** `nl`, `nl-NL`, `nl_BE` are Dutch; `en-GB` English; others are no choice. */
export function mapLocale(value: string | null): Locale | null {
	const v = value?.trim().toLowerCase().slice(0, 2);
	return v === 'nl' || v === 'en' ? v : null;
}
