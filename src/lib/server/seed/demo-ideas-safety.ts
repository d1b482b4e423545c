/**
 * Safety Challenge 2026 (judging): a short themed edition run with EHS. Its panel round is
 * closed and published; its final is open, with three finalists for the directors to score.
 */
import { b, type IdeaSeed } from './demo-types.js';

export const IDEAS_SAFETY: readonly IdeaSeed[] = [
	{
		key: 's-rack-mirrors',
		comp: 'safety',
		owner: 'ellen.maas',
		members: ['jan.kramer'],
		area: 'logistics',
		tags: ['safety', 'visual-management'],
		title: 'Convex mirrors and stop lines at the blind ends of the narrow-aisle racks',
		problem:
			'Where the narrow aisles of the high-bay warehouse meet the main route, a reach truck coming out of an aisle cannot see pedestrians or tugger trains. We had three near misses at these corners last year, two of them with a colleague walking.',
		proposal:
			'Hang a convex mirror at each of the eleven aisle ends and paint a stop line one metre before the main route. Drivers stop at the line, check the mirror and then drive on; pedestrians see the line as the edge of the truck area.',
		benefits: [
			b('safety', 'No more blind exits onto the main route.', 3, 'near misses/year'),
			b('other', 'Cheap: mirrors and paint, fitted by our own technical service.')
		],
		story: 'finalist',
		q: 4.4,
		days: [-134, -132, -129, -122, -62, -46]
	},
	{
		key: 's-lifting-points',
		comp: 'safety',
		owner: 'anouk.dekker',
		members: ['kevin.meijer'],
		area: 'assembly',
		tags: ['safety', 'ergonomics', 'visual-management'],
		title: 'Colour-coded lifting points on module transport frames',
		problem:
			'Module transport frames have four lifting points for the crane and six bolts that look just like them. Twice this year a frame was hooked on a bolt; it held, but a bolt is not rated for the load.',
		proposal:
			'Paint the rated lifting points yellow with the load limit stencilled beside them, and add the colour to the lifting work instruction and the crane training. Frames coming back from the customer are repainted at intake.',
		benefits: [b('safety', 'No load hung on a bolt that is not rated for it.'), b('quality', 'No frames damaged by a wrong lift.')],
		story: 'finalist',
		q: 4.1,
		days: [-128, -127, -124, -118, -62, -46]
	},
	{
		key: 's-chamber-interlock',
		comp: 'safety',
		owner: 'stefan.wouters',
		area: 'testing',
		tags: ['safety', 'calibration'],
		title: 'Door interlock on the climate chambers during high-voltage tests',
		problem:
			'During high-voltage tests in the climate chambers the door can be opened while the test runs. A warning sign is all that stops it, and the tests run at night with fewer people around.',
		proposal:
			'Fit a safety interlock that keeps the door locked while the high-voltage supply is on and switches the supply off if the lock is forced. The test software shows the lock state, and the test cannot start with the door open.',
		benefits: [
			b('safety', 'No access to live parts during a test.'),
			b('quality', 'No test aborted because someone opened the door.', 12, 'aborted tests/year')
		],
		story: 'finalist',
		q: 4.6,
		days: [-125, -124, -121, -116, -62, -46]
	},
	{
		key: 's-antislip-steps',
		comp: 'safety',
		owner: 'gijs.vanvliet',
		area: 'maintenance',
		tags: ['safety'],
		title: 'Anti-slip edges on the steps of the test-rig platforms',
		problem: 'The steel steps up to the test-rig platforms get slippery with hydraulic oil mist. Colleagues slip on them now and then.',
		proposal: 'Fit anti-slip edge profiles on every step and clean the steps in the weekly 5S round.',
		benefits: [b('safety', 'Fewer slips on the platform steps.')],
		story: 'not_advanced',
		message:
			'A real risk, well described. The panel found the solution a standard measure rather than an improvement: Engineering will fit the profiles anyway as part of the platform maintenance. The panel would like to see the cause of the oil mist tackled in a next edition.',
		q: 3.1,
		days: [-120, -119, -116, -110, -62, -46]
	},
	{
		key: 's-spill-kits',
		comp: 'safety',
		owner: 'ahmed.bouzid',
		area: 'quality-control',
		tags: ['safety', '5s'],
		title: 'A spill kit beside every chemical cabinet in the QA lab',
		problem:
			'The QA lab has one spill kit, in the corridor. When a solvent bottle tips over at the far end of the lab, someone has to walk past the spill to get it.',
		proposal: 'Put a small spill kit beside each of the four chemical cabinets, checked in the monthly lab round.',
		benefits: [b('safety', 'A spill is contained within a minute.')],
		story: 'not_advanced',
		message:
			'Sensible and cheap, and QA can do it straight away without the competition. The panel missed the roll-out: the test cells and the warehouse store chemicals too. Please talk to EHS about one standard for every department.',
		q: 3.3,
		days: [-118, -116, -113, -108, -62, -46]
	},
	{
		key: 's-warehouse-helmets',
		comp: 'safety',
		owner: 'ton.wijers',
		area: 'logistics',
		tags: ['safety'],
		title: 'Helmets for everyone entering the warehouse',
		problem: 'Visitors and office colleagues walk through the warehouse without a helmet, while the warehouse staff wear one.',
		proposal: 'Make helmets compulsory for everyone who enters the warehouse, with a helmet rack at each door.',
		benefits: [b('safety', 'Head protection for everyone in the warehouse.')],
		story: 'declined',
		message:
			'Thank you for raising this. Helmets are already compulsory in the high-bay area, where loads are stored overhead; in the rest of the warehouse the risk assessment found no overhead risk that calls for them. EHS has made the signs at the high-bay entrances clearer.',
		answeredBy: 'karin.vos',
		days: [-112, -110, -108, -103]
	}
];
