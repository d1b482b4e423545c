import { describe, expect, it } from 'vitest';
import { canTakeMore, MATCH_WEIGHTS, suggestMentors, type IdeaForMatching, type MentorCandidate } from './matching';

const idea: IdeaForMatching = {
	tags: ['Lean', 'Quality'],
	processArea: 'Assembly',
	departmentId: 3,
	language: 'nl',
	teamUserIds: [100, 101]
};

function mentor(userId: number, over: Partial<MentorCandidate> = {}): MentorCandidate {
	return {
		userId,
		name: `Mentor ${userId}`,
		departmentId: 3,
		expertise: [],
		languages: [],
		capacity: 3,
		active: 0,
		status: 'active',
		...over
	};
}

const ids = (list: { mentor: MentorCandidate }[]) => list.map((s) => s.mentor.userId);

describe('canTakeMore', () => {
	it('is true for an active mentor below capacity', () => {
		expect(canTakeMore({ status: 'active', capacity: 3, active: 2 })).toBe(true);
	});
	it('is false at or over capacity, or when paused', () => {
		expect(canTakeMore({ status: 'active', capacity: 3, active: 3 })).toBe(false);
		expect(canTakeMore({ status: 'active', capacity: 2, active: 3 })).toBe(false);
		expect(canTakeMore({ status: 'active', capacity: 0, active: 0 })).toBe(false);
		expect(canTakeMore({ status: 'paused', capacity: 3, active: 0 })).toBe(false);
	});
});

describe('suggestMentors', () => {
	it('scores and explains the example of the doc comment', () => {
		// 2 matches * 10 + 1 free place * 1 + other department 3 + speaks nl 2 = 26
		const [s] = suggestMentors(
			idea,
			[mentor(7, { departmentId: 5, expertise: ['lean', 'QUALITY', 'safety'], languages: ['nl', 'en'], capacity: 3, active: 2 })],
			{ preferOtherDepartment: true }
		);
		expect(s.score).toBe(26);
		expect(s.reasons).toEqual({ matches: ['Lean', 'Quality'], free: 1, capacity: 3, otherDepartment: true, speaksLanguage: true });
	});

	it('leaves out paused mentors, full mentors and the idea team', () => {
		const result = suggestMentors(
			idea,
			[
				mentor(1, { status: 'paused' }),
				mentor(2, { capacity: 2, active: 2 }),
				mentor(3, { capacity: 1, active: 2 }),
				mentor(100, { expertise: ['lean'] }), // the submitter
				mentor(101), // a co-submitter
				mentor(4)
			],
			{ preferOtherDepartment: false }
		);
		expect(ids(result)).toEqual([4]);
	});

	it('matches tags and the process area case-insensitively, each once', () => {
		const result = suggestMentors(
			{ ...idea, tags: ['Lean', 'lean ', 'Safety'], processArea: 'assembly' },
			[mentor(1, { expertise: ['LEAN', 'Assembly', 'welding'] })],
			{ preferOtherDepartment: false }
		);
		// lean + assembly = 2 matches: 20, free 3: 3, same department, no language: 23
		expect(result[0].reasons.matches).toEqual(['Lean', 'assembly']);
		expect(result[0].score).toBe(23);
	});

	it('puts a mentor who knows the subject above one who only has time', () => {
		// expert: 1 match (10) + 1 free (1) = 11, same department, no Dutch
		// free: 0 matches + 3 counted free places (3) + other department (3) + Dutch (2) = 8
		const result = suggestMentors(
			idea,
			[
				mentor(1, { name: 'Free', departmentId: 9, languages: ['nl'], capacity: 8, active: 0 }),
				mentor(2, { name: 'Expert', expertise: ['quality'], capacity: 1, active: 0 })
			],
			{ preferOtherDepartment: true }
		);
		expect(result.map((s) => [s.mentor.name, s.score])).toEqual([
			['Expert', 11],
			['Free', 8]
		]);
		expect(MATCH_WEIGHTS.expertise).toBeGreaterThan(
			MATCH_WEIGHTS.freePlace * MATCH_WEIGHTS.freePlacesCounted + MATCH_WEIGHTS.otherDepartment + MATCH_WEIGHTS.language
		);
	});

	it('counts at most three free places', () => {
		// free 10 counts as 3; free 2 counts as 2
		const result = suggestMentors(idea, [mentor(1, { capacity: 10 }), mentor(2, { capacity: 2 })], { preferOtherDepartment: false });
		expect(result.map((s) => [s.mentor.userId, s.score, s.reasons.free])).toEqual([
			[1, 3, 10],
			[2, 2, 2]
		]);
	});

	it('prefers another department only when asked, but always reports it', () => {
		const mentors = [mentor(1, { name: 'Same' }), mentor(2, { name: 'Other', departmentId: 8 })];
		const preferred = suggestMentors(idea, mentors, { preferOtherDepartment: true });
		// Other: 3 free + 3 department = 6; Same: 3
		expect(preferred.map((s) => [s.mentor.name, s.score])).toEqual([
			['Other', 6],
			['Same', 3]
		]);
		const neutral = suggestMentors(idea, mentors, { preferOtherDepartment: false });
		// both 3: alphabetical
		expect(neutral.map((s) => [s.mentor.name, s.score, s.reasons.otherDepartment])).toEqual([
			['Other', 3, true],
			['Same', 3, false]
		]);
	});

	it('matches a language by its primary code', () => {
		const result = suggestMentors(
			{ ...idea, language: 'nl-NL' },
			[mentor(1, { languages: ['EN', 'NL'] }), mentor(2, { languages: ['en'] })],
			{
				preferOtherDepartment: false
			}
		);
		expect(result.map((s) => [s.mentor.userId, s.score, s.reasons.speaksLanguage])).toEqual([
			[1, 5, true],
			[2, 3, false]
		]);
	});

	it('says nothing about language when the idea names none', () => {
		const [s] = suggestMentors({ ...idea, language: undefined }, [mentor(1, { languages: ['nl'] })], { preferOtherDepartment: false });
		expect(s.reasons.speaksLanguage).toBeNull();
		expect(s.score).toBe(3);
	});

	it('handles an idea without tags or process area', () => {
		const [s] = suggestMentors({ ...idea, tags: [], processArea: null }, [mentor(1, { expertise: ['lean'] })], {
			preferOtherDepartment: false
		});
		expect(s.reasons.matches).toEqual([]);
	});

	it('orders equal scores by name, ignoring case and accents, then by user id', () => {
		const result = suggestMentors(
			idea,
			[
				mentor(5, { name: 'Frank' }),
				mentor(4, { name: 'Chris' }),
				mentor(2, { name: 'Chris' }),
				mentor(3, { name: 'élise' }),
				mentor(1, { name: 'bert' })
			],
			{ preferOtherDepartment: false }
		);
		expect(result.map((s) => [s.mentor.name, s.mentor.userId])).toEqual([
			['bert', 1],
			['Chris', 2],
			['Chris', 4],
			['élise', 3],
			['Frank', 5]
		]);
	});

	it('gives the same order whatever the input order', () => {
		const mentors = [
			mentor(1, { name: 'A', expertise: ['lean'] }),
			mentor(2, { name: 'B', expertise: ['quality'], capacity: 1 }),
			mentor(3, { name: 'C', departmentId: 4 }),
			mentor(4, { name: 'C', departmentId: 4 })
		];
		const forward = ids(suggestMentors(idea, mentors, { preferOtherDepartment: true }));
		const backward = ids(suggestMentors(idea, [...mentors].reverse(), { preferOtherDepartment: true }));
		expect(forward).toEqual([1, 2, 3, 4]);
		expect(backward).toEqual(forward);
	});

	it('returns at most the limit', () => {
		const mentors = [mentor(1), mentor(2), mentor(3)];
		expect(ids(suggestMentors(idea, mentors, { preferOtherDepartment: false, limit: 2 }))).toEqual([1, 2]);
		expect(suggestMentors(idea, mentors, { preferOtherDepartment: false, limit: 0 })).toEqual([]);
		expect(() => suggestMentors(idea, mentors, { preferOtherDepartment: false, limit: -1 })).toThrow(RangeError);
	});
});
