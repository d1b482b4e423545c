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
	/** the programme lead's user id; empty: none (escalations go to the administrators) */
	programmeLeadId: string;
	/** working days before an answer is due */
	screeningReminderDays: string;
	/** working days past the answer date */
	screeningEscalationDays: string;
	/** working days since a mentor request */
	mentorReminderDays: string;
	mentorEscalationDays: string;
	/** days before the scoring deadline */
	juryReminderDays: string;
	/** days since an idea was returned */
	resubmitReminderDays: string;
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
		jurorLoadCap: '',
		programmeLeadId: '',
		screeningReminderDays: '2',
		screeningEscalationDays: '3',
		mentorReminderDays: '3',
		mentorEscalationDays: '5',
		juryReminderDays: '3',
		resubmitReminderDays: '7'
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
		jurorLoadCap: text('jurorLoadCap'),
		programmeLeadId: text('programmeLeadId'),
		screeningReminderDays: text('screeningReminderDays'),
		screeningEscalationDays: text('screeningEscalationDays'),
		mentorReminderDays: text('mentorReminderDays'),
		mentorEscalationDays: text('mentorEscalationDays'),
		juryReminderDays: text('juryReminderDays'),
		resubmitReminderDays: text('resubmitReminderDays')
	};
}
