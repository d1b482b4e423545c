/** Shapes of the hand-written demo data (see demo-ideas-*.ts). */
import type { DeptCode } from './demo-org.js';
import type { BenefitKind } from '../../domain/benefits.js';

export interface BenefitSeed {
	kind: BenefitKind;
	text: string;
	estimate?: number;
	unit?: string;
}

export function b(kind: BenefitKind, text: string, estimate?: number, unit?: string): BenefitSeed {
	return { kind, text, estimate, unit };
}

/**
 * Where an idea's story ends. `resubmitted`: returned once, changed and submitted again
 * (status submitted). `published` / `not_advanced`: after a semi-final (the closed 2025
 * edition, the Safety Challenge); `finalist`: in a final still being judged.
 */
export type IdeaStory =
	| 'draft'
	| 'submitted'
	| 'resubmitted'
	| 'screening'
	| 'returned'
	| 'declined'
	| 'withdrawn'
	| 'accepted'
	| 'coaching'
	| 'semi_final'
	| 'not_advanced'
	| 'finalist'
	| 'published';

export type ResultKind = 'hours' | 'defects' | 'euros' | 'safety' | 'other';

export interface ResultSeed {
	kind: ResultKind;
	before: number;
	after: number;
	note: string;
}

export interface AdoptionSeed {
	dept: DeptCode;
	status: 'considering' | 'piloting' | 'adopted' | 'not_suitable';
	owner: string;
	/** Required for not_suitable. */
	reason?: string;
	/** Day offsets from today. */
	started?: number;
	adopted?: number;
	results?: ResultSeed[];
}

export interface KbSeed {
	summary: string;
	solution: string;
	/** Roll-out score 0..100 from the jury's roll-out criterion. */
	rollOut: number;
	candidates: DeptCode[];
	contacts: string[];
	results: ResultSeed[];
	adoptions: AdoptionSeed[];
}

export type CompKey = 2025 | 2026 | 2027 | 'safety';

export interface IdeaSeed {
	/** Stable handle within the seed (comments, notifications refer to it). */
	key: string;
	/** The edition: the Improvement Cup of that year, or the Safety Challenge 2026. */
	comp: CompKey;
	/** E-mail local part; the idea belongs to the owner's department. */
	owner: string;
	members?: string[];
	area: string;
	tags: string[];
	title: string;
	problem: string;
	proposal: string;
	benefits: BenefitSeed[];
	story: IdeaStory;
	/**
	 * returned / resubmitted: the organiser's request for changes; declined: the reason;
	 * withdrawn: the owner's reason; not_advanced: the jury's feedback.
	 */
	message?: string;
	/** The (last) mentor: accepted for coaching ideas, ended for later stages. */
	mentor?: string;
	/** For accepted ideas: a mentor proposed by the organiser, or requested by the team. */
	mentorPending?: { mentor: string; status: 'proposed' | 'requested' };
	/** An earlier mentor who declined, with the reason. */
	mentorDeclined?: { mentor: string; reason: string };
	/** The organiser who screened it (default: alternates between the two organisers). */
	answeredBy?: string;
	award?: 'winner' | 'runner_up' | 'finalist';
	/** How strong the jury finds it, 1..5 (the centre of its scores); default 3, or by award for 2025. */
	q?: number;
	/** Day offsets from today: created, then one per status change; default from the PRNG. */
	days?: number[];
	kb?: KbSeed;
}
