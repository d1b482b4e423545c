import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

const jobLevels: Record<string, () => string> = {
	operator: m.people_job_level_operator,
	technician: m.people_job_level_technician,
	engineer: m.people_job_level_engineer,
	specialist: m.people_job_level_specialist,
	manager: m.people_job_level_manager,
	director: m.people_job_level_director
};
export const jobLevelLabel = (level: string) => jobLevels[level]?.() ?? level;

const educationLevels: Record<string, () => string> = {
	vmbo: m.people_education_vmbo,
	mbo: m.people_education_mbo,
	hbo: m.people_education_hbo,
	wo: m.people_education_wo,
	unknown: m.people_education_unknown
};
export const educationLabel = (level: string | null) => (level ? (educationLevels[level]?.() ?? level) : m.people_education_unknown());

const locales: Record<string, () => string> = { en: m.people_locale_en, nl: m.people_locale_nl };
export const localeLabel = (locale: string) => locales[locale]?.() ?? locale;

/** The codes the people and department services answer with, worded beside their fields. */
const errors: Record<string, () => string> = {
	email_taken: m.people_error_email_taken,
	employee_number_taken: m.people_error_employee_number_taken,
	external_id_taken: m.people_error_external_id_taken,
	unknown_department: m.people_error_unknown_department,
	department_retired: m.people_error_department_retired,
	unknown_manager: m.people_error_unknown_manager,
	manager_self: m.people_error_manager_self,
	manager_cycle: m.people_error_manager_cycle,
	invalid_email: m.people_error_invalid_email,
	self_disable: m.admin_error_self_disable,
	last_admin: m.admin_error_last_admin,
	confirm_disable: m.people_error_confirm_disable,
	department_code: m.people_error_department_code,
	department_code_taken: m.people_error_department_code_taken,
	department_loop: m.people_error_department_loop,
	unknown_parent: m.people_error_unknown_parent,
	parent_retired: m.people_error_parent_retired,
	headcount: m.people_error_headcount,
	process_area_code: m.people_error_process_area_code,
	process_area_code_taken: m.people_error_process_area_code_taken
};
export const peopleErrorText = (code: string) => (errors[code] ?? (() => errorText(code)))();

/** A department's name in the reader's language (the English name where no Dutch one is given). */
export const departmentName = (d: { name: string; nameNl: string | null }, locale: string) =>
	locale === 'nl' && d.nameNl ? d.nameNl : d.name;
