import type { Database } from '../db/index.js';
import { can, type Actor } from '../auth/policy.js';
import { notFound } from '../errors.js';
import { listAudit } from './audit.queries.js';

export async function listAuditLog(db: Database, actor: Actor, limit = 200) {
	if (!can(actor, 'admin.audit')) throw notFound();
	return listAudit(db, limit);
}
