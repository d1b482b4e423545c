/** The idea page: what it shows this reader and what they may do now; and its comments. */
import type { Database, Db } from '../db/index.js';
import { canOnIdea, hasRole, type Actor } from '../auth/policy.js';
import { availableTransitions, holderOf, TRANSITIONS } from '../../domain/lifecycle.js';
import { ACCEPTED_AND_LATER, isIdeaStatus, statusIn, UNANSWERED } from '../../domain/idea-status.js';
import { answerDueOn, isOverdue, workingDaysBetween } from '../../domain/response-time.js';
import { insertNotifications, notifyRoles } from '../notifications/notifications.queries.js';
import { renderMarkdown } from '../markdown.js';
import { actorKinds, requireIdeaAccess } from './ideas.access.js';
import { findIdeaPage } from './idea-page.queries.js';
import { toIdeaVoice } from './voice.queries.js';
import { recordAudit } from '../audit/audit.queries.js';
import { DomainError, notFound } from '../errors.js';
import * as q from './ideas.queries.js';

/** The statuses an organiser may merge an idea from (the page reads merge candidates only for these). */
const MERGE_FROM = TRANSITIONS.merge.from;

/** Everything the idea page shows to this reader, and the actions they may take now. */
export async function getIdeaPage(db: Database, actor: Actor, ideaId: number, now = new Date()) {
	const access = await requireIdeaAccess(db, actor, ideaId, 'view');
	const organiser = hasRole(actor, 'organiser');
	const page = await findIdeaPage(db, ideaId, {
		viewerId: actor.id,
		visibilities: organiser ? ['team', 'organisers'] : ['team'],
		withHidden: canOnIdea(actor, 'hideComment', access.facts),
		mergeFrom: organiser ? MERGE_FROM : null
	});
	if (!page) throw notFound();
	const {
		events,
		comments,
		mergeCandidates: candidates,
		departments,
		supportCount,
		followCount,
		mySupport,
		following,
		supportDepartments,
		team: wholeTeam,
		...detail
	} = page;
	const kinds = actorKinds(actor, access);
	const transitions = availableTransitions(detail.status, kinds);
	const mergeCandidates = organiser && transitions.includes('merge') ? candidates : [];
	const waiting = statusIn(detail.status, UNANSWERED) && detail.submittedAt;
	return {
		// The team is its owner and members; helpers (who entered it, or help develop it) are listed apart.
		idea: { ...detail, team: wholeTeam.filter((p) => p.role !== 'helper') },
		helpers: wholeTeam.filter((p) => p.role === 'helper'),
		voice: toIdeaVoice({ supportCount, followCount, mySupport, following, supportDepartments }),
		departments,
		isMember: access.facts.isMember,
		holder: isIdeaStatus(detail.status) ? holderOf(detail.status) : 'nobody',
		events,
		// Organisers-only notes and hidden comments stay out of the page for everyone else (filtered in the query).
		comments: comments.map((c) => ({ ...c, html: renderMarkdown(c.body) })),
		transitions,
		mergeCandidates,
		links: {
			// The coaching space and the implementation record open once an idea is accepted.
			coaching: statusIn(detail.status, ACCEPTED_AND_LATER) && (access.facts.isMember || access.facts.isMentor || organiser),
			implementation: statusIn(detail.status, ACCEPTED_AND_LATER) && (access.facts.isMember || organiser),
			kbEntryId: detail.kbEntryId ?? null
		},
		can: {
			edit: canOnIdea(actor, 'edit', access.facts),
			comment: canOnIdea(actor, 'comment', access.facts),
			commentOrganisersOnly: canOnIdea(actor, 'commentOrganisersOnly', access.facts),
			screen: canOnIdea(actor, 'screen', access.facts),
			support: canOnIdea(actor, 'support', access.facts),
			follow: canOnIdea(actor, 'follow', access.facts),
			hideComment: canOnIdea(actor, 'hideComment', access.facts),
			merge: organiser && transitions.includes('merge')
		},
		response: waiting
			? {
					waitingDays: workingDaysBetween(new Date(detail.submittedAt!), now),
					dueOn: answerDueOn(new Date(detail.submittedAt!), detail.responseDays ?? 10),
					overdue: isOverdue(new Date(detail.submittedAt!), now, detail.responseDays ?? 10)
				}
			: null
	};
}

/**
 * A comment on an idea. The form's key makes a repeat (double click, retry, two identical
 * posts at once) find the first comment instead of storing and announcing it again.
 */
export async function addComment(
	db: Database,
	actor: Actor,
	ideaId: number,
	input: { body: string; visibility: 'team' | 'organisers'; clientKey?: string | null }
) {
	const access = await requireIdeaAccess(db, actor, ideaId, input.visibility === 'organisers' ? 'commentOrganisersOnly' : 'comment');
	const clientKey = input.clientKey ?? null;
	return db.transaction().execute(async (trx) => {
		const inserted = await q.insertComment(trx, { ideaId, authorId: actor.id, body: input.body, visibility: input.visibility, clientKey });
		if (!inserted) return q.findCommentByClientKey(trx, actor.id, clientKey!);
		const comment = inserted;
		await q.insertEvent(trx, {
			ideaId,
			actorId: actor.id,
			kind: 'commented',
			data: { commentId: comment.id, visibility: input.visibility }
		});
		if (input.visibility === 'team') {
			// the team, found by the statement that writes (the writer is not told of their own comment)
			await notifyRoles(trx, [
				{
					to: { team: ideaId },
					except: actor.id,
					kind: 'comment_added',
					params: { ideaId, title: access.title },
					link: `/ideas/${ideaId}#comments`
				}
			]);
		}
		return comment;
	});
}

/**
 * An organiser hides a comment, with the reason its author is told. Only a comment not hidden
 * yet changes: a double click, or a second organiser at the same moment, finds it hidden and
 * gets "already hidden" (nothing is written twice, the author is told once).
 */
export async function hideComment(db: Database, actor: Actor, ideaId: number, input: { commentId: number; reason: string }) {
	const access = await requireIdeaAccess(db, actor, ideaId, 'hideComment');
	return db.transaction().execute(async (trx) => {
		const hidden = await q.hideComment(trx, { ideaId, commentId: input.commentId, hiddenBy: actor.id, reason: input.reason });
		if (!hidden) throw await unchanged(trx, ideaId, input.commentId, 'already_hidden');
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'comment.hide',
			objectType: 'comment',
			objectId: input.commentId,
			data: { ideaId, reason: input.reason }
		});
		if (hidden.authorId !== actor.id)
			await insertNotifications(trx, [hidden.authorId], {
				kind: 'comment_hidden',
				params: { ideaId, title: access.title, reason: input.reason },
				link: `/ideas/${ideaId}#comments`
			});
		return hidden;
	});
}

/** An organiser shows a hidden comment again: everyone who sees the idea reads it once more. */
export async function showComment(db: Database, actor: Actor, ideaId: number, input: { commentId: number }) {
	await requireIdeaAccess(db, actor, ideaId, 'hideComment');
	return db.transaction().execute(async (trx) => {
		const shown = await q.showComment(trx, { ideaId, commentId: input.commentId });
		if (!shown) throw await unchanged(trx, ideaId, input.commentId, 'not_hidden');
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'comment.show',
			objectType: 'comment',
			objectId: input.commentId,
			data: { ideaId }
		});
		return shown;
	});
}

/** Why a hide or show changed nothing: the comment is not on this idea (404), or it already was so (409). */
async function unchanged(db: Db, ideaId: number, commentId: number, code: string) {
	const exists = await q.findIdeaComment(db, ideaId, commentId);
	return exists
		? new DomainError(code, code === 'already_hidden' ? 'This comment is hidden already.' : 'This comment is not hidden.', 409)
		: notFound();
}
