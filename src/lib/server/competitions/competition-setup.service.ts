/**
 * Setting up a competition (an edition such as "Improvement Cup 2028"): organisers create
 * and edit its call, submission window, eligible departments and mentoring preference, and
 * move it along draft → open → judging → closed → archived (src/lib/domain/competition-status.ts).
 * Every write is audited, inside the same transaction. Opening a competition tells the
 * eligible departments' people, once (the call also shows on their home page once its
 * window has started).
 */
import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { DomainError, FieldErrors, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { insertNotifications } from '../notifications/notifications.queries.js';
import { renderMarkdown } from '../markdown.js';
import { decideCompetitionStatus, nextCompetitionStatuses } from '../../domain/competition-status.js';
import type { CompetitionFormValues } from '../../forms/competition-values.js';
import { checkCompetitionInput, dateToAmsterdamLocal, slugFromName, type CompetitionInput } from './competition-setup.schema.js';
import { recomputeConflicts } from '../scoring/jury-sheet.service.js';
import * as q from './competition-setup.queries.js';

function requireOrganiser(actor: Actor) {
	if (!can(actor, 'competition.manage')) throw notFound();
}

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/** Field rules, then the ones that need the database: the slug is free, the departments exist. */
async function validate(db: Database, input: CompetitionInput, competitionId: number | null) {
	const errors = checkCompetitionInput(input);
	if (Object.keys(errors).length) throw new FieldErrors(errors);
	const slug = input.slug.trim() || slugFromName(input.name);
	if (await q.isSlugTaken(db, slug, competitionId)) errors.slug = ['taken'];
	const departmentIds = [...new Set(input.departmentIds)];
	const checked = await q.checkChoices(db, departmentIds, input.reminders?.programmeLeadId ?? null);
	if (checked.departments !== departmentIds.length) errors.departmentId = ['unknown'];
	if (!checked.leadOk) errors.programmeLeadId = ['programme_lead_unknown'];
	if (Object.keys(errors).length) throw new FieldErrors(errors);
	const row: q.CompetitionRow = {
		slug,
		name: input.name.trim(),
		callText: input.callText,
		submissionOpensAt: input.submissionOpensAt,
		submissionClosesAt: input.submissionClosesAt,
		responseDays: input.responseDays,
		preferOtherDepartmentMentor: input.preferOtherDepartmentMentor,
		peerConflicts: input.peerConflicts ?? false,
		jurorLoadCap: input.jurorLoadCap ?? null,
		...input.reminders
	};
	return { row, departmentIds };
}

/** What the audit line keeps of a competition's settings. */
const auditData = (row: q.CompetitionRow, departmentIds: number[]) => ({
	slug: row.slug,
	name: row.name,
	submissionOpensAt: row.submissionOpensAt.toISOString(),
	submissionClosesAt: row.submissionClosesAt.toISOString(),
	responseDays: row.responseDays,
	preferOtherDepartmentMentor: row.preferOtherDepartmentMentor,
	peerConflicts: row.peerConflicts,
	jurorLoadCap: row.jurorLoadCap,
	departmentIds,
	callTextLength: row.callText.length,
	...(row.screeningReminderDays === undefined
		? {}
		: {
				programmeLeadId: row.programmeLeadId ?? null,
				screeningReminderDays: row.screeningReminderDays,
				screeningEscalationDays: row.screeningEscalationDays,
				mentorReminderDays: row.mentorReminderDays,
				mentorEscalationDays: row.mentorEscalationDays,
				juryReminderDays: row.juryReminderDays,
				resubmitReminderDays: row.resubmitReminderDays
			})
});

/**
 * The departments to choose from on a new competition's form, and those ticked to start with:
 * the ones eligible by default (none ticked, meaning every department, when all of them are).
 */
export async function getCompetitionFormOptions(db: Database, actor: Actor) {
	requireOrganiser(actor);
	const [departments, leads] = await Promise.all([q.listDepartmentChoices(db), q.listProgrammeLeadChoices(db)]);
	const eligible = departments.filter((d) => d.eligibleByDefault);
	return { departments, leads, defaultDepartmentIds: eligible.length === departments.length ? [] : eligible.map((d) => String(d.id)) };
}

/** A new competition, in draft. A slug already in use is a field error ('taken'), also when two organisers race. */
export async function createCompetition(db: Database, actor: Actor, input: CompetitionInput) {
	requireOrganiser(actor);
	const { row, departmentIds } = await validate(db, input, null);
	try {
		return await db.transaction().execute(async (trx) => {
			const created = await q.insertCompetition(trx, { ...row, createdBy: actor.id });
			await q.replaceCompetitionDepartments(trx, created.id, departmentIds);
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'competition.create',
				objectType: 'competition',
				objectId: created.id,
				data: auditData(row, departmentIds)
			});
			return created;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldErrors({ slug: ['taken'] });
		throw e;
	}
}

/** Change a competition's settings. An archived competition no longer changes. */
export async function updateCompetition(db: Database, actor: Actor, competitionId: number, input: CompetitionInput) {
	requireOrganiser(actor);
	const { row, departmentIds } = await validate(db, input, competitionId);
	try {
		await db.transaction().execute(async (trx) => {
			const locked = await q.lockCompetitionRow(trx, competitionId);
			if (!locked) throw notFound();
			if (locked.status === 'archived')
				throw new DomainError('competition_archived', 'This competition is archived; it no longer changes.', 409);
			await q.updateCompetitionRow(trx, competitionId, row);
			await q.replaceCompetitionDepartments(trx, competitionId, departmentIds);
			// Counting peers or not changes who conflicts: the recorded conflicts follow.
			await recomputeConflicts(trx, { competitionId });
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'competition.update',
				objectType: 'competition',
				objectId: competitionId,
				data: auditData(row, departmentIds)
			});
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldErrors({ slug: ['taken'] });
		throw e;
	}
	return { id: competitionId, slug: row.slug };
}

/** The edit page: the competition as form values (times in Amsterdam), its call rendered, and where its status can go. */
export async function getCompetitionForEdit(db: Database, actor: Actor, competitionId: number) {
	requireOrganiser(actor);
	const [competition, departments, leads] = await Promise.all([
		q.findCompetitionForEdit(db, competitionId),
		q.listDepartmentChoices(db, competitionId),
		q.listProgrammeLeadChoices(db, competitionId)
	]);
	if (!competition) throw notFound();
	const departmentIds = competition.departments.map((d) => d.departmentId);
	const submittedIdeas = competition.submittedIdeas ?? 0;
	const values: CompetitionFormValues = {
		name: competition.name,
		slug: competition.slug,
		callText: competition.callText,
		opensAt: dateToAmsterdamLocal(competition.submissionOpensAt),
		closesAt: dateToAmsterdamLocal(competition.submissionClosesAt),
		responseDays: String(competition.responseDays),
		departmentIds: departmentIds.map(String),
		preferOtherDepartmentMentor: competition.preferOtherDepartmentMentor,
		peerConflicts: competition.peerConflicts,
		jurorLoadCap: competition.jurorLoadCap === null ? '' : String(competition.jurorLoadCap),
		programmeLeadId: competition.programmeLeadId === null ? '' : String(competition.programmeLeadId),
		screeningReminderDays: String(competition.screeningReminderDays),
		screeningEscalationDays: String(competition.screeningEscalationDays),
		mentorReminderDays: String(competition.mentorReminderDays),
		mentorEscalationDays: String(competition.mentorEscalationDays),
		juryReminderDays: String(competition.juryReminderDays),
		resubmitReminderDays: String(competition.resubmitReminderDays)
	};
	return {
		competition: {
			id: competition.id,
			name: competition.name,
			slug: competition.slug,
			status: competition.status,
			submissionOpensAt: competition.submissionOpensAt,
			submissionClosesAt: competition.submissionClosesAt,
			submittedIdeas,
			departmentIds,
			callHtml: renderMarkdown(competition.callText)
		},
		values,
		departments,
		leads,
		nextStatuses: nextCompetitionStatuses(competition.status, { submittedIdeas })
	};
}

/**
 * Move the competition to another status (see competition-status.ts). The row is locked
 * first, so two organisers clicking at once make one change, and the refusal says why.
 */
export async function changeCompetitionStatus(db: Database, actor: Actor, competitionId: number, status: string) {
	requireOrganiser(actor);
	return db.transaction().execute(async (trx) => {
		const locked = await q.lockCompetitionForStatus(trx, competitionId);
		if (!locked) throw notFound();
		const submittedIdeas = locked.submittedIdeas ?? 0;
		const decision = decideCompetitionStatus(locked.status, status, { submittedIdeas });
		if (!decision.ok) throw new DomainError(decision.reason, `The competition cannot go from ${locked.status} to ${status}.`, 409);
		let told: number | undefined;
		if (decision.to === 'open') {
			// The eligible people hear of the call once, in this transaction (no word of an opening that rolls back).
			const people = await q.openCompetitionRow(trx, competitionId);
			told = people.length;
			await insertNotifications(trx, people, {
				kind: 'call_opened',
				params: {
					competitionId,
					competition: locked.name,
					opensAt: new Date(locked.submissionOpensAt).toISOString(),
					closesAt: new Date(locked.submissionClosesAt).toISOString()
				},
				link: '/ideas/new'
			});
		} else await q.updateCompetitionStatusRow(trx, competitionId, decision.to);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'competition.status',
			objectType: 'competition',
			objectId: competitionId,
			data: { status: { from: decision.from, to: decision.to }, submittedIdeas, ...(told === undefined ? {} : { told }) }
		});
		return { from: decision.from, to: decision.to };
	});
}
