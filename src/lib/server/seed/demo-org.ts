/**
 * The demo organisation: departments, people, mentors, process areas and tags.
 * Pure data; src/lib/server/seed/demo.ts inserts it. People are referred to by the local
 * part of their e-mail address (`sanne.bakker` is sanne.bakker@ideacup.example).
 */

export const EMAIL_DOMAIN = 'ideacup.example';

export type DeptCode = 'CORP' | 'BO' | 'QA' | 'LOG' | 'TST' | 'ENG' | 'EHS' | 'GEN';
export type JobLevel = 'operator' | 'technician' | 'engineer' | 'specialist' | 'manager' | 'director';
export type Education = 'vmbo' | 'mbo' | 'hbo' | 'wo';

export interface DepartmentSeed {
	code: DeptCode;
	name: string;
	/** Its name in Dutch, as the portal shows it to Dutch readers. */
	nameNl: string;
	parent: DeptCode | null;
	headcount: number;
	/** The department's management team: its semi-final jury, head (chair) first. */
	mt: [string, string, string];
	/** Where its semi-final presentations are held. */
	room: string;
}

export const DEPARTMENTS: readonly DepartmentSeed[] = [
	{
		code: 'CORP',
		name: 'IdeaCup Demo Company',
		nameNl: 'IdeaCup Demobedrijf',
		parent: null,
		headcount: 24,
		mt: ['willemijn.devries', 'hans.mulder', 'annelies.jansen'],
		room: 'Building 1, boardroom'
	},
	{
		code: 'BO',
		name: 'Build Operations',
		nameNl: 'Productie & Assemblage',
		parent: 'CORP',
		headcount: 1210,
		mt: ['jeroen.willems', 'marieke.visser', 'erik.brouwer'],
		room: 'Building 7, room 7.021 (MT room)'
	},
	{
		code: 'QA',
		name: 'Quality Assurance',
		nameNl: 'Kwaliteitsborging',
		parent: 'CORP',
		headcount: 185,
		mt: ['monique.hermans', 'sander.kuipers', 'pieter.degroot'],
		room: 'Building 5, room 5.110'
	},
	{
		code: 'LOG',
		name: 'Logistics',
		nameNl: 'Logistiek',
		parent: 'CORP',
		headcount: 240,
		mt: ['martijn.prins', 'ingrid.post', 'wouter.huisman'],
		room: 'Warehouse 2, meeting room Dock'
	},
	{
		code: 'TST',
		name: 'Test & Calibration',
		nameNl: 'Test & Kalibratie',
		parent: 'CORP',
		headcount: 310,
		mt: ['frank.timmermans', 'suzanne.peeters', 'daan.verbeek'],
		room: 'Building 8, room 8.004'
	},
	{
		code: 'ENG',
		name: 'Engineering',
		nameNl: 'Engineering',
		parent: 'CORP',
		headcount: 420,
		mt: ['marco.veenstra', 'eline.koning', 'arjen.wijnands'],
		room: 'Building 4, room 4.312'
	},
	{
		code: 'EHS',
		name: 'Environment, Health & Safety',
		nameNl: 'Veiligheid, Gezondheid & Milieu',
		parent: 'CORP',
		headcount: 38,
		mt: ['astrid.verhoeven', 'paul.jonker', 'nadia.mertens'],
		room: 'Building 1, room 1.015'
	},
	{
		code: 'GEN',
		name: 'General & IT',
		nameNl: 'Algemene Zaken & IT',
		parent: 'CORP',
		headcount: 165,
		mt: ['rob.vanbeek', 'maaike.hoogendoorn', 'esther.smit'],
		room: 'Building 1, room 1.203'
	}
];

/** How a department's people spread over job levels, and each level over education (a manufacturing plant's shape). */
const LEVEL_SHARE: Record<JobLevel, number> = { operator: 45, technician: 25, engineer: 15, specialist: 7, manager: 6, director: 2 };
const EDUCATION_SHARE: Record<JobLevel, Record<Education | 'unknown', number>> = {
	operator: { vmbo: 40, mbo: 50, hbo: 2, wo: 0, unknown: 8 },
	technician: { vmbo: 10, mbo: 75, hbo: 10, wo: 0, unknown: 5 },
	engineer: { vmbo: 0, mbo: 10, hbo: 65, wo: 22, unknown: 3 },
	specialist: { vmbo: 0, mbo: 5, hbo: 55, wo: 37, unknown: 3 },
	manager: { vmbo: 0, mbo: 5, hbo: 50, wo: 45, unknown: 0 },
	director: { vmbo: 0, mbo: 0, hbo: 30, wo: 70, unknown: 0 }
};

/**
 * A department's headcount by job level and education level ('unknown' where HR does not
 * know it): the total split by the shares above, largest remainders first, so the cells
 * always add up to the department's headcount. Cells of 0 are left out.
 */
export function headcountGrid(total: number): Array<{ jobLevel: JobLevel; educationLevel: Education | 'unknown'; headcount: number }> {
	const cells = (Object.keys(LEVEL_SHARE) as JobLevel[]).flatMap((jobLevel) =>
		(Object.keys(EDUCATION_SHARE[jobLevel]) as Array<Education | 'unknown'>).map((educationLevel) => {
			const exact = (total * LEVEL_SHARE[jobLevel] * EDUCATION_SHARE[jobLevel][educationLevel]) / 10_000;
			return { jobLevel, educationLevel, headcount: Math.floor(exact), rest: exact - Math.floor(exact) };
		})
	);
	let left = total - cells.reduce((sum, c) => sum + c.headcount, 0);
	for (const c of [...cells].sort((a, b) => b.rest - a.rest)) {
		if (left <= 0) break;
		c.headcount += 1;
		left -= 1;
	}
	return cells.filter((c) => c.headcount > 0).map(({ rest: _rest, ...c }) => c);
}

/** A person's employee number in the demo: E10001 for the first person of PEOPLE, and so on. */
export const employeeNumber = (index: number) => `E${10001 + index}`;

export interface PersonSeed {
	key: string;
	name: string;
	dept: DeptCode;
	level: JobLevel;
	edu: Education;
	title: string;
	manager: string | null;
	locale: 'en' | 'nl';
}

function p(
	key: string,
	name: string,
	dept: DeptCode,
	level: JobLevel,
	edu: Education,
	title: string,
	manager: string | null,
	locale: 'en' | 'nl'
): PersonSeed {
	return { key, name, dept, level, edu, title, manager, locale };
}

export const PEOPLE: readonly PersonSeed[] = [
	// CORP: the directors, and the programme lead of the Improvement Cup
	p('willemijn.devries', 'Willemijn de Vries', 'CORP', 'director', 'wo', 'Managing Director', null, 'en'),
	p('hans.mulder', 'Hans Mulder', 'CORP', 'director', 'hbo', 'Director of Operations', 'willemijn.devries', 'nl'),
	p('annelies.jansen', 'Annelies Jansen', 'CORP', 'director', 'wo', 'Director of Quality', 'willemijn.devries', 'en'),
	p('bart.hendriks', 'Bart Hendriks', 'CORP', 'director', 'wo', 'Director of Technology', 'willemijn.devries', 'en'),
	p('karin.vos', 'Karin Vos', 'CORP', 'director', 'wo', 'Director of HR & Organisation', 'willemijn.devries', 'nl'),
	p('ruud.vandijk', 'Ruud van Dijk', 'CORP', 'specialist', 'hbo', 'Business Improvement Programme Lead', 'hans.mulder', 'en'),

	// BO: Build Operations
	p('jeroen.willems', 'Jeroen Willems', 'BO', 'manager', 'wo', 'Head of Build Operations', 'hans.mulder', 'en'),
	p('marieke.visser', 'Marieke Visser', 'BO', 'manager', 'hbo', 'Manager Module Assembly', 'hans.mulder', 'nl'),
	p('erik.brouwer', 'Erik Brouwer', 'BO', 'specialist', 'hbo', 'Lean Specialist', 'jeroen.willems', 'nl'),
	p('ronald.kok', 'Ronald Kok', 'BO', 'technician', 'mbo', 'Team Leader Cleanroom Assembly', 'marieke.visser', 'nl'),
	p('ilse.verbruggen', 'Ilse Verbruggen', 'BO', 'technician', 'mbo', 'Team Leader Final Integration', 'jeroen.willems', 'nl'),
	p('sanne.bakker', 'Sanne Bakker', 'BO', 'operator', 'mbo', 'Assembly Operator', 'ronald.kok', 'nl'),
	p('kevin.meijer', 'Kevin Meijer', 'BO', 'operator', 'mbo', 'Assembly Operator', 'ronald.kok', 'nl'),
	p('anouk.dekker', 'Anouk Dekker', 'BO', 'operator', 'vmbo', 'Cleanroom Operator', 'ronald.kok', 'nl'),
	p('lisa.vanleeuwen', 'Lisa van Leeuwen', 'BO', 'technician', 'mbo', 'Assembly Technician', 'ronald.kok', 'nl'),
	p('fatima.elamrani', 'Fatima El Amrani', 'BO', 'operator', 'mbo', 'Assembly Operator', 'ilse.verbruggen', 'en'),
	p('mehmet.yilmaz', 'Mehmet Yilmaz', 'BO', 'operator', 'vmbo', 'Module Operator', 'ilse.verbruggen', 'nl'),
	p('dennis.koster', 'Dennis Koster', 'BO', 'technician', 'mbo', 'Assembly Technician', 'ilse.verbruggen', 'nl'),
	p('joris.bos', 'Joris Bos', 'BO', 'engineer', 'hbo', 'Process Engineer', 'marieke.visser', 'en'),

	// QA: Quality Assurance
	p('monique.hermans', 'Monique Hermans', 'QA', 'manager', 'wo', 'Quality Assurance Manager', 'annelies.jansen', 'en'),
	p('sander.kuipers', 'Sander Kuipers', 'QA', 'manager', 'hbo', 'Supplier Quality Manager', 'annelies.jansen', 'en'),
	p('pieter.degroot', 'Pieter de Groot', 'QA', 'specialist', 'wo', 'Senior Quality Engineer', 'monique.hermans', 'en'),
	p('yvonne.schouten', 'Yvonne Schouten', 'QA', 'technician', 'mbo', 'Team Leader Inspection', 'monique.hermans', 'nl'),
	p('nicole.vermeulen', 'Nicole Vermeulen', 'QA', 'technician', 'mbo', 'Quality Inspector', 'yvonne.schouten', 'nl'),
	p('ahmed.bouzid', 'Ahmed Bouzid', 'QA', 'operator', 'mbo', 'Incoming Inspection Operator', 'yvonne.schouten', 'nl'),
	p('rick.vandenberg', 'Rick van den Berg', 'QA', 'technician', 'mbo', 'Metrology Technician', 'yvonne.schouten', 'nl'),
	p('bas.jacobs', 'Bas Jacobs', 'QA', 'engineer', 'hbo', 'Quality Engineer', 'monique.hermans', 'en'),

	// LOG: Logistics
	p('martijn.prins', 'Martijn Prins', 'LOG', 'manager', 'hbo', 'Logistics Manager', 'hans.mulder', 'en'),
	p('ingrid.post', 'Ingrid Post', 'LOG', 'manager', 'hbo', 'Warehouse & Spare Parts Manager', 'hans.mulder', 'nl'),
	p('wouter.huisman', 'Wouter Huisman', 'LOG', 'specialist', 'wo', 'Supply Chain Specialist', 'martijn.prins', 'en'),
	p('ellen.maas', 'Ellen Maas', 'LOG', 'technician', 'mbo', 'Team Leader Warehouse', 'ingrid.post', 'nl'),
	p('jan.kramer', 'Jan Kramer', 'LOG', 'operator', 'vmbo', 'Warehouse Operator', 'ellen.maas', 'nl'),
	p('roy.deboer', 'Roy de Boer', 'LOG', 'operator', 'mbo', 'Logistics Operator', 'ellen.maas', 'nl'),
	p('priya.ramdin', 'Priya Ramdin', 'LOG', 'engineer', 'hbo', 'Material Planner', 'martijn.prins', 'en'),

	// TST: Test & Calibration
	p('frank.timmermans', 'Frank Timmermans', 'TST', 'manager', 'wo', 'Test & Calibration Manager', 'bart.hendriks', 'en'),
	p('suzanne.peeters', 'Suzanne Peeters', 'TST', 'manager', 'hbo', 'Calibration Lab Manager', 'bart.hendriks', 'en'),
	p('daan.verbeek', 'Daan Verbeek', 'TST', 'specialist', 'wo', 'Test Systems Specialist', 'frank.timmermans', 'en'),
	p('niels.gerritsen', 'Niels Gerritsen', 'TST', 'technician', 'mbo', 'Lead Test Technician', 'frank.timmermans', 'nl'),
	p('lotte.vandam', 'Lotte van Dam', 'TST', 'technician', 'mbo', 'Calibration Technician', 'niels.gerritsen', 'nl'),
	p('kim.claessens', 'Kim Claessens', 'TST', 'operator', 'mbo', 'Test Operator', 'niels.gerritsen', 'nl'),
	p('stefan.wouters', 'Stefan Wouters', 'TST', 'engineer', 'hbo', 'Test Engineer', 'frank.timmermans', 'en'),

	// ENG: Engineering
	p('marco.veenstra', 'Marco Veenstra', 'ENG', 'manager', 'wo', 'Manufacturing Engineering Manager', 'bart.hendriks', 'en'),
	p('eline.koning', 'Eline Koning', 'ENG', 'manager', 'wo', 'Industrialisation Manager', 'bart.hendriks', 'en'),
	p('arjen.wijnands', 'Arjen Wijnands', 'ENG', 'specialist', 'hbo', 'Automation Specialist', 'marco.veenstra', 'en'),
	p('robin.dijkstra', 'Robin Dijkstra', 'ENG', 'engineer', 'hbo', 'Senior Process Engineer', 'marco.veenstra', 'en'),
	p('laura.brink', 'Laura Brink', 'ENG', 'engineer', 'wo', 'Design for Manufacturing Engineer', 'eline.koning', 'en'),
	p('wei.zhang', 'Wei Zhang', 'ENG', 'engineer', 'wo', 'Manufacturing Data Engineer', 'eline.koning', 'en'),
	p('gijs.vanvliet', 'Gijs van Vliet', 'ENG', 'technician', 'mbo', 'Prototype Technician', 'robin.dijkstra', 'nl'),

	// EHS: Environment, Health & Safety
	p('astrid.verhoeven', 'Astrid Verhoeven', 'EHS', 'manager', 'wo', 'EHS Manager', 'hans.mulder', 'en'),
	p('paul.jonker', 'Paul Jonker', 'EHS', 'specialist', 'hbo', 'Safety Specialist', 'astrid.verhoeven', 'nl'),
	p('nadia.mertens', 'Nadia Mertens', 'EHS', 'specialist', 'hbo', 'Ergonomics Specialist', 'astrid.verhoeven', 'en'),
	p('iris.dewit', 'Iris de Wit', 'EHS', 'engineer', 'hbo', 'Environmental Engineer', 'astrid.verhoeven', 'en'),
	p('henk.scholten', 'Henk Scholten', 'EHS', 'technician', 'mbo', 'EHS Technician', 'paul.jonker', 'nl'),
	p('marcel.smeets', 'Marcel Smeets', 'EHS', 'technician', 'mbo', 'Shop-floor Safety Coordinator', 'paul.jonker', 'nl'),

	// GEN: General & IT (the default department for people arriving through SSO)
	p('rob.vanbeek', 'Rob van Beek', 'GEN', 'manager', 'wo', 'Head of IT & Facilities', 'willemijn.devries', 'en'),
	p('maaike.hoogendoorn', 'Maaike Hoogendoorn', 'GEN', 'manager', 'wo', 'Finance Business Controller', 'willemijn.devries', 'en'),
	p('esther.smit', 'Esther Smit', 'GEN', 'specialist', 'hbo', 'IT Application Manager', 'rob.vanbeek', 'en'),
	p('jasper.vink', 'Jasper Vink', 'GEN', 'engineer', 'hbo', 'IT Support Engineer', 'rob.vanbeek', 'en'),
	p('sophie.lammers', 'Sophie Lammers', 'GEN', 'specialist', 'hbo', 'HR Advisor', 'karin.vos', 'nl'),
	p('ton.wijers', 'Ton Wijers', 'GEN', 'technician', 'mbo', 'Facility Technician', 'rob.vanbeek', 'nl'),
	p('noor.hassan', 'Noor Hassan', 'GEN', 'operator', 'mbo', 'Office & Reception Assistant', 'maaike.hoogendoorn', 'nl')
];

export interface MentorSeed {
	key: string;
	expertise: string[];
	languages: string[];
	capacity: number;
	status: 'active' | 'paused';
	bio: string;
}

export const MENTORS: readonly MentorSeed[] = [
	{
		key: 'pieter.degroot',
		expertise: ['lean', 'quality', 'presenting'],
		languages: ['nl', 'en'],
		capacity: 3,
		status: 'active',
		bio: 'Quality engineer for 14 years, Green Belt, coached six Improvement Cup teams. I help you turn an observation into a problem statement with numbers, and rehearse the pitch with you until it fits in five minutes.'
	},
	{
		key: 'erik.brouwer',
		expertise: ['lean', 'six-sigma', 'presenting'],
		languages: ['nl', 'en'],
		capacity: 4,
		status: 'active',
		bio: 'Lean specialist in Build Operations. Value-stream maps, standard work, A3s. Happy to coach ideas from any department, also outside BO.'
	},
	{
		key: 'daan.verbeek',
		expertise: ['automation', 'data-analysis'],
		languages: ['en'],
		capacity: 2,
		status: 'active',
		bio: 'I build and maintain the test automation for the module test cells. Ask me when your idea needs a script, a sensor or a dashboard.'
	},
	{
		key: 'wouter.huisman',
		expertise: ['logistics', 'data-analysis', 'lean'],
		languages: ['nl', 'en'],
		capacity: 2,
		status: 'active',
		bio: 'Supply chain specialist: material flow, kanban, stock levels and the SAP data behind them.'
	},
	{
		key: 'paul.jonker',
		expertise: ['safety', 'ergonomics'],
		languages: ['nl'],
		capacity: 2,
		status: 'active',
		bio: 'Veiligheidskundige. Ik help je met risico-inschattingen en met de vraag of je idee door de EHS-keuring komt.'
	},
	{
		key: 'arjen.wijnands',
		expertise: ['automation', 'cleanroom'],
		languages: ['nl', 'en'],
		capacity: 3,
		status: 'active',
		bio: 'Automation specialist in Engineering; 8 years of cleanroom tooling. I know which materials and devices are allowed in the ISO classes.'
	},
	{
		key: 'nadia.mertens',
		expertise: ['ergonomics', 'safety', 'presenting'],
		languages: ['en', 'nl'],
		capacity: 1,
		status: 'active',
		bio: 'Ergonomist. Lifting, reaching, posture and workplace design. I also like helping first-time presenters.'
	},
	{
		key: 'bas.jacobs',
		expertise: ['six-sigma', 'quality', 'data-analysis'],
		languages: ['en'],
		capacity: 2,
		status: 'active',
		bio: 'Black Belt in training. Measurement systems, sampling plans and control charts.'
	},
	{
		key: 'eline.koning',
		expertise: ['cleanroom', 'presenting'],
		languages: ['en'],
		capacity: 2,
		status: 'paused',
		bio: 'Industrialisation of new modules into the cleanroom. Paused until the new product introduction is over.'
	},
	{
		key: 'sophie.lammers',
		expertise: ['presenting'],
		languages: ['nl', 'en'],
		capacity: 1,
		status: 'paused',
		bio: 'HR advisor; I coach presentation skills. On leave this quarter.'
	}
];

export const PROCESS_AREAS: ReadonlyArray<{ code: string; en: string; nl: string }> = [
	{ code: 'assembly', en: 'Assembly', nl: 'Assemblage' },
	{ code: 'testing', en: 'Testing', nl: 'Testen' },
	{ code: 'calibration', en: 'Calibration', nl: 'Kalibratie' },
	{ code: 'logistics', en: 'Logistics', nl: 'Logistiek' },
	{ code: 'quality-control', en: 'Quality control', nl: 'Kwaliteitscontrole' },
	{ code: 'maintenance', en: 'Maintenance', nl: 'Onderhoud' },
	{ code: 'safety', en: 'Safety', nl: 'Veiligheid' },
	{ code: 'cleanroom', en: 'Cleanroom', nl: 'Cleanroom' },
	{ code: 'office-process', en: 'Office process', nl: 'Kantoorproces' },
	{ code: 'training', en: 'Training & onboarding', nl: 'Training & inwerken' }
];

export const TAGS: readonly string[] = [
	'lean',
	'5s',
	'esd',
	'torque',
	'cleanroom',
	'ergonomics',
	'automation',
	'poka-yoke',
	'spare-parts',
	'work-instruction',
	'calibration',
	'data',
	'training',
	'waste',
	'energy',
	'kanban',
	'visual-management',
	'contamination',
	'traceability',
	'packaging',
	'digitalisation',
	'video',
	'safety',
	'fixtures',
	'sustainability'
];
