/** MediaView on the server-rendered HTML: the player, preview or viewer link each content type gets, and its download. */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import MediaView from './MediaView.svelte';

const base = { kind: 'video', sizeBytes: 2_097_152 };

describe('MediaView', () => {
	it('plays a video in the page with its poster, a captions track per language and a download link', () => {
		const { body } = render(MediaView, {
			props: {
				attachment: { ...base, id: 7, fileName: 'torque.mp4', mediaType: 'video/mp4' },
				captions: [
					{ id: 8, lang: 'en' },
					{ id: 9, lang: 'nl' }
				],
				posterId: 10
			}
		});
		expect(body).toMatch(/<video[^>]*src="\/attachments\/7\/view"/);
		expect(body).toMatch(/<video[^>]*preload="metadata"/);
		expect(body).toMatch(/<video[^>]*poster="\/attachments\/10\/view"/);
		expect(body).toMatch(/<video[^>]*aria-label="torque.mp4"/);
		expect(body).toMatch(/<track kind="captions" src="\/attachments\/8\/view" srclang="en" label="English" default/);
		expect(body).toMatch(/<track kind="captions" src="\/attachments\/9\/view" srclang="nl" label="Nederlands"(?! default)/);
		expect(body).toContain('href="/attachments/7"');
	});

	it('shows an image as a lazy preview named by its file, linking to the full picture', () => {
		const { body } = render(MediaView, {
			props: { attachment: { ...base, kind: 'photo', id: 3, fileName: 'line 3.png', mediaType: 'image/png' } }
		});
		expect(body).toMatch(
			/<a href="\/attachments\/3\/view"[^>]*><img[^>]*src="\/attachments\/3\/view"[^>]*alt="line 3.png"[^>]*loading="lazy"/
		);
		expect(body).toContain('href="/attachments/3"');
	});

	it('opens a PDF in a new tab and keeps the download', () => {
		const { body } = render(MediaView, {
			props: { attachment: { ...base, kind: 'document', id: 4, fileName: 'wi.pdf', mediaType: 'application/pdf' } }
		});
		expect(body).toMatch(/href="\/attachments\/4\/view" target="_blank" rel="noopener"/);
		expect(body).toContain('href="/attachments/4"');
		expect(body).not.toContain('<video');
	});

	it('offers anything else (a Word file, a HEIC photo) as a download only', () => {
		for (const mediaType of ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/heic']) {
			const { body } = render(MediaView, { props: { attachment: { ...base, kind: 'document', id: 5, fileName: 'x', mediaType } } });
			expect(body).not.toContain('/attachments/5/view');
			expect(body).toContain('href="/attachments/5"');
		}
	});
});
