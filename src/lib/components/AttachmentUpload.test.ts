/** The contract between the upload form and the upload route, checked on the server-rendered HTML. */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AttachmentUpload from '$lib/components/AttachmentUpload.svelte';
import AttachmentList from '$lib/components/AttachmentList.svelte';

describe('the upload form without JavaScript', () => {
	it('posts multipart to the idea upload route, the kind before the file', () => {
		const { body } = render(AttachmentUpload, { props: { ideaId: 7 } });
		expect(body).toMatch(/<form[^>]*method="POST"[^>]*enctype="multipart\/form-data"[^>]*action="\/ideas\/7\/attachments"/);
		expect(body.indexOf('name="kind"')).toBeGreaterThan(0);
		expect(body.indexOf('name="kind"')).toBeLessThan(body.indexOf('name="file"'));
		expect(body).toMatch(/<input[^>]*type="file"[^>]*accept="[^"]*\.pptx/);
		expect(body).toContain('Photos: JPEG, PNG, WebP, HEIC or GIF, up to 20 MB');
		expect(body).toContain('Videos: MP4, MOV or WebM, up to 200 MB');
	});

	it('offers only the kinds allowed now, and shows the outcome of the last post', () => {
		const { body } = render(AttachmentUpload, {
			props: { ideaId: 7, kinds: ['slides', 'video', 'work_instruction'], uploadError: 'type_not_allowed' }
		});
		expect(body).not.toContain('value="photo"');
		expect(body).toContain('This kind of file cannot be added here.');
		expect(render(AttachmentUpload, { props: { ideaId: 7, uploaded: 'pitch.pdf' } }).body).toContain('pitch.pdf was added.');
	});
});

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
