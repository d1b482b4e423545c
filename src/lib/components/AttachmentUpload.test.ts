/** The contract between the upload form and the upload route, checked on the server-rendered HTML. */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AttachmentUpload from './AttachmentUpload.svelte';

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
