import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { db } from '$lib/server/runtime';
import { download, idParam, orNotFound } from '$lib/server/http';
import { getTeamPitchIcs } from '$lib/server/pitch/team-pitch.service';
import { m } from '$lib/paraglide/messages.js';

/** The team's slots as published, for their own calendar (METHOD PUBLISH). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const locale = locals.locale;
	const file = await orNotFound(
		getTeamPitchIcs(
			db(),
			user,
			idParam(params.ideaId),
			{
				summary: (s) => m.pitch_team_ics_summary({ title: s.title, round: s.roundName }, { locale }),
				description: (s) =>
					m.pitch_team_ics_description({ pitch: s.pitchMinutes, questions: s.questionsMinutes, jury: s.juryName }, { locale })
			},
			url.origin
		)
	);
	return download(file.body, file.fileName, 'text/calendar; charset=utf-8');
};
