/**
 * QR posters for the one-minute idea (issue 16): organisers for any department, a
 * department's management team for theirs, a team leader for their own (canMakePosters).
 * Anyone else, or a department they may not choose, gets not-found.
 */
import type { Database } from '../db/index.js';
import { canMakePosters, hasRole, makesPosters, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { leaderFactsOf } from '../people/team-leader.queries.js';
import { m } from '../../paraglide/messages.js';
import { posterPdf, posterPng, quickIdeaUrl, type PosterWords } from './poster-builder.js';
import type { PosterInput } from './posters.schema.js';
import * as q from './posters.queries.js';

/** The departments this person may make posters for (one statement); not-found for anyone else. */
export async function getPosterChoices(db: Database, actor: Actor) {
	const facts = await leaderFactsOf(db, actor);
	if (!makesPosters(actor, facts)) throw notFound();
	const ids = hasRole(actor, 'organiser')
		? null
		: [...new Set([...facts.managedDepartmentIds, ...(facts.leadsTeam ? [actor.departmentId] : [])])];
	const departments = await q.listPosterDepartments(db, ids);
	return { departments: departments.filter((d) => canMakePosters(actor, d.id, facts)) };
}

/** The department, if this person may make its posters (one statement). */
async function requireDepartment(db: Database, actor: Actor, departmentId: number) {
	const [facts, department] = await Promise.all([leaderFactsOf(db, actor), q.findPosterDepartment(db, departmentId)]);
	if (!department || !canMakePosters(actor, departmentId, facts)) throw notFound();
	return department;
}

const departmentName = (d: { name: string; nameNl: string | null }, lang: 'en' | 'nl') => (lang === 'nl' && d.nameNl ? d.nameNl : d.name);

/** What the preview shows: the department and places as they will be printed, and each place's address. */
export async function previewPosters(db: Database, actor: Actor, origin: string, input: PosterInput) {
	const department = await requireDepartment(db, actor, input.departmentId);
	const places = input.places.length ? input.places : [''];
	return {
		departmentId: department.id,
		departmentName: departmentName(department, input.lang),
		lang: input.lang,
		places: places.map((place) => ({ place, url: quickIdeaUrl(origin, department.id, place) }))
	};
}

/** The A4 PDF, one page per place, in the chosen language. */
export async function buildPosterPdf(db: Database, actor: Actor, origin: string, input: PosterInput) {
	const department = await requireDepartment(db, actor, input.departmentId);
	const locale = input.lang;
	const words: PosterWords = {
		heading: m.quick_poster_heading({}, { locale }),
		scan: m.quick_poster_scan({}, { locale }),
		orOpen: m.quick_poster_or_open({}, { locale })
	};
	const bytes = await posterPdf({
		departmentId: department.id,
		departmentName: departmentName(department, locale),
		places: input.places,
		origin,
		words
	});
	return { bytes, fileName: `posters-${department.name}.pdf` };
}

/** One place's QR code as a PNG. */
export async function buildPosterPng(db: Database, actor: Actor, origin: string, input: { departmentId: number; place: string }) {
	const department = await requireDepartment(db, actor, input.departmentId);
	const bytes = await posterPng(quickIdeaUrl(origin, department.id, input.place));
	return { bytes, fileName: `qr-${department.name}${input.place ? `-${input.place}` : ''}.png` };
}

/**
 * Whether a department's page offers "QR posters", without a statement of its own (that page
 * already runs its five): the leader facts come with the session.
 */
export function postersLinkShown(actor: Actor, departmentId: number): boolean {
	return canMakePosters(actor, departmentId, actor.leader ?? { leadsTeam: false, managedDepartmentIds: [] });
}
