/**
 * The default criteria of a round, as in ASML's competition: roll-out potential to other
 * departments first, then quality, safety, savings, feasibility and originality, on a 1..5
 * scale with a rubric line for levels 1, 3 and 5. The round template and the demo data
 * both start from these; organisers change them per round until the first score.
 */
export type DefaultCriterion = {
	code: string;
	name: string;
	description: string;
	weight: number;
	scaleMin: number;
	scaleMax: number;
	isRollOut: boolean;
	rubric: { level: number; text: string }[];
};

export const DEFAULT_CRITERIA: readonly DefaultCriterion[] = [
	{
		code: 'roll_out',
		name: 'Roll-out potential to other departments',
		description: 'Can other departments use this improvement, and how much effort would it take them?',
		weight: 25,
		scaleMin: 1,
		scaleMax: 5,
		isRollOut: true,
		rubric: [
			{ level: 1, text: 'Only useful at this one station or in this one team.' },
			{ level: 3, text: 'Useful for similar work in one or two other departments, with some adaptation.' },
			{ level: 5, text: 'Other departments can copy it almost as it is; easy to put in a work instruction.' }
		]
	},
	{
		code: 'quality',
		name: 'Quality impact',
		description: 'Effect on product and process quality: defects, NCRs, re-work, customer findings.',
		weight: 20,
		scaleMin: 1,
		scaleMax: 5,
		isRollOut: false,
		rubric: [
			{ level: 1, text: 'No measurable effect on quality.' },
			{ level: 3, text: 'Removes a known cause of defects or re-work; the effect is estimated.' },
			{ level: 5, text: 'Removes an important cause of defects; the effect is measured.' }
		]
	},
	{
		code: 'safety',
		name: 'Safety impact',
		description: 'Effect on the health and safety of colleagues: risks, physical strain, incidents.',
		weight: 15,
		scaleMin: 1,
		scaleMax: 5,
		isRollOut: false,
		rubric: [
			{ level: 1, text: 'No effect on safety.' },
			{ level: 3, text: 'Reduces a known risk or physical strain.' },
			{ level: 5, text: 'Removes a serious risk or a cause of incidents.' }
		]
	},
	{
		code: 'savings',
		name: 'Savings (time or money)',
		description: 'Hours or euros saved per year, against the cost of the solution.',
		weight: 15,
		scaleMin: 1,
		scaleMax: 5,
		isRollOut: false,
		rubric: [
			{ level: 1, text: 'No or unclear savings.' },
			{ level: 3, text: 'Clear savings, roughly estimated.' },
			{ level: 5, text: 'Large savings, substantiated with data; quick payback.' }
		]
	},
	{
		code: 'feasibility',
		name: 'Feasibility',
		description: 'Can it be implemented with reasonable effort, cost and risk?',
		weight: 15,
		scaleMin: 1,
		scaleMax: 5,
		isRollOut: false,
		rubric: [
			{ level: 1, text: 'Needs a large investment or many parties; the outcome is uncertain.' },
			{ level: 3, text: 'Feasible with some investment or help from other departments.' },
			{ level: 5, text: 'Can be implemented quickly with existing means; already tried out.' }
		]
	},
	{
		code: 'originality',
		name: 'Originality',
		description: 'Is this a new approach here, or a smart re-use of a known one?',
		weight: 10,
		scaleMin: 1,
		scaleMax: 5,
		isRollOut: false,
		rubric: [
			{ level: 1, text: 'Already in place elsewhere in the company.' },
			{ level: 3, text: 'A known approach applied in a new area.' },
			{ level: 5, text: 'A fresh idea we have not seen here before.' }
		]
	}
];
