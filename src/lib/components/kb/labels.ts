import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';
import { formatDecimal } from '$lib/format';

const resultKinds: Record<string, () => string> = {
	hours: m.kb_result_hours,
	defects: m.kb_result_defects,
	euros: m.kb_result_euros,
	safety: m.kb_result_safety,
	other: m.kb_result_other
};
export const resultKindLabel = (kind: string) => resultKinds[kind]?.() ?? kind;

const adoptionStatuses: Record<string, () => string> = {
	considering: m.kb_adoption_considering,
	piloting: m.kb_adoption_piloting,
	adopted: m.kb_adoption_adopted,
	not_suitable: m.kb_adoption_not_suitable,
	origin: m.kb_map_origin,
	candidate: m.kb_map_candidate,
	none: m.kb_map_none
};
export const adoptionStatusLabel = (status: string) => adoptionStatuses[status]?.() ?? status;

/** Colours of the roll-out map and the adoption badges: the same meaning everywhere. */
export const adoptionTone: Record<string, string> = {
	origin: 'bg-brand-700 text-white border-brand-800',
	adopted: 'bg-emerald-700 text-white border-emerald-800',
	piloting: 'bg-sky-200 text-sky-950 border-sky-400',
	considering: 'bg-amber-100 text-amber-950 border-amber-300',
	not_suitable: 'bg-slate-200 text-slate-700 border-slate-300',
	candidate: 'bg-white text-slate-800 border-dashed border-brand-500',
	none: 'bg-white text-slate-500 border-slate-200'
};

const awards: Record<string, () => string> = {
	winner: m.kb_award_winner,
	runner_up: m.kb_award_runner_up,
	finalist: m.kb_award_finalist
};
export const awardLabel = (award: string) => awards[award]?.() ?? award;

const implementationStatuses: Record<string, () => string> = {
	planned: m.kb_impl_planned,
	in_progress: m.kb_impl_in_progress,
	done: m.kb_impl_done
};
export const implementationStatusLabel = (status: string) => implementationStatuses[status]?.() ?? status;

const entryStatuses: Record<string, () => string> = {
	pending: m.kb_entry_status_pending,
	published: m.kb_entry_status_published,
	unpublished: m.kb_entry_status_unpublished
};
export const entryStatusLabel = (status: string) => entryStatuses[status]?.() ?? status;

const errors: Record<string, () => string> = {
	not_allowed: m.kb_error_not_allowed,
	own_department: m.kb_error_own_department,
	invalid_date: m.kb_error_invalid_date,
	before_start: m.kb_error_before_start,
	not_published: m.kb_error_not_published,
	not_implemented: m.kb_error_not_implemented,
	already_published: m.kb_error_already_published,
	adoption_kept_by_owner: m.kb_error_adoption_kept_by_owner
};
export const kbErrorText = (code: string) => (errors[code] ?? (() => errorText(code)))();

/** A number as people read it: 1,250.5 / 1.250,5. */
export function formatNumber(value: number | null | undefined, locale: string): string {
	if (value === null || value === undefined) return '';
	return formatDecimal(value, locale);
}
