import { BENEFIT_KINDS } from '../domain/benefits.js';

/** What the idea form shows: from a saved idea, or exactly what the person typed. */
export type IdeaFormValues = {
	title: string;
	problem: string;
	proposal: string;
	/** where it happens */
	location: string;
	processAreaId: string;
	departmentId: string;
	competitionId: string;
	tags: string;
	members: number[];
	benefits: Record<string, { description: string; estimate: string; unit: string }>;
	/** entering it for a colleague: their id, their name as the picker showed it (display only), the agreement */
	onBehalfOf: string;
	onBehalfOfName: string;
	agreed: boolean;
	clientKey: string;
	version: string;
};

function emptyBenefits(): IdeaFormValues['benefits'] {
	return Object.fromEntries(BENEFIT_KINDS.map((k) => [k, { description: '', estimate: '', unit: '' }]));
}

export function blankIdeaValues(departmentId: number, competitionId: number | null, clientKey: string): IdeaFormValues {
	return {
		title: '',
		problem: '',
		proposal: '',
		location: '',
		processAreaId: '',
		departmentId: String(departmentId),
		competitionId: competitionId ? String(competitionId) : '',
		tags: '',
		members: [],
		benefits: emptyBenefits(),
		onBehalfOf: '',
		onBehalfOfName: '',
		agreed: false,
		clientKey,
		version: ''
	};
}

export function formDataToIdeaValues(form: FormData): IdeaFormValues {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v.replace(/\0/g, '') : '';
	};
	const benefits = emptyBenefits();
	for (const kind of BENEFIT_KINDS) {
		benefits[kind] = {
			description: text(`benefit_${kind}_description`),
			estimate: text(`benefit_${kind}_estimate`),
			unit: text(`benefit_${kind}_unit`)
		};
	}
	return {
		title: text('title'),
		problem: text('problem'),
		proposal: text('proposal'),
		location: text('location'),
		processAreaId: text('processAreaId'),
		departmentId: text('departmentId'),
		competitionId: text('competitionId'),
		tags: text('tags'),
		members: [
			...new Set(
				form
					.getAll('member')
					.map(Number)
					.filter((n) => Number.isInteger(n) && n > 0)
			)
		].slice(0, 20),
		benefits,
		onBehalfOf: text('onBehalfOf'),
		// display only: the name the picker showed beside the chosen colleague (the server reads the person itself)
		onBehalfOfName: text(`behalfName_${text('onBehalfOf')}`),
		agreed: text('agreed') === 'on',
		clientKey: text('clientKey'),
		version: text('version')
	};
}

export function ideaToFormValues(idea: {
	title: string;
	problem: string;
	proposal: string;
	location: string;
	processAreaId: number | null;
	departmentId: number;
	competitionId: number | null;
	version: number;
	tags: Array<{ name: string }>;
	team: Array<{ id: number; role: string }>;
	benefits: Array<{ kind: string; description: string; estimate: number | string | null; unit: string | null }>;
}): IdeaFormValues {
	const benefits = emptyBenefits();
	for (const b of idea.benefits) {
		benefits[b.kind] = { description: b.description, estimate: b.estimate === null ? '' : String(b.estimate), unit: b.unit ?? '' };
	}
	return {
		title: idea.title,
		problem: idea.problem,
		proposal: idea.proposal,
		location: idea.location,
		processAreaId: idea.processAreaId ? String(idea.processAreaId) : '',
		departmentId: String(idea.departmentId),
		competitionId: idea.competitionId ? String(idea.competitionId) : '',
		tags: idea.tags.map((t) => t.name).join(', '),
		// Helpers are on the team but not members the form lists (they keep their place on save).
		members: idea.team.filter((m) => m.role === 'member').map((m) => m.id),
		benefits,
		onBehalfOf: '',
		onBehalfOfName: '',
		agreed: false,
		clientKey: '',
		version: String(idea.version)
	};
}
