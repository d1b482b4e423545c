/**
 * How an HR file's columns map to what the portal knows of a person and their department.
 * The admin maps the headers once; the mapping is kept by header name (not by position), so
 * next month's export with its columns in another order maps the same. Pure: no I/O.
 */

/** The fields an HR file can fill, in the order the mapping form shows them. */
export const HR_FIELDS = [
	'employeeNumber',
	'email',
	'name',
	'firstName',
	'lastName',
	'departmentCode',
	'departmentName',
	'departmentNameNl',
	'parentDepartmentCode',
	'managerEmployeeNumber',
	'managerEmail',
	'jobLevel',
	'educationLevel',
	'language',
	'jobTitle',
	'status'
] as const;
export type HrField = (typeof HR_FIELDS)[number];

/** Field -> the file's header (as written in the file). A field left out is not imported. */
export type HrMapping = Partial<Record<HrField, string>>;

/** One data row of the file, by field (only mapped fields), with its line in the file (header = line 1). */
export type HrRow = { line: number; cells: Partial<Record<HrField, string>> };

export function isHrField(value: string): value is HrField {
	return (HR_FIELDS as readonly string[]).includes(value);
}

/** A header as compared: lower case, no accents, letters and digits only ("E-mail adres" -> "emailadres"). */
export function headerKey(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** Header names (as header keys) recognised per field, English and Dutch, most specific first. */
const SYNONYMS: Record<HrField, string[]> = {
	employeeNumber: [
		'employeenumber',
		'employeeno',
		'employeenr',
		'employeeid',
		'empno',
		'empid',
		'personnelnumber',
		'staffnumber',
		'personeelsnummer',
		'personeelsnr',
		'persnr',
		'medewerkernummer',
		'werknemersnummer',
		'registratienummer'
	],
	email: ['email', 'emailaddress', 'mail', 'workemail', 'businessemail', 'emailadres', 'mailadres', 'emailzakelijk', 'zakelijkemail'],
	name: ['name', 'fullname', 'displayname', 'employeename', 'naam', 'volledigenaam', 'weergavenaam', 'naammedewerker'],
	firstName: ['firstname', 'givenname', 'forename', 'voornaam', 'roepnaam'],
	lastName: ['lastname', 'surname', 'familyname', 'achternaam', 'familienaam'],
	departmentCode: [
		'departmentcode',
		'deptcode',
		'department',
		'dept',
		'afdelingscode',
		'afdelingcode',
		'afdeling',
		'orgunitcode',
		'orgunit',
		'organisatieeenheid'
	],
	departmentName: [
		'departmentname',
		'departmentnameen',
		'departmentnameenglish',
		'deptname',
		'afdelingsnaam',
		'afdelingnaam',
		'afdelingsnaamen',
		'afdelingsnaamengels'
	],
	departmentNameNl: [
		'departmentnamenl',
		'departmentnamedutch',
		'deptnamenl',
		'afdelingsnaamnl',
		'afdelingnaamnl',
		'afdelingsnaamnederlands',
		'nederlandseafdelingsnaam'
	],
	parentDepartmentCode: [
		'parentdepartmentcode',
		'parentdepartment',
		'parentdeptcode',
		'parentdept',
		'parentcode',
		'bovenliggendeafdeling',
		'bovenliggendeafdelingscode',
		'hoofdafdeling',
		'moederafdeling'
	],
	managerEmployeeNumber: [
		'manageremployeenumber',
		'managerpersonnelnumber',
		'managernumber',
		'managerno',
		'managerid',
		'managerpersoneelsnummer',
		'personeelsnummermanager',
		'personeelsnummerleidinggevende',
		'leidinggevendepersoneelsnummer',
		'leidinggevendenummer'
	],
	managerEmail: ['manageremail', 'manageremailaddress', 'emailmanager', 'emailleidinggevende', 'leidinggevendeemail', 'manageremailadres'],
	jobLevel: ['joblevel', 'level', 'grade', 'functieniveau', 'niveau', 'functiegroep'],
	educationLevel: ['educationlevel', 'education', 'opleidingsniveau', 'opleiding'],
	language: ['language', 'preferredlanguage', 'locale', 'taal', 'voorkeurstaal'],
	jobTitle: ['jobtitle', 'title', 'position', 'functietitel', 'functienaam', 'functie', 'function'],
	status: ['status', 'employmentstatus', 'active', 'actief', 'dienstverband', 'indienst']
};

/**
 * A first mapping from the headers alone: each field takes the first header whose name it
 * knows (English or Dutch), each header serves one field. "Personeelsnummer" is the employee
 * number, "Afdeling" the department code, "Naam leidinggevende" is left for the admin.
 */
export function guessMapping(headers: readonly string[]): HrMapping {
	const keys = headers.map(headerKey);
	const used = new Set<number>();
	const mapping: HrMapping = {};
	for (const field of HR_FIELDS) {
		for (const synonym of SYNONYMS[field]) {
			const at = keys.findIndex((k, i) => k === synonym && !used.has(i));
			if (at >= 0) {
				mapping[field] = headers[at];
				used.add(at);
				break;
			}
		}
	}
	return mapping;
}

/**
 * The mapping to offer for this file: the saved one where its headers are still in the file
 * (compared as header keys), the guess for the rest. The admin sees it before the dry run.
 */
export function proposeMapping(headers: readonly string[], saved: HrMapping | null): HrMapping {
	const byKey = new Map(headers.map((h) => [headerKey(h), h]));
	const guess = guessMapping(headers);
	if (!saved) return guess;
	const result: HrMapping = {};
	const taken = new Set<string>();
	for (const field of HR_FIELDS) {
		const header = saved[field] !== undefined ? byKey.get(headerKey(saved[field])) : undefined;
		if (header !== undefined && !taken.has(header)) {
			result[field] = header;
			taken.add(header);
		}
	}
	for (const field of HR_FIELDS) {
		const g = guess[field];
		if (result[field] === undefined && g !== undefined && !taken.has(g)) {
			result[field] = g;
			taken.add(g);
		}
	}
	return result;
}

/**
 * What a mapping needs before a dry run: an e-mail, a name (whole, or first and last), a
 * department code; every header it names must be in the file, and no header twice.
 * Field -> error codes; empty when it is fine.
 */
export function checkMapping(mapping: HrMapping, headers: readonly string[]): Partial<Record<HrField | '_form', string[]>> {
	const errors: Partial<Record<HrField | '_form', string[]>> = {};
	const present = new Set(headers);
	const seen = new Map<string, HrField>();
	for (const field of HR_FIELDS) {
		const header = mapping[field];
		if (header === undefined) continue;
		if (!present.has(header)) errors[field] = ['unknown_header'];
		else if (seen.has(header)) errors[field] = ['header_used_twice'];
		else seen.set(header, field);
	}
	if (!mapping.email) errors.email ??= ['required'];
	if (!mapping.name && !(mapping.firstName && mapping.lastName)) errors.name ??= ['name_required'];
	if (!mapping.departmentCode) errors.departmentCode ??= ['required'];
	return errors;
}

/** The file's rows by field, blank rows left out. Lines as the file gives them, else counting the header as line 1. */
export function mapRows(
	headers: readonly string[],
	rows: readonly (readonly string[])[],
	mapping: HrMapping,
	lines?: readonly number[]
): HrRow[] {
	const columns = HR_FIELDS.flatMap((field) => {
		const header = mapping[field];
		const at = header === undefined ? -1 : headers.indexOf(header);
		return at >= 0 ? [[field, at] as const] : [];
	});
	const out: HrRow[] = [];
	rows.forEach((row, i) => {
		if (!row.some((cell) => cell.trim() !== '')) return;
		const cells: Partial<Record<HrField, string>> = {};
		for (const [field, at] of columns) cells[field] = (row[at] ?? '').trim();
		out.push({ line: lines?.[i] ?? i + 2, cells });
	});
	return out;
}

/** The fields a mapping fills. */
export function mappedFields(mapping: HrMapping): HrField[] {
	return HR_FIELDS.filter((f) => mapping[f] !== undefined && mapping[f] !== '');
}
