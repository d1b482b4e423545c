import { error } from '@sveltejs/kit';
import type { Database } from '../db/index.js';
import type { Actor } from '../auth/policy.js';
import { DomainError } from '../errors.js';
import { exportOfflineSheet } from './scoring.service.js';

/** A download that is nobody else's business: private, never cached. */
export function download(body: string | Uint8Array, fileName: string, contentType: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

export async function offlineSheetResponse(db: Database, actor: Actor, roundId: number, format: 'csv' | 'xlsx') {
	try {
		const file = await exportOfflineSheet(db, actor, roundId, format);
		return download(file.body, file.fileName, file.contentType);
	} catch (e) {
		if (e instanceof DomainError && e.status === 404) error(404, 'Not found');
		throw e;
	}
}
