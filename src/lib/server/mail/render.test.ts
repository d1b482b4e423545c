import { describe, expect, it } from 'vitest';
import { mailLocale, renderMail, shorten, type RenderMailInput } from './render.js';

const origin = 'https://ideas.example';
const unsubscribeUrl = 'https://ideas.example/mail/unsubscribe/7.my_ideas.abc';
const at = new Date('2026-12-04T13:05:00Z');

function one(
	overrides: Partial<RenderMailInput> = {},
	notification: Partial<RenderMailInput['notifications'][number]> = {}
): RenderMailInput {
	return {
		kind: 'notification',
		locale: 'en',
		recipient: { name: 'Sanne Bakker', email: 'sanne@example.com' },
		notifications: [
			{ id: 1, kind: 'idea_returned', params: { title: 'Shadow boards' }, link: '/ideas/42', createdAt: at, ...notification }
		],
		origin,
		unsubscribe: { url: unsubscribeUrl, group: 'my_ideas' },
		...overrides
	};
}

describe('renderMail, one notification', () => {
	it('has the notification as subject, a greeting, the absolute link and the footer in text and HTML', () => {
		const mail = renderMail(one());
		expect(mail.subject).toBe('Your idea “Shadow boards” was returned for changes.');
		expect(mail.text).toContain('Hello Sanne Bakker,');
		expect(mail.text).toContain('Your idea “Shadow boards” was returned for changes.\nOpen in IdeaCup: https://ideas.example/ideas/42');
		expect(mail.text).toContain('You get this e-mail because your e-mail settings send “Your ideas” as soon as it happens.');
		expect(mail.text).toContain('Choose what you get by e-mail: https://ideas.example/settings/notifications');
		expect(mail.text).toContain(`Stop these e-mails: ${unsubscribeUrl}`);
		expect(mail.html).toContain('<html lang="en">');
		expect(mail.html).toContain('href="https://ideas.example/ideas/42"');
		expect(mail.html).toContain('href="https://ideas.example/settings/notifications"');
		expect(mail.html).toContain(`href="${unsubscribeUrl}"`);
		expect(mail.html).toContain('>Stop these e-mails</a>');
	});

	it('quotes the reason a return carries, line by line in text and escaped in HTML', () => {
		const mail = renderMail(one({}, { params: { title: 'Shadow boards', reason: 'Add the cost per line.\nAnd <one> photo.' } }));
		expect(mail.text).toContain(
			'Your idea “Shadow boards” was returned for changes.\n\nReason:\n> Add the cost per line.\n> And <one> photo.\n\nOpen in IdeaCup: https://ideas.example/ideas/42'
		);
		expect(mail.html).toContain('Add the cost per line.<br>And &lt;one&gt; photo.</blockquote>');
		expect(renderMail(one({ locale: 'nl' }, { params: { title: 'x', reason: 'Meer foto’s' } })).text).toContain('Reden:\n> Meer foto’s');
		expect(renderMail(one({}, { params: { title: 'x', reason: '   ' } })).text).not.toContain('Reason:');
	});

	it('carries the one-click unsubscribe headers', () => {
		expect(renderMail(one()).headers).toEqual({
			'List-Unsubscribe': `<${unsubscribeUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			'Auto-Submitted': 'auto-generated'
		});
	});

	it('escapes every text in the HTML: a title with <script>, & and quotes', () => {
		const title = `<script>alert("x")</script> & 'more'`;
		const mail = renderMail(one({ recipient: { name: 'Ann <b>& Co</b>', email: 'ann@example.com' } }, { params: { title } }));
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).not.toContain('<b>');
		expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;');
		expect(mail.html).toContain('Hello Ann &lt;b&gt;&amp; Co&lt;/b&gt;,');
		// subject and plain text are text, not markup
		expect(mail.subject).toBe(`Your idea “${title}” was returned for changes.`);
		expect(mail.text).toContain(title);
	});

	it('links to the notifications page when the link is missing or not a path on this site', () => {
		for (const link of [null, 'https://evil.example/x', '//evil.example', '/\t/evil.example', 'javascript:alert(1)']) {
			const mail = renderMail(one({}, { link }));
			expect(mail.text).toContain('Open in IdeaCup: https://ideas.example/notifications');
			expect(mail.html).not.toContain('evil');
			expect(mail.html).not.toContain('javascript');
		}
	});

	it('builds links on an origin given with a trailing slash', () => {
		expect(renderMail(one({ origin: 'https://ideas.example/' })).text).toContain('https://ideas.example/ideas/42\n');
	});

	it('shortens a long subject to 120 characters at a word, and keeps it on one line', () => {
		const title = 'Word '.repeat(60).trim();
		const mail = renderMail(one({}, { params: { title } }));
		expect(Array.from(mail.subject).length).toBeLessThanOrEqual(120);
		expect(mail.subject.endsWith('…')).toBe(true);
		expect(mail.subject.startsWith('Your idea “Word Word')).toBe(true);
		expect(renderMail(one({}, { params: { title: 'Two\nlines' } })).subject).toBe('Your idea “Two lines” was returned for changes.');
	});

	it('is in Dutch for a Dutch recipient', () => {
		const mail = renderMail(one({ locale: 'nl' }));
		expect(mail.subject).toBe('Je idee “Shadow boards” is teruggestuurd voor aanpassingen.');
		expect(mail.text).toContain('Hallo Sanne Bakker,');
		expect(mail.text).toContain('Openen in IdeaCup: https://ideas.example/ideas/42');
		expect(mail.text).toContain('Je krijgt deze e-mail omdat je e-mailinstellingen “Je ideeën” meteen versturen.');
		expect(mail.text).toContain(`Deze e-mails stoppen: ${unsubscribeUrl}`);
		expect(mail.html).toContain('<html lang="nl">');
	});
});

describe('renderMail, the digest', () => {
	const digest: RenderMailInput = {
		kind: 'digest',
		locale: 'en',
		recipient: { name: 'Sanne Bakker', email: 'sanne@example.com' },
		notifications: [
			{ id: 3, kind: 'call_opened', params: { title: 'Cup 2027' }, link: '/competitions/2', createdAt: at },
			{ id: 4, kind: 'idea_submitted', params: { title: 'Torque tools' }, link: '/ideas/9', createdAt: at },
			{ id: 5, kind: 'kb_new_entry', params: { title: 'Shadow boards' }, link: '/kb/3', createdAt: at }
		],
		origin,
		unsubscribe: { url: 'https://ideas.example/mail/unsubscribe/7.digest.abc', group: null }
	};

	it('counts its updates in the subject, in the singular and the plural, in both languages', () => {
		expect(renderMail(digest).subject).toBe('IdeaCup: 3 updates');
		expect(renderMail({ ...digest, notifications: digest.notifications.slice(0, 1) }).subject).toBe('IdeaCup: 1 update');
		expect(renderMail({ ...digest, locale: 'nl' }).subject).toBe('IdeaCup: 3 berichten');
		expect(renderMail({ ...digest, locale: 'nl', notifications: digest.notifications.slice(0, 1) }).subject).toBe('IdeaCup: 1 bericht');
	});

	it('groups the notifications under their mail group, in the groups order, each with its link', () => {
		const mail = renderMail(digest);
		const organising = mail.text.indexOf('\nOrganising\n----------\n');
		const news = mail.text.indexOf('\nNews\n----\n');
		expect(organising).toBeGreaterThan(0);
		expect(news).toBeGreaterThan(organising);
		const torque = mail.text.indexOf('- A new idea was submitted: “Torque tools”.');
		expect(torque).toBeGreaterThan(organising);
		expect(torque).toBeLessThan(news);
		expect(mail.text.indexOf('https://ideas.example/competitions/2')).toBeGreaterThan(news);
		expect(mail.text.indexOf('https://ideas.example/kb/3')).toBeGreaterThan(news);
		expect(mail.text).not.toContain('Your ideas');
		expect(mail.html.match(/<h2 /g)).toHaveLength(2);
		expect(mail.html.indexOf('>Organising</h2>')).toBeLessThan(mail.html.indexOf('>News</h2>'));
		expect(mail.html).toContain('href="https://ideas.example/ideas/9"');
		expect(mail.text).toContain('You get this daily digest because');
		expect(mail.headers['List-Unsubscribe']).toBe('<https://ideas.example/mail/unsubscribe/7.digest.abc>');
	});

	it('shows when each update happened, in the portal time zone and the reader language', () => {
		expect(renderMail(digest).text).toContain('(4 Dec 2026, 14:05)');
		expect(renderMail({ ...digest, locale: 'nl' }).text).toContain('(4 dec 2026, 14:05)');
	});

	it('lists at most 25 updates per group, then says how many more wait in the portal; the subject counts them all', () => {
		const many = Array.from({ length: 27 }, (_, i) => ({
			id: 100 + i,
			kind: 'idea_submitted',
			params: { title: `Idea ${i + 1}` },
			link: `/ideas/${i + 1}`,
			createdAt: at
		}));
		const mail = renderMail({ ...digest, notifications: [...many, digest.notifications[2]] });
		expect(mail.subject).toBe('IdeaCup: 28 updates');
		expect(mail.text).toContain('“Idea 25”');
		expect(mail.text).not.toContain('“Idea 26”');
		expect(mail.text).toContain('- And 2 more in the portal: https://ideas.example/notifications\n\nNews\n');
		expect(mail.text).toContain('Shadow boards');
		expect(mail.html).toContain(
			'href="https://ideas.example/notifications" style="color:#1d4ed8;text-decoration:underline;">And 2 more in the portal</a>'
		);
		expect(renderMail({ ...digest, locale: 'nl', notifications: many }).text).toContain(
			'- En nog 2 in het portaal: https://ideas.example/notifications'
		);
		expect(renderMail({ ...digest, notifications: many.slice(0, 25) }).text).not.toContain('more in the portal');
	});

	it('is in Dutch for a Dutch recipient, headings too', () => {
		const mail = renderMail({ ...digest, locale: 'nl' });
		expect(mail.text).toContain('Hallo Sanne Bakker,');
		expect(mail.text).toContain('\nOrganiseren\n');
		expect(mail.text).toContain('\nNieuws\n');
		expect(mail.html).toContain('Je IdeaCup-overzicht');
	});
});

describe('mail helpers', () => {
	it('takes nl as Dutch and anything else as English', () => {
		expect(mailLocale('nl')).toBe('nl');
		expect(mailLocale('en')).toBe('en');
		expect(mailLocale('de')).toBe('en');
		expect(mailLocale(null)).toBe('en');
	});

	it('shortens only what is too long, cutting mid-word when no space is near', () => {
		expect(shorten('short', 10)).toBe('short');
		expect(shorten('abcdefghijklmnop', 10)).toBe('abcdefghi…');
		expect(shorten('alpha beta gamma delta', 16)).toBe('alpha beta…');
		expect(shorten('one two three four', 12)).toBe('one two thr…');
	});
});
