/** The mentor's home, and the mentor card of the portal's home page (home.service.ts). */
import type { Database, Db } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { CHECKLIST_ITEMS } from './mentoring.schema.js';
import { findMentorProfileFull } from './mentoring.queries.js';
import * as q from './mentor-home.queries.js';

/** My mentees and their progress, proposals waiting for my answer, and my mentees' next presentations. */
export async function getMentorHome(db: Database, actor: Actor) {
	// A paused mentor is no longer "mentor" in the portal's roles, but still coaches their mentees.
	const profile = await findMentorProfileFull(db, actor.id);
	if (!profile && !can(actor, 'mentoring.coach')) throw notFound();
	const [assignments, presentations] = await Promise.all([q.listMentorAssignments(db, actor.id), q.listMenteePresentations(db, actor.id)]);
	const mentees = assignments.filter((a) => a.assignmentStatus === 'accepted');
	return {
		profile: profile ?? null,
		waiting: assignments.filter((a) => a.assignmentStatus === 'proposed'),
		mentees: mentees.map((a) => ({ ...a, checksDone: a.checksDone ?? 0, tags: a.tags ?? [] })),
		presentations,
		load: { active: assignments.length, capacity: profile?.capacity ?? 0 },
		checklistSize: CHECKLIST_ITEMS.length
	};
}

/** A mentor's ideas (accepted, or proposed and waiting for their answer) with checklist progress. */
export function listMentees(db: Db, mentorId: number) {
	return q.listMentees(db, mentorId);
}

/** A mentor's capacity, status and expertise (null before they opt in). */
export function findMentorProfile(db: Db, userId: number) {
	return q.findMentorProfile(db, userId);
}
