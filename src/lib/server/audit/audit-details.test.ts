import { describe, expect, it } from 'vitest';
import { asId, collectReferences, describeData, describeObject, detailsText, keyLabel, resolverFor, type Reference } from './audit-details';

const ref = (r: Partial<Reference> & Pick<Reference, 'kind' | 'id' | 'label'>): Reference => ({
	email: null,
	competitionId: null,
	roundId: null,
	status: null,
	closed: null,
	mine: null,
	...r
});

const references = [
	ref({ kind: 'user', id: 12, label: 'Pieter de Groot', email: 'pieter.degroot@ideacup.example' }),
	ref({ kind: 'idea', id: 5, label: 'Torque sequence' }),
	ref({ kind: 'idea', id: 6, label: 'Foam re-use' }),
	ref({ kind: 'round', id: 3, label: 'Cup 2026 · Semi-final', competitionId: 2 }),
	ref({ kind: 'jury', id: 9, label: 'BO MT', competitionId: 2, roundId: 3 }),
	ref({ kind: 'department', id: 4, label: 'Logistics' }),
	ref({ kind: 'department', id: 7, label: 'Build Operations' }),
	ref({ kind: 'kb_entry', id: 8, label: 'Buddy system' })
];
/** A reader who may open everything. */
const resolve = resolverFor(references, () => 'open');

describe('collectReferences', () => {
	it('finds the objects and the ids inside the details, per kind, at any depth', () => {
		const found = collectReferences([
			{ objectType: 'idea', objectId: '5', data: { mentorId: 12, assignmentId: 40 } },
			{ objectType: 'mentor_profile', objectId: '13', data: { capacity: 3 } },
			{ objectType: 'round', objectId: '3', data: { decisions: [{ ideaId: 6, outcome: 'advance' }], ideaIds: [5, '7'] } },
			{ objectType: 'user', objectId: '14', data: { departmentId: { from: 4, to: 7 } } },
			{ objectType: 'jury', objectId: '9', data: { userId: 15 } },
			{ objectType: 'portal', objectId: 'demo', data: {} }
		]);
		expect(Object.fromEntries([...found].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]))).toEqual({
			idea: [5, 6, 7],
			user: [12, 13, 14, 15],
			round: [3],
			department: [4, 7],
			jury: [9]
		});
	});

	it('takes only ids PostgreSQL can hold: no zero, negative, fraction, huge number or text', () => {
		expect([0, -1, 1.5, 3_000_000_000, 'abc', '12a', null].map(asId)).toEqual([null, null, null, null, null, null, null]);
		expect([1, '42', 2_147_483_647].map(asId)).toEqual([1, 42, 2_147_483_647]);
	});
});

describe('describeData', () => {
	it('reads key: value by key, with the people, ideas and rounds it names linked', () => {
		const details = describeData({ mentorId: 12, assignmentId: 40 }, resolve);
		expect(details).toEqual([
			{ key: 'assignment id', parts: [{ text: '40' }] },
			{ key: 'mentor', parts: [{ text: 'Pieter de Groot', href: '/admin/users?q=pieter.degroot%40ideacup.example' }] }
		]);
		expect(describeData({ roundId: 3, reason: 'Brother on the team' }, resolve)[1].parts).toEqual([
			{ text: 'Cup 2026 · Semi-final', href: '/organise/competitions/2/rounds/3' }
		]);
	});

	it('shows a change as from → to, a list joined, and a list of objects as key: value groups', () => {
		expect(detailsText(describeData({ status: { from: 'draft', to: 'open' }, expertise: ['lean', 'safety'] }, resolve))).toBe(
			'expertise: lean, safety; status: draft → open'
		);
		const decisions = describeData(
			{
				decisions: [
					{ ideaId: 5, outcome: 'advance' },
					{ ideaId: 6, outcome: 'stop' }
				]
			},
			resolve
		);
		expect(detailsText(decisions)).toBe('decisions: idea: Torque sequence, outcome: advance; idea: Foam re-use, outcome: stop');
		expect(decisions[0].parts.filter((p) => p.href).map((p) => p.href)).toEqual(['/ideas/5', '/ideas/6']);
		expect(describeData({ departmentId: { from: 4, to: 7 } }, resolve)[0].parts).toEqual([
			{ text: 'Logistics', href: '/admin/departments/4' },
			{ text: ' → ' },
			{ text: 'Build Operations', href: '/admin/departments/7' }
		]);
	});

	it('names an id it cannot find by its number, and empty values with a dash', () => {
		expect(detailsText(describeData({ ideaIds: [5, 99], note: '', removed: null, list: [] }, resolve))).toBe(
			'ideas: Torque sequence, #99; list: —; note: —; removed: —'
		);
	});

	it('reads details that are not an object as one value, and no details as none', () => {
		expect(describeData('imported', resolve)).toEqual([{ key: '', parts: [{ text: 'imported' }] }]);
		expect(describeData({}, resolve)).toEqual([]);
		expect(describeData(null, resolve)).toEqual([]);
	});

	it('reads camelCase and snake_case keys as words', () => {
		expect(['scoreBasis', 'advancement_count', 'ideaIds', 'juryId', 'slug'].map(keyLabel)).toEqual([
			'score basis',
			'advancement count',
			'ideas',
			'jury',
			'slug'
		]);
	});
});

describe('describeObject', () => {
	it('links the object to its page, a mentor profile to its person, a jury to its round', () => {
		expect(describeObject('kb_entry', '8', resolve)).toEqual({ text: 'Buddy system', href: '/kb/8' });
		expect(describeObject('mentor_profile', '12', resolve)).toEqual({
			text: 'Pieter de Groot',
			href: '/admin/users?q=pieter.degroot%40ideacup.example'
		});
		expect(describeObject('jury', '9', resolve)).toEqual({ text: 'BO MT', href: '/organise/competitions/2/rounds/3#juries' });
	});

	it('names without a link what the reader may not open, and numbers what they may not even know of', () => {
		const limited = resolverFor(references, (kind) => (kind === 'idea' ? 'none' : kind === 'round' ? 'name' : 'open'));
		expect(describeObject('round', '3', limited)).toEqual({ text: 'Cup 2026 · Semi-final' });
		expect(describeObject('idea', '5', limited)).toEqual({ text: '#5' });
		expect(detailsText(describeData({ ideaIds: [5, 6], mentorId: 12 }, limited))).toBe('ideas: #5, #6; mentor: Pieter de Groot');
	});

	it('falls back to type and id for what has no page or is gone', () => {
		expect(describeObject('portal', 'demo', resolve)).toEqual({ text: 'portal demo' });
		expect(describeObject('idea', '404', resolve)).toEqual({ text: 'idea 404' });
	});
});
