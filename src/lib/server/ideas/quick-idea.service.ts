/**
 * The one-minute idea (issue 16): three answers and an optional photo from the floor saved
 * as the person's draft, then the offer of help from their team leader or a mentor with room.
 * Completing and submitting the draft is the ordinary idea form (idea-form.service.ts).
 */
import type { Database } from '../db/index.js';
import { can, canOnIdea, type Actor } from '../auth/policy.js';
import { DomainError, notFound } from '../errors.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { findLeaderFacts } from '../people/team-leader.queries.js';
import { listRequestChoices } from '../mentoring/suggestions.service.js';
import { deleteTempFile, fileStore, newStorageKey } from '../attachments/storage.js';
import type { ReceivedUpload } from '../attachments/upload.js';
import type { AskHelpInput, QuickIdeaInput } from './quick-idea.schema.js';
import * as quick from './quick-idea.queries.js';
import * as q from './ideas.queries.js';

/** How many mentors the help page offers. */
export const MENTORS_OFFERED = 3;

/**
 * Saves a one-minute idea as the person's draft, in one transaction: the idea (its title from
 * the first words), the owner on the team, a 'created' event with { via: 'one_minute', place },
 * and the photo, if any. The department is the poster's when it exists, else the person's own;
 * the competition the open call that department may enter, else none. A repeat of the same
 * form (its client key: a double tap, a second tab) returns the first idea and stores nothing.
 *
 * The photo is stored before the transaction (no transaction waits on a bucket) and deleted
 * again if the idea is not saved, or was saved already: no file is left without its row.
 */
export async function saveQuickIdea(
	db: Database,
	actor: Actor,
	input: QuickIdeaInput,
	photo: ReceivedUpload | null = null
): Promise<{ id: number; created: boolean }> {
	if (!can(actor, 'idea.create')) {
		if (photo) await deleteTempFile(photo.tempPath).catch(() => {});
		throw notFound();
	}
	const store = fileStore();
	const storageKey = photo ? newStorageKey() : null;
	if (photo && storageKey) {
		try {
			await store.put(photo.tempPath, storageKey, { mediaType: photo.mediaType });
		} catch (error) {
			await deleteTempFile(photo.tempPath).catch(() => {});
			await store.delete(storageKey).catch(() => {});
			throw error;
		}
	}
	let keepFile = false;
	try {
		const result = await db.transaction().execute(async (trx) => {
			const placement = await quick.findQuickPlacement(trx, actor.id, input.departmentId);
			if (!placement) throw notFound();
			const { id, created } = await q.insertDraft(trx, {
				title: input.title,
				problem: input.problem,
				proposal: input.proposal,
				location: input.place,
				processAreaId: null,
				departmentId: placement.departmentId,
				competitionId: placement.competitionId,
				createdBy: actor.id,
				clientKey: input.clientKey
			});
			if (!created) return { id, created };
			await quick.insertQuickIdeaRows(trx, {
				ideaId: id,
				userId: actor.id,
				place: input.place,
				photo: photo && storageKey ? { ...photo, storageKey } : null
			});
			return { id, created };
		});
		keepFile = result.created;
		return result;
	} finally {
		if (storageKey && !keepFile) {
			await store.delete(storageKey).catch((e: unknown) => {
				console.error(`[quick idea] could not delete unfiled photo ${storageKey}:`, (e as Error).message);
			});
		}
	}
}

export type HelpOffer = {
	userId: number;
	name: string;
	as: 'team_leader' | 'mentor';
	asked: boolean;
	departmentName?: string;
	free?: number;
};

/**
 * "Your idea is saved": for the team only (anyone else gets not-found). Offers the asker's
 * team leader and up to three mentors with a free place (the mentoring suggestions, best
 * first), each marked when already asked (on the team as a helper). Three statements.
 */
export async function getHelpPage(db: Database, actor: Actor, ideaId: number) {
	const idea = await quick.findIdeaWithTeam(db, ideaId);
	if (!idea || !idea.team.some((m) => m.userId === actor.id)) throw notFound();
	const facts = { status: idea.status, isMember: true, isMentor: false, isJuror: false, submissionClosed: false };
	const mayAsk = canOnIdea(actor, 'askHelp', facts);
	const onTeam = new Map(idea.team.map((m) => [m.userId, m.role]));
	const [leader, mentors] = await Promise.all([
		findLeaderFacts(db, actor.id),
		listRequestChoices(db, {
			tags: [],
			processAreaCode: null,
			departmentId: idea.departmentId,
			preferOtherDepartment: false,
			// helpers already asked stay on the list (marked asked); the credited team is left out
			team: idea.team.filter((m) => m.role !== 'helper').map((m) => ({ id: m.userId }))
		})
	]);
	const teamLeader = leader.teamLeader;
	const offers: HelpOffer[] = [];
	if (teamLeader && onTeam.get(teamLeader.id) !== 'owner' && onTeam.get(teamLeader.id) !== 'member') {
		offers.push({ userId: teamLeader.id, name: teamLeader.name, as: 'team_leader', asked: onTeam.has(teamLeader.id) });
	}
	for (const mentor of mentors) {
		if (offers.filter((o) => o.as === 'mentor').length >= MENTORS_OFFERED) break;
		if (mentor.userId === teamLeader?.id) continue;
		offers.push({
			userId: mentor.userId,
			name: mentor.name,
			as: 'mentor',
			asked: onTeam.has(mentor.userId),
			departmentName: mentor.departmentName,
			free: mentor.free
		});
	}
	return {
		idea: { id: idea.id, title: idea.title, status: idea.status, location: idea.location },
		mayAsk,
		offers,
		helpers: idea.team.filter((m) => m.role === 'helper').map((m) => ({ userId: m.userId, name: m.name }))
	};
}

/**
 * Asks a colleague to help develop the idea (canOnIdea 'askHelp': the team while the idea is
 * a draft or returned): the asker's team leader, or a mentor with a free place. They join the
 * team as a helper (they may open and edit the draft; not credited), the timeline records
 * 'helper_asked', and they are told (`help_asked`). Asking again changes nothing. At most four
 * statements, in one transaction with the idea held.
 */
export async function askForHelp(
	db: Database,
	actor: Actor & { name: string },
	ideaId: number,
	input: AskHelpInput
): Promise<{ added: boolean }> {
	return db.transaction().execute(async (trx) => {
		const target = await quick.findHelpTarget(trx, ideaId, actor.id, input.userId);
		if (!target || !target.isMember) throw notFound();
		const facts = { status: target.status, isMember: true, isMentor: false, isJuror: false, submissionClosed: false };
		if (!canOnIdea(actor, 'askHelp', facts))
			throw new DomainError('not_allowed_now', 'Help can be asked while the idea is a draft or returned.', 409);
		const allowed = input.as === 'team_leader' ? target.isTeamLeader : target.isMentorWithRoom;
		if (!allowed || input.userId === actor.id) throw notFound();
		const added = await q.addHelper(trx, ideaId, input.userId);
		if (!added) return { added };
		await q.insertEvent(trx, { ideaId, actorId: actor.id, kind: 'helper_asked', data: { userId: input.userId, as: input.as } });
		await insertNotifications(trx, [input.userId], {
			kind: 'help_asked',
			params: { ideaId, title: target.title, name: actor.name },
			link: `/ideas/${ideaId}`
		});
		return { added };
	});
}
