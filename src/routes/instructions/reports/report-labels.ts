import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

/** The reports' own refusal codes, worded; any other code as everywhere. */
export function reportErrorText(code: string): string {
	switch (code) {
		case 'reports_step_outdated':
			return m.reports_error_step_outdated();
		case 'reports_closed':
			return m.reports_error_closed();
		case 'reports_no_such_person':
			return m.reports_error_no_such_person();
		case 'reports_version_not_newer':
			return m.reports_error_version_not_newer();
		default:
			return errorText(code);
	}
}

export function reportStatusText(status: string): string {
	return status === 'closed' ? m.reports_status_closed() : status === 'passed_on' ? m.reports_status_passed_on() : m.reports_status_open();
}

export function reportKindText(kind: string): string {
	return kind === 'better_way' ? m.reports_kind_better_way() : m.reports_kind_problem();
}
