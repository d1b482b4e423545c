/** The list of an idea's files, checked on the server-rendered HTML: download links, and the remove form only when given its action. */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AttachmentList from './AttachmentList.svelte';

describe('the list of files', () => {
	const file = {
		id: 3,
		kind: 'photo',
		fileName: 'line 3.png',
		sizeBytes: 1_572_864,
		uploaderName: 'Anneke',
		createdAt: '2025-03-01T10:00:00Z'
	};

	it('links each file to its download and says who added it, with a size people read', () => {
		const { body } = render(AttachmentList, { props: { attachments: [file] } });
		expect(body).toContain('href="/attachments/3"');
		expect(body).toContain('1.5 MB');
		expect(body).toContain('Added by Anneke on 1 Mar 2025');
		expect(body).not.toContain('name="attachmentId"');
	});

	it('has a remove button posting to the page action only when given one', () => {
		const { body } = render(AttachmentList, { props: { attachments: [file], removeAction: '?/removeAttachment' } });
		expect(body).toMatch(/<form[^>]*method="POST"[^>]*action="\?\/removeAttachment"/);
		expect(body).toContain('name="attachmentId" value="3"');
	});
});
