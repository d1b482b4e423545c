import { localPathOr } from '$lib/domain/local-path.js';
import { formatDateTime } from '$lib/format.js';
import { notificationText } from '$lib/i18n-labels.js';
import { m } from '$lib/paraglide/messages.js';
import { MAIL_GROUPS, mailGroupOf, type MailGroup } from './kinds.js';
import { pitchInvite, type MailAttachment } from '../pitch/invite.js';

/**
 * The portal's e-mail: one notification, or the daily digest of several grouped under their
 * mail group, in the recipient's language, as plain text and HTML. Pure: the same input gives
 * the same mail, so the admin's outbox preview shows exactly what is (or would be) sent.
 * Every link is absolute (ORIGIN); a notification whose link is not a path on this site links
 * to the notifications page instead.
 */
export type MailLocale = 'en' | 'nl';

export type MailNotification = { id: number; kind: string; params: unknown; link: string | null; createdAt: Date };

export type RenderMailInput = {
	kind: 'notification' | 'digest';
	locale: MailLocale;
	recipient: { name: string; email: string };
	notifications: MailNotification[];
	origin: string;
	/** The sender (MAIL_FROM, "Name <address>"): a calendar invitation's organizer. */
	from?: string;
	/** The one-click link for this mail; `group` null for the digest. */
	unsubscribe: { url: string; group: MailGroup | null };
};

export type RenderedMail = {
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	/** Files the mail carries: a pitch notification's calendar invitation (invite.ics). */
	attachments?: MailAttachment[];
};

export const SETTINGS_PATH = '/settings/notifications';
const SUBJECT_MAX = 120;
/** A reason longer than this is shortened in the mail (the portal shows it whole). */
const REASON_MAX = 2000;
/** A digest lists at most this many updates per group, then "And N more in the portal". */
export const DIGEST_GROUP_MAX = 25;

/** A stored locale as a mail language: 'nl' or 'en' (anything else). */
export function mailLocale(value: string | null | undefined): MailLocale {
	return value === 'nl' ? 'nl' : 'en';
}

const groupLabels: Record<MailGroup, (o: { locale: MailLocale }) => string> = {
	my_ideas: (o) => m.mail_group_my_ideas({}, o),
	mentoring: (o) => m.mail_group_mentoring({}, o),
	jury: (o) => m.mail_group_jury({}, o),
	organising: (o) => m.mail_group_organising({}, o),
	reminders: (o) => m.mail_group_reminders({}, o),
	news: (o) => m.mail_group_news({}, o)
};

/** A mail group's heading in a language (also the settings' word for it). */
export function mailGroupLabel(group: MailGroup, locale: MailLocale): string {
	return groupLabels[group]({ locale });
}

export function renderMail(input: RenderMailInput): RenderedMail {
	const locale = mailLocale(input.locale);
	const o = { locale };
	const origin = input.origin.replace(/\/+$/, '');
	const lines = input.notifications.map((n) => ({
		group: mailGroupOf(n.kind),
		text: oneLine(notificationText(n.kind, n.params, locale)),
		url: origin + localPathOr(n.link, '/notifications'),
		when: formatDateTime(n.createdAt, locale)
	}));
	const footer = {
		why:
			input.kind === 'digest'
				? m.mail_why_digest({}, o)
				: m.mail_why_immediate({ group: mailGroupLabel(input.unsubscribe.group ?? lines[0]?.group ?? 'news', locale) }, o),
		settingsLabel: m.mail_footer_settings({}, o),
		settingsUrl: origin + SETTINGS_PATH,
		unsubscribeLabel: m.mail_footer_unsubscribe({}, o),
		unsubscribeUrl: input.unsubscribe.url,
		note: m.mail_footer_note({}, o)
	};
	const greeting = m.mail_greeting({ name: oneLine(input.recipient.name) }, o);
	const headers = {
		'List-Unsubscribe': `<${input.unsubscribe.url}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		// RFC 3834: no out-of-office replies to the portal
		'Auto-Submitted': 'auto-generated'
	};

	if (input.kind === 'notification') {
		const line = lines[0] ?? { group: 'news' as const, text: '', url: `${origin}/notifications`, when: '' };
		const subject = shorten(line.text, SUBJECT_MAX);
		const intro = m.mail_notification_intro({}, o);
		const open = m.mail_open({}, o);
		// A return, decline or unpublication carries the words its author gave: the mail shows them.
		const reason = reasonOf(input.notifications[0]?.params);
		const reasonLabel = m.mail_reason({}, o);
		const text = [
			greeting,
			'',
			intro,
			'',
			line.text,
			...(reason ? ['', `${reasonLabel}:`, ...reason.split('\n').map((l) => `> ${l}`), ''] : []),
			`${open}: ${line.url}`,
			'',
			...textFooter(footer)
		].join('\n');
		const body = [
			p(esc(greeting)),
			p(esc(intro)),
			`<p style="${S.lead}">${esc(line.text)}</p>`,
			...(reason
				? [
						`<p style="${S.p}"><strong>${esc(reasonLabel)}:</strong></p>`,
						`<blockquote style="${S.quote}">${reason.split('\n').map(esc).join('<br>')}</blockquote>`
					]
				: []),
			`<p style="${S.p}"><a href="${esc(line.url)}" style="${S.button}">${esc(open)}</a></p>`
		].join('\n');
		// A pitch slot or session carries its calendar invitation, made from the notification's params.
		const first = input.notifications[0];
		const invite = first ? pitchInvite(first.kind, first.params, locale, origin, first.link, input.from) : null;
		return { subject, text, html: page(locale, subject, body, footer), headers, ...(invite ? { attachments: [invite] } : {}) };
	}

	const subject = m.mail_digest_subject({ count: lines.length }, o);
	const title = m.mail_digest_title({}, o);
	const intro = m.mail_digest_intro({}, o);
	const sections = MAIL_GROUPS.map((group) => {
		const all = lines.filter((l) => l.group === group);
		return { group, items: all.slice(0, DIGEST_GROUP_MAX), more: Math.max(0, all.length - DIGEST_GROUP_MAX) };
	}).filter((s) => s.items.length > 0);
	const notificationsUrl = `${origin}/notifications`;
	const moreText = (count: number) => m.mail_digest_more({ count }, o);
	const text = [
		greeting,
		'',
		intro,
		...sections.flatMap((s) => {
			const heading = mailGroupLabel(s.group, locale);
			return [
				'',
				heading,
				'-'.repeat(heading.length),
				...s.items.flatMap((l) => [`- ${l.text} (${l.when})`, `  ${l.url}`]),
				...(s.more ? [`- ${moreText(s.more)}: ${notificationsUrl}`] : [])
			];
		}),
		'',
		...textFooter(footer)
	].join('\n');
	const body = [
		`<h1 style="${S.h1}">${esc(title)}</h1>`,
		p(esc(greeting)),
		p(esc(intro)),
		...sections.map(
			(s) =>
				`<h2 style="${S.h2}">${esc(mailGroupLabel(s.group, locale))}</h2>\n<ul style="${S.ul}">\n` +
				s.items
					.map(
						(l) =>
							`<li style="${S.li}"><a href="${esc(l.url)}" style="${S.link}">${esc(l.text)}</a><br><span style="${S.muted}">${esc(l.when)}</span></li>`
					)
					.join('\n') +
				(s.more ? `\n<li style="${S.li}"><a href="${esc(notificationsUrl)}" style="${S.link}">${esc(moreText(s.more))}</a></li>` : '') +
				'\n</ul>'
		)
	].join('\n');
	return { subject, text, html: page(locale, subject, body, footer), headers };
}

type Footer = { why: string; settingsLabel: string; settingsUrl: string; unsubscribeLabel: string; unsubscribeUrl: string; note: string };

function textFooter(f: Footer): string[] {
	return ['-- ', f.why, `${f.settingsLabel}: ${f.settingsUrl}`, `${f.unsubscribeLabel}: ${f.unsubscribeUrl}`, f.note];
}

// Inline styles only: many mail programs drop <style> blocks. Colours keep 4.5:1 contrast or more on white.
const S = {
	body: 'margin:0;padding:0;background-color:#f3f4f6;',
	card: 'max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;color:#111827;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;',
	p: 'margin:0 0 16px 0;',
	lead: 'margin:0 0 16px 0;font-size:18px;font-weight:bold;',
	h1: 'margin:0 0 16px 0;font-size:22px;line-height:1.3;',
	h2: 'margin:24px 0 8px 0;font-size:18px;line-height:1.3;',
	ul: 'margin:0 0 16px 0;padding-left:20px;',
	li: 'margin:0 0 10px 0;',
	link: 'color:#1d4ed8;text-decoration:underline;',
	button:
		'display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;',
	muted: 'color:#4b5563;font-size:14px;',
	quote: 'margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #d1d5db;background-color:#f9fafb;color:#111827;',
	footer: 'margin:24px 0 0 0;padding-top:16px;border-top:1px solid #d1d5db;color:#4b5563;font-size:14px;'
};

function p(html: string): string {
	return `<p style="${S.p}">${html}</p>`;
}

function page(locale: MailLocale, subject: string, body: string, f: Footer): string {
	return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(subject)}</title>
</head>
<body style="${S.body}">
<div role="article" aria-label="${esc(subject)}" lang="${locale}" style="${S.card}">
${body}
<div style="${S.footer}">
<p style="${S.p}">${esc(f.why)}</p>
<p style="${S.p}"><a href="${esc(f.settingsUrl)}" style="${S.link}">${esc(f.settingsLabel)}</a> &middot; <a href="${esc(f.unsubscribeUrl)}" style="${S.link}">${esc(f.unsubscribeLabel)}</a></p>
<p style="margin:0;">${esc(f.note)}</p>
</div>
</div>
</body>
</html>
`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
/** The reason a notification's params carry (a return's or decline's message), trimmed; null without one. */
function reasonOf(params: unknown): string | null {
	const reason = (params as { reason?: unknown } | null)?.reason;
	if (typeof reason !== 'string') return null;
	const trimmed = reason.replace(/\r\n?/g, '\n').trim();
	return trimmed ? shorten(trimmed, REASON_MAX) : null;
}

export function esc(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** One line: a title's line breaks and runs of spaces become one space. */
function oneLine(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis. */
export function shorten(value: string, max: number): string {
	const chars = Array.from(value);
	if (chars.length <= max) return value;
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
