import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

/** Words for the mail groups, deliveries and outbox states (the server's codes, worded for the reader). */
const groupLabels: Record<string, () => string> = {
	my_ideas: m.mail_group_my_ideas,
	mentoring: m.mail_group_mentoring,
	jury: m.mail_group_jury,
	organising: m.mail_group_organising,
	reminders: m.mail_group_reminders,
	news: m.mail_group_news,
	digest: m.mail_settings_group_digest
};
export const mailGroupLabel = (group: string): string => groupLabels[group]?.() ?? group;

const groupHints: Record<string, () => string> = {
	my_ideas: m.mail_settings_group_my_ideas_hint,
	mentoring: m.mail_settings_group_mentoring_hint,
	jury: m.mail_settings_group_jury_hint,
	organising: m.mail_settings_group_organising_hint,
	reminders: m.mail_settings_group_reminders_hint,
	news: m.mail_settings_group_news_hint
};
export const mailGroupHint = (group: string): string => groupHints[group]?.() ?? '';

const deliveryLabels: Record<string, { label: () => string; hint: () => string }> = {
	immediate: { label: m.mail_settings_immediate, hint: m.mail_settings_immediate_hint },
	digest: { label: m.mail_settings_digest, hint: m.mail_settings_digest_hint },
	off: { label: m.mail_settings_off, hint: m.mail_settings_off_hint }
};
export const deliveryLabel = (delivery: string): string => deliveryLabels[delivery]?.label() ?? delivery;
export const deliveryHint = (delivery: string): string => deliveryLabels[delivery]?.hint() ?? '';

const statusLabels: Record<string, () => string> = {
	queued: m.mail_outbox_status_queued,
	sending: m.mail_outbox_status_sending,
	sent: m.mail_outbox_status_sent,
	failed: m.mail_outbox_status_failed
};
export const outboxStatusLabel = (status: string): string => statusLabels[status]?.() ?? status;

const mailErrors: Record<string, () => string> = {
	choose_delivery: m.mail_settings_error_choose,
	not_failed: m.mail_outbox_error_not_failed
};
/** Error codes of the mail forms, worded; other codes as everywhere else. */
export const mailErrorText = (code: string): string => mailErrors[code]?.() ?? errorText(code);
