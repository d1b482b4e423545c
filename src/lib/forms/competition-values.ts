/** What the competition form shows: from a saved competition, or exactly what the organiser typed. */
export type CompetitionFormValues = {
	name: string;
	slug: string;
	callText: string;
	/** datetime-local, Europe/Amsterdam wall-clock time: "2028-01-15T09:00" */
	opensAt: string;
	closesAt: string;
	responseDays: string;
	departmentIds: string[];
	preferOtherDepartmentMentor: boolean;
	/** Same-team peers (same direct manager) conflict with each other's ideas. */
	peerConflicts: boolean;
	/** Ideas to score per juror across rounds not yet closed; empty: no cap. */
	jurorLoadCap: string;
};

export function blankCompetitionValues(): CompetitionFormValues {
	return {
		name: '',
		slug: '',
		callText: '',
		opensAt: '',
		closesAt: '',
		responseDays: '10',
		departmentIds: [],
		preferOtherDepartmentMentor: true,
		peerConflicts: false,
		jurorLoadCap: ''
	};
}

export function formDataToCompetitionValues(form: FormData): CompetitionFormValues {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v : '';
	};
	return {
		name: text('name'),
		slug: text('slug'),
		callText: text('callText'),
		opensAt: text('opensAt'),
		closesAt: text('closesAt'),
		responseDays: text('responseDays'),
		departmentIds: form.getAll('departmentId').filter((v): v is string => typeof v === 'string'),
		preferOtherDepartmentMentor: form.get('preferOtherDepartmentMentor') !== null,
		peerConflicts: form.get('peerConflicts') !== null,
		jurorLoadCap: text('jurorLoadCap')
	};
}
