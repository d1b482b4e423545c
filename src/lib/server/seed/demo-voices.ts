/**
 * Every colleague's voice in the demo (issue 16): what colleagues of other departments did on
 * the ideas wall since it opened three weeks ago, a one-minute idea from the floor and an idea
 * a team leader entered for a colleague. Pure data; src/lib/server/seed/demo.ts inserts it with
 * the rows the services would write (counts on the idea, notifications, events, audit).
 *
 * Days are offsets from today. A support, follow or comment is never earlier than the moment
 * the idea became public (accepted and the edition's submission deadline passed): the seed
 * moves it to two hours after that moment if the day given is earlier.
 */
import type { DeptCode } from './demo-org.js';

export interface SupportSeed {
	idea: string;
	user: string;
	/** "This would help us too in <department>"; none: a plain support. */
	dept?: DeptCode;
	day: number;
}

export interface FollowSeed {
	idea: string;
	user: string;
	day: number;
}

export interface VoiceCommentSeed {
	idea: string;
	author: string;
	day: number;
	hour: number;
	body: string;
	/** Hidden by the organiser (Ruud van Dijk) on `day`, with this reason. */
	hidden?: { day: number; hour: number; reason: string };
}

/**
 * Supports of public ideas of the 2025 and 2026 editions, all from colleagues outside the
 * team and mostly from other departments; the departments named become the ideas' suggested
 * candidate departments for the roll-out. Sanne Bakker, Jan Kramer, Roy de Boer, Ellen Maas
 * and Priya Ramdin support nothing yet, so the wall's journeys can start from them.
 */
export const SUPPORTS: readonly SupportSeed[] = [
	// Kanban for the gowning rooms' consumables (Logistics): every cleanroom has gowning rooms.
	{ idea: 'log-consumables-kanban', user: 'ronald.kok', dept: 'BO', day: -18 },
	{ idea: 'log-consumables-kanban', user: 'yvonne.schouten', dept: 'QA', day: -17 },
	{ idea: 'log-consumables-kanban', user: 'niels.gerritsen', dept: 'TST', day: -16 },
	{ idea: 'log-consumables-kanban', user: 'anouk.dekker', day: -15 },
	{ idea: 'log-consumables-kanban', user: 'henk.scholten', dept: 'EHS', day: -11 },
	{ idea: 'log-consumables-kanban', user: 'lisa.vanleeuwen', dept: 'BO', day: -6 },
	// Torque sequence on the work-instruction screen (Build Operations).
	{ idea: 'bo-torque-sequence', user: 'lotte.vandam', dept: 'TST', day: -15 },
	{ idea: 'bo-torque-sequence', user: 'gijs.vanvliet', dept: 'ENG', day: -12 },
	{ idea: 'bo-torque-sequence', user: 'wouter.huisman', dept: 'LOG', day: -10 },
	{ idea: 'bo-torque-sequence', user: 'kim.claessens', dept: 'TST', day: -4 },
	// Near misses by QR code (EHS): everyone has near misses.
	{ idea: 'ehs-near-miss-qr', user: 'ilse.verbruggen', dept: 'BO', day: -17 },
	{ idea: 'ehs-near-miss-qr', user: 'ingrid.post', dept: 'LOG', day: -14 },
	{ idea: 'ehs-near-miss-qr', user: 'nicole.vermeulen', dept: 'QA', day: -9 },
	{ idea: 'ehs-near-miss-qr', user: 'ton.wijers', dept: 'GEN', day: -8 },
	{ idea: 'ehs-near-miss-qr', user: 'kevin.meijer', day: -3 },
	// The shared defect photo library (Quality Assurance).
	{ idea: 'qa-defect-library', user: 'ronald.kok', dept: 'BO', day: -13 },
	{ idea: 'qa-defect-library', user: 'laura.brink', dept: 'ENG', day: -12 },
	{ idea: 'qa-defect-library', user: 'ingrid.post', dept: 'LOG', day: -7 },
	// Fibre caps on the test racks (Test & Calibration).
	{ idea: 'tst-fibre-caps', user: 'robin.dijkstra', dept: 'ENG', day: -11 },
	{ idea: 'tst-fibre-caps', user: 'dennis.koster', dept: 'BO', day: -5 },
	// First-pass yield dashboard (Engineering).
	{ idea: 'eng-fpy-dashboard', user: 'stefan.wouters', dept: 'TST', day: -10 },
	{ idea: 'eng-fpy-dashboard', user: 'bas.jacobs', dept: 'QA', day: -6 },
	// Self-service password reset (General & IT): plain supports.
	{ idea: 'gen-password-reset', user: 'kevin.meijer', day: -9 },
	{ idea: 'gen-password-reset', user: 'lotte.vandam', day: -2 },
	// Cycle counting (Logistics, in coaching): Test & Calibration counts its spare parts too.
	{ idea: 'log-cycle-counting', user: 'niels.gerritsen', dept: 'TST', day: -8 },
	// A standard cleaning kit (Build Operations, accepted).
	{ idea: 'bo-cleaning-kit', user: 'rick.vandenberg', dept: 'QA', day: -4 },
	// The 2025 edition's improvements, found again on the wall.
	{ idea: 'k-two-bin', user: 'niels.gerritsen', dept: 'TST', day: -16 },
	{ idea: 'k-two-bin', user: 'gijs.vanvliet', dept: 'ENG', day: -9 },
	{ idea: 'k-lifting-aid', user: 'mehmet.yilmaz', dept: 'BO', day: -14 },
	{ idea: 'k-lifting-aid', user: 'wouter.huisman', dept: 'LOG', day: -6 },
	{ idea: 'k-shadow-boards', user: 'rick.vandenberg', dept: 'QA', day: -12 },
	{ idea: 'k-shadow-boards', user: 'gijs.vanvliet', dept: 'ENG', day: -3 },
	{ idea: 'k-milk-run', user: 'dennis.koster', day: -7 }
];

/** Colleagues following ideas of other departments; Sanne Bakker follows two. */
export const FOLLOWS: readonly FollowSeed[] = [
	{ idea: 'log-consumables-kanban', user: 'sanne.bakker', day: -14 },
	{ idea: 'tst-fibre-caps', user: 'sanne.bakker', day: -13 },
	{ idea: 'log-consumables-kanban', user: 'yvonne.schouten', day: -17 },
	{ idea: 'log-consumables-kanban', user: 'ronald.kok', day: -18 },
	{ idea: 'bo-torque-sequence', user: 'lotte.vandam', day: -15 },
	{ idea: 'bo-torque-sequence', user: 'stefan.wouters', day: -11 },
	{ idea: 'ehs-near-miss-qr', user: 'kevin.meijer', day: -16 },
	{ idea: 'ehs-near-miss-qr', user: 'ton.wijers', day: -8 },
	{ idea: 'qa-defect-library', user: 'laura.brink', day: -12 },
	{ idea: 'log-cycle-counting', user: 'niels.gerritsen', day: -8 },
	{ idea: 'bo-cleaning-kit', user: 'rick.vandenberg', day: -12 },
	{ idea: 'eng-fpy-dashboard', user: 'bas.jacobs', day: -6 },
	{ idea: 'k-shadow-boards', user: 'gijs.vanvliet', day: -3 }
];

/**
 * Public comments (visibility 'team', which every colleague reads once the idea is public):
 * colleagues of other departments in their own words, the team's replies, and one comment
 * the organiser hid with a reason.
 */
export const VOICE_COMMENTS: readonly VoiceCommentSeed[] = [
	{
		idea: 'bo-torque-sequence',
		author: 'lotte.vandam',
		day: -15,
		hour: 11,
		body: 'We tighten the covers of the interferometer set-up in a fixed order too, from a paper card. Could the screen logic be shared? It would help us in Test & Calibration.'
	},
	{
		idea: 'bo-torque-sequence',
		author: 'fatima.elamrani',
		day: -14,
		hour: 9,
		body: 'Yes! The sequence is only a table per work instruction. Erik is checking whether your instructions use the same format; come and see it at station 2 any morning.'
	},
	{
		idea: 'log-consumables-kanban',
		author: 'yvonne.schouten',
		day: -17,
		hour: 14,
		body: 'Would the gowning room of the QA lab fit in the same route? We run out of overshoes there every other week.'
	},
	{
		idea: 'log-consumables-kanban',
		author: 'roy.deboer',
		day: -16,
		hour: 8,
		body: 'Good point, Yvonne. The QA lab is on the way from the dock anyway; I will add it to the route once the two cards are printed.'
	},
	{
		idea: 'ehs-near-miss-qr',
		author: 'ton.wijers',
		day: -8,
		hour: 10,
		body: 'Facilities can print the QR codes and hang them in the canteen and the offices too. Near misses happen on the stairs as well.'
	},
	{
		idea: 'ehs-near-miss-qr',
		author: 'marcel.smeets',
		day: -7,
		hour: 13,
		body: 'Graag, Ton! Ik stuur je de bestanden. Wel de codes per plek apart houden, dan zien we waar het gebeurt.'
	},
	{
		idea: 'qa-defect-library',
		author: 'laura.brink',
		day: -12,
		hour: 15,
		body: 'As designers we would love to see these photos: several of these defects start at sharp edges we could round off in the next revision.'
	},
	{
		idea: 'k-shadow-boards',
		author: 'gijs.vanvliet',
		day: -3,
		hour: 11,
		body: 'Did the foam of the shadow boards survive the cleanroom cleaning agent? We would like them in the prototype lab.'
	},
	{
		idea: 'log-return-packaging',
		author: 'dennis.koster',
		day: -6,
		hour: 21,
		body: 'The real problem is that one shift leaves the empties wherever they like, and everybody knows which one. Fix the people, not the racks.',
		hidden: {
			day: -5,
			hour: 8,
			reason: 'This blames a shift instead of saying what should change. You are welcome to post it again about the empties and the racks.'
		}
	}
];

/** A one-minute idea from the QR poster at Line 3, its team leader asked to help develop it. */
export const ONE_MINUTE_IDEA = {
	owner: 'mehmet.yilmaz',
	helper: 'ilse.verbruggen',
	place: 'Line 3',
	day: -1,
	title: 'Een bakje met vaste plekken voor de afdekdoppen',
	problem: 'De afdekdoppen van de koelleidingen vallen op de grond als je de module aansluit. Dan moeten ze opnieuw gereinigd worden.',
	proposal: 'Een bakje met vaste plekken voor de afdekdoppen naast de module, zodat je ze er meteen in legt.'
} as const;

/** An idea a team leader typed in for a colleague who does not use the portal; submitted to the open 2027 call. */
export const ENTERED_IDEA = {
	owner: 'kim.claessens',
	enteredBy: 'niels.gerritsen',
	day: -2,
	area: 'quality-control',
	title: 'Colour bands on both ends of the test-rack cables',
	problem:
		'The test racks have dozens of identical grey cables. After a rack is rebuilt, a swapped cable is only found when the test fails hours later.',
	proposal:
		'Put the same colour band on both ends of every cable and the matching colour on the rack connector, so a swap is seen before the test starts.'
} as const;
