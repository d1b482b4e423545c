import { BENEFIT_KINDS } from '../domain/benefits.js';

/** What the idea form shows: from a saved idea, or exactly what the person typed. */
export type IdeaFormValues = {
	title: string;
	problem: string;
	proposal: string;
	processAreaId: string;
	departmentId: string;
	competitionId: string;
	tags: string;
	members: number[];
	benefits: Record<string, { description: string; estimate: string; unit: string }>;
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
		processAreaId: '',
		departmentId: String(departmentId),
		competitionId: competitionId ? String(competitionId) : '',
		tags: '',
		members: [],
		benefits: emptyBenefits(),
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
		clientKey: text('clientKey'),
		version: text('version')
	};
}

export function ideaToFormValues(idea: {
	title: string;
	problem: string;
	proposal: string;
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
		processAreaId: idea.processAreaId ? String(idea.processAreaId) : '',
		departmentId: String(idea.departmentId),
		competitionId: idea.competitionId ? String(idea.competitionId) : '',
		tags: idea.tags.map((t) => t.name).join(', '),
		members: idea.team.filter((m) => m.role !== 'owner').map((m) => m.id),
		benefits,
		clientKey: '',
		version: String(idea.version)
	};
}
