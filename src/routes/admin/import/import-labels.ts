import { m } from '$lib/paraglide/messages.js';

/** Words of the HR import pages, by the codes the server answers with. */
const FILE_REFUSALS: Record<string, () => string> = {
	import_file_file_empty: () => m.import_file_file_empty(),
	import_file_file_too_large: () => m.import_file_file_too_large(),
	import_file_too_many_rows: () => m.import_file_too_many_rows(),
	import_file_type_mismatch: () => m.import_file_type_mismatch(),
	import_file_unsupported_type: () => m.import_file_unsupported_type(),
	import_file_old_excel: () => m.import_file_old_excel(),
	import_file_not_utf8: () => m.import_file_not_utf8(),
	import_file_unreadable: () => m.import_file_unreadable(),
	import_file_workbook_too_large: () => m.import_file_workbook_too_large(),
	import_file_no_header: () => m.import_file_no_header()
};
export const fileRefusalText = (code: string) => FILE_REFUSALS[code]?.() ?? m.import_file_unreadable();

export const FIELD_LABELS: Record<string, () => string> = {
	employeeNumber: () => m.import_field_employeeNumber(),
	email: () => m.import_field_email(),
	name: () => m.import_field_name(),
	firstName: () => m.import_field_firstName(),
	lastName: () => m.import_field_lastName(),
	departmentCode: () => m.import_field_departmentCode(),
	departmentName: () => m.import_field_departmentName(),
	departmentNameNl: () => m.import_field_departmentNameNl(),
	parentDepartmentCode: () => m.import_field_parentDepartmentCode(),
	managerEmployeeNumber: () => m.import_field_managerEmployeeNumber(),
	managerEmail: () => m.import_field_managerEmail(),
	jobLevel: () => m.import_field_jobLevel(),
	educationLevel: () => m.import_field_educationLevel(),
	language: () => m.import_field_language(),
	jobTitle: () => m.import_field_jobTitle(),
	status: () => m.import_field_status()
};
export const fieldLabel = (field: string | undefined) => (field && field in FIELD_LABELS ? FIELD_LABELS[field]() : '');

const MAPPING_ERRORS: Record<string, () => string> = {
	required: () => m.import_map_required(),
	name_required: () => m.import_map_name_required(),
	unknown_header: () => m.import_map_unknown_header(),
	header_used_twice: () => m.import_map_header_used_twice()
};
export const mappingErrorText = (code: string) => MAPPING_ERRORS[code]?.() ?? m.import_invalid();

const FORM_ERRORS: Record<string, () => string> = {
	import_already_applied: () => m.import_already_applied(),
	import_not_planned: () => m.import_not_planned(),
	import_conflict: () => m.import_conflict(),
	import_expired: () => m.import_expired(),
	confirm_required: () => m.import_confirm_required()
};
export const formErrorText = (code: string) => FORM_ERRORS[code]?.() ?? m.import_invalid();

export const OUTCOME_LABELS: Record<string, () => string> = {
	create: () => m.import_outcome_create(),
	update: () => m.import_outcome_update(),
	unchanged: () => m.import_outcome_unchanged(),
	disable: () => m.import_outcome_disable(),
	error: () => m.import_outcome_error()
};

const CHANGE_LABELS: Record<string, () => string> = {
	name: () => m.import_change_name(),
	email: () => m.import_field_email(),
	employeeNumber: () => m.import_field_employeeNumber(),
	department: () => m.import_change_department(),
	manager: () => m.import_change_manager(),
	jobLevel: () => m.import_field_jobLevel(),
	educationLevel: () => m.import_field_educationLevel(),
	jobTitle: () => m.import_field_jobTitle(),
	locale: () => m.import_change_locale(),
	active: () => m.import_change_active(),
	nameNl: () => m.import_change_nameNl(),
	parent: () => m.import_change_parent()
};
function valueText(field: string, value: string | null): string {
	if (value === null || value === '') return m.import_value_none();
	if (field === 'active') return value === 'active' ? m.import_value_active() : m.import_value_disabled();
	return value;
}
export function changeText(c: { field: string; from: string | null; to: string | null }): string {
	return `${CHANGE_LABELS[c.field]?.() ?? c.field}: ${valueText(c.field, c.from)} → ${valueText(c.field, c.to)}`;
}

export function rowErrorText(e: { code: string; field?: string; value?: string; line?: number }): string {
	const value = e.value ?? '';
	const line = String(e.line ?? '');
	switch (e.code) {
		case 'missing_value':
			return m.import_error_missing_value({ field: fieldLabel(e.field) });
		case 'invalid_value':
			return m.import_error_invalid_value({ field: fieldLabel(e.field), value });
		case 'unknown_department':
			return m.import_error_unknown_department({ value });
		case 'department_retired':
			return m.import_error_department_retired({ value });
		case 'department_refused':
			return m.import_error_department_refused({ value });
		case 'duplicate_email':
			return e.line ? m.import_error_duplicate_email_file({ value, line }) : m.import_error_duplicate_email_portal({ value });
		case 'duplicate_employee_number':
			return m.import_error_duplicate_employee_number({ value, line });
		case 'duplicate_person':
			return m.import_error_duplicate_person({ line });
		case 'unknown_manager':
			return m.import_error_unknown_manager({ value });
		case 'manager_refused':
			return m.import_error_manager_refused({ value, line });
		case 'manager_cycle':
			return m.import_error_manager_cycle({ value });
		case 'unknown_parent':
			return m.import_error_unknown_parent({ value });
		case 'department_cycle':
			return m.import_error_department_cycle({ value });
		default:
			return e.code;
	}
}
