/**
 * The audit log as admins read it: filtered by action, actor, object type and days, a page at
 * a time or all of it as CSV, each line with readable details and links to what it names.
 */
import type { Database } from '../db/index.js';
import { can, canOnIdea, canOnKbEntry, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import {
	collectReferences,
	describeData,
	describeObject,
	resolverFor,
	type Access,
	type Part,
	type Reference,
	type RefKind
} from './audit-details.js';
import { AUDIT_EXPORT_LIMIT, AUDIT_PAGE_SIZE, toAuditFilter, type AuditQuery } from './audit.schema.js';
import { countAudit, findAuditReferences, listAudit, listAuditFilterOptions } from './audit.queries.js';

/** The newest lines as stored (raw details), for a quick look. */
export async function listAuditLog(db: Database, actor: Actor, limit = 200) {
	if (!can(actor, 'admin.audit')) throw notFound();
	return listAudit(db, {}, limit);
}

type Line = Awaited<ReturnType<typeof listAudit>>[number];

/**
 * What the reader may know of what a line names, by the portal's own rules: an idea or entry
 * they may not see stays a number (an admin is no organiser by being an admin); a round,
 * jury or competition is named, and linked for organisers only.
 */
function accessOf(reader: Actor) {
	const organises = can(reader, 'competition.manage');
	return (kind: RefKind, ref: Reference): Access => {
		switch (kind) {
			case 'idea':
				return canOnIdea(reader, 'view', {
					status: ref.status ?? 'draft',
					isMember: !!ref.mine,
					isMentor: false,
					isJuror: false,
					submissionClosed: !!ref.closed
				})
					? 'open'
					: 'none';
			case 'kb_entry':
				return canOnKbEntry(reader, 'view', { status: ref.status ?? 'pending', isTeam: !!ref.mine }) ? 'open' : 'none';
			case 'round':
			case 'jury':
			case 'competition':
				return organises ? 'open' : 'name';
			case 'user':
				return can(reader, 'admin.users') ? 'open' : 'name';
			case 'department':
				return can(reader, 'kb.read') ? 'open' : 'name';
		}
	};
}

/** The lines with their object, actor and details readable; one statement for every name they need. */
async function describeLines(db: Database, reader: Actor, lines: Line[]) {
	const references = await findAuditReferences(db, collectReferences(lines), reader.id);
	const resolve = resolverFor(references, accessOf(reader));
	const peopleLinked = can(reader, 'admin.users');
	return lines.map((line) => ({
		id: line.id,
		createdAt: line.createdAt,
		action: line.action,
		objectType: line.objectType,
		objectId: line.objectId,
		data: line.data,
		actor:
			line.actorId === null
				? null
				: ({
						text: line.actorName ?? `#${line.actorId}`,
						href: peopleLinked && line.actorEmail ? `/admin/users?q=${encodeURIComponent(line.actorEmail)}` : undefined
					} satisfies Part),
		actorEmail: line.actorEmail,
		object: describeObject(line.objectType, line.objectId, resolve),
		details: describeData(line.data, resolve)
	}));
}

/**
 * One page of the filtered log and what the filters offer. Four statements whatever the
 * page holds: the count, the page, the filter options and the names the lines refer to.
 */
export async function getAuditPage(db: Database, actor: Actor, query: AuditQuery) {
	if (!can(actor, 'admin.audit')) throw notFound();
	const filter = toAuditFilter(query);
	const [total, lines, options] = await Promise.all([
		countAudit(db, filter),
		listAudit(db, filter, AUDIT_PAGE_SIZE, (query.page - 1) * AUDIT_PAGE_SIZE),
		listAuditFilterOptions(db)
	]);
	return {
		total,
		pageSize: AUDIT_PAGE_SIZE,
		lines: await describeLines(db, actor, lines),
		options: {
			actions: options.filter((o) => o.kind === 'action').map((o) => o.value),
			types: options.filter((o) => o.kind === 'type').map((o) => o.value),
			actors: options.filter((o) => o.kind === 'actor').map((o) => ({ id: Number(o.value), name: o.label }))
		}
	};
}

/** The whole filtered log (up to AUDIT_EXPORT_LIMIT lines, newest first), described as on the page. */
export async function exportAuditLog(db: Database, actor: Actor, query: AuditQuery) {
	if (!can(actor, 'admin.audit')) throw notFound();
	return describeLines(db, actor, await listAudit(db, toAuditFilter(query), AUDIT_EXPORT_LIMIT));
}
