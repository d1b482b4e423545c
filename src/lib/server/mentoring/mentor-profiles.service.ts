/** Mentor profiles: a colleague opts in or changes their own; the organiser adds a mentor, pauses or resumes one. */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import type { ProfileInput } from './mentoring.schema.js';
import * as q from './mentoring.queries.js';

/** The signed-in person's own mentor profile (null before opting in) and the expertise tags known in the portal. */
export async function getOwnProfile(db: Database, actor: Actor) {
	if (!can(actor, 'mentoring.optIn')) throw notFound();
	const [profile, active] = await Promise.all([q.findMentorProfileFull(db, actor.id), q.countActiveAssignments(db, actor.id)]);
	const mentors = await q.listMentors(db);
	const known = [...new Set(mentors.flatMap((m) => m.expertise))].sort();
	return { profile: profile ?? null, active, knownExpertise: known };
}

/** Opt in as a mentor, or change one's profile; capacity never below the ideas one coaches now. */
export async function saveOwnProfile(db: Database, actor: Actor, input: ProfileInput) {
	if (!can(actor, 'mentoring.optIn')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const existing = await q.lockMentorProfile(trx, actor.id);
		const active = existing ? await q.countActiveAssignments(trx, actor.id) : 0;
		if (input.capacity < active) throw new FieldErrors({ capacity: ['capacity_below_load'] });
		await q.upsertMentorProfile(trx, { userId: actor.id, ...input });
		await recordAudit(trx, {
			actorId: actor.id,
			action: existing ? 'mentoring.profile_changed' : 'mentoring.opted_in',
			objectType: 'mentor_profile',
			objectId: actor.id,
			data: { capacity: input.capacity, status: input.status, expertise: input.expertise }
		});
		return { optedIn: !existing };
	});
}

/** The organiser adds a colleague as mentor (they can change the profile themselves later). */
export async function addMentor(db: Database, actor: Actor, input: { userId: number; expertise: string[]; capacity: number }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const person = await q.findActiveUser(trx, input.userId);
		if (!person) throw new FieldErrors({ userId: ['unknown_person'] });
		const added = await q.insertMentorProfileIfMissing(trx, {
			userId: input.userId,
			expertise: input.expertise,
			languages: ['nl', 'en'],
			capacity: input.capacity
		});
		if (!added) throw new FieldErrors({ userId: ['already_mentor'] });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'mentoring.mentor_added',
			objectType: 'mentor_profile',
			objectId: input.userId,
			data: { ...input }
		});
		return { name: person.name };
	});
}

/** Pause a mentor (no new suggestions or assignments; current mentees stay) or resume them. */
export async function setMentorAvailability(db: Database, actor: Actor, input: { userId: number; status: 'active' | 'paused' }) {
	if (!can(actor, 'mentoring.manage')) throw notFound();
	return db.transaction().execute(async (trx) => {
		const changed = await q.setMentorStatus(trx, input.userId, input.status);
		if (!changed) throw notFound();
		await recordAudit(trx, {
			actorId: actor.id,
			action: `mentoring.mentor_${input.status}`,
			objectType: 'mentor_profile',
			objectId: input.userId
		});
		return input;
	});
}
