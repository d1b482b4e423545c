/**
 * Improvement Cup 2026 (judging) and Improvement Cup 2027 (open): the ideas, spread over
 * the whole lifecycle. About 70 ideas in 2026, 28 of them in Build Operations.
 */
import { b, type IdeaSeed } from './demo-types.js';

// ------------------------------------------------------------------ Build Operations
const BO: IdeaSeed[] = [
	// --- Sanne Bakker, the employee persona: one idea in each state ---
	{
		key: 'sanne-kit-photo',
		comp: 2026,
		owner: 'sanne.bakker',
		area: 'cleanroom',
		tags: ['cleanroom', 'lean', 'poka-yoke'],
		title: 'Photo check of part kits before they go into the cleanroom',
		problem:
			'About one in eight kits for the reticle-stage assembly comes into the cleanroom incomplete. We notice it halfway through the assembly, and then someone has to leave the cleanroom, get the part and gown up again, which takes at least 15 minutes. Sometimes the module waits half a shift.',
		proposal:
			'Put a photo template of the complete kit on the kitting table, so the kitter and I can compare the kit with the photo before it goes through the airlock. Missing parts are written on the template and solved outside the cleanroom. After a month we look at which parts are missing most often and fix that at the source.',
		benefits: [
			b('time', 'Fewer trips out of the cleanroom and less waiting for parts.', 180, 'hours/year'),
			b('quality', 'Fewer half-finished modules standing open in the cleanroom.')
		],
		story: 'coaching',
		mentor: 'pieter.degroot',
		answeredBy: 'ruud.vandijk',
		days: [-74, -72, -70, -64, -60]
	},
	{
		key: 'sanne-variant-bins',
		comp: 2026,
		owner: 'sanne.bakker',
		area: 'assembly',
		tags: ['5s', 'poka-yoke', 'esd'],
		title: 'Different bin colours for the two variants of the reticle-handler module',
		problem:
			'The ESD-safe bins for the standard and the high-throughput variant of the reticle-handler module look exactly the same, and the parts inside are very similar. This quarter parts were mixed up twice, and we only found out when a part did not fit.',
		proposal:
			'Use a different bin colour for each variant (ESD-safe bins exist in blue and in black) and put a large variant label on the front. The kitting list shows the colour too, so the kitter sees it before picking.',
		benefits: [b('quality', 'No mixed-up parts between the two variants.')],
		story: 'returned',
		message:
			'Thanks Sanne, this is a real problem and worth solving. Before we screen it, could you add how often a mix-up happened in the last six months (the NCR numbers help) and which modules were affected? Pieter de Groot from QA can help you find the NCRs. You can resubmit after the closing date.',
		answeredBy: 'ruud.vandijk',
		days: [-38, -35, -30, -9]
	},
	{
		key: 'sanne-oring-light',
		comp: 2026,
		owner: 'sanne.bakker',
		area: 'quality-control',
		tags: ['contamination', 'work-instruction'],
		title: 'Light table with magnifier for checking O-rings before fitting',
		problem:
			'O-rings for the vacuum chambers are checked for cuts and dust with a handheld lamp. Small cuts are easy to miss, and a damaged O-ring is only found when the module fails the leak test. Then the chamber has to be opened again, about 6 hours of work.',
		proposal:
			'Put a small light table with a magnifier lamp at the fitting station, and add a 10-second check to the work instruction: every O-ring is turned once under the magnifier before it is fitted.',
		benefits: [
			b('quality', 'Fewer leak-test failures caused by damaged O-rings.', 9, 'defects/year'),
			b('time', 'Chambers no longer opened again after a failed leak test.', 54, 'hours/year')
		],
		story: 'submitted',
		days: [-27, -23]
	},
	{
		key: 'sanne-gowning-route',
		comp: 2026,
		owner: 'sanne.bakker',
		area: 'cleanroom',
		tags: ['lean', 'waste'],
		title: 'Shorter walking route to the gowning room for the late shift',
		problem:
			'After 18:00 the door between hall 3 and the gowning room is locked, so the late shift walks around through hall 2: about 4 minutes each way, several times per shift.',
		proposal:
			'Give the late shift badge access to the door between hall 3 and the gowning room. Still to check: is this allowed by Security and EHS?',
		benefits: [b('time', 'Less walking for the late shift.')],
		story: 'draft',
		days: [-26]
	},

	// --- in the semi-final ---
	{
		key: 'bo-parts-tray',
		comp: 2026,
		owner: 'kevin.meijer',
		area: 'assembly',
		tags: ['5s', 'poka-yoke', 'cleanroom'],
		title: 'Step-by-step parts tray clipped to the assembly stand',
		problem:
			'Small screws, washers and spacers for the reticle-handler sub-assembly are laid out on a cleanroom wipe next to the module. They roll away, get mixed up between steps, and two or three times a month a washer drops into the module, which then needs a full particle inspection.',
		proposal:
			'A compartment tray with a lid that clips onto the assembly stand, with one numbered compartment per work-instruction step, filled by kitting. An empty tray at the end is also a check that nothing was forgotten.',
		benefits: [
			b('quality', 'Fewer parts dropped into open modules.', 30, 'inspections/year'),
			b('time', 'Less searching and sorting during assembly.', 70, 'hours/year')
		],
		story: 'semi_final',
		q: 3.6
	},
	{
		key: 'bo-torque-sequence',
		comp: 2026,
		owner: 'fatima.elamrani',
		members: ['dennis.koster'],
		area: 'assembly',
		tags: ['torque', 'work-instruction', 'digitalisation'],
		title: 'Torque sequence shown bolt by bolt on the work-instruction screen',
		problem:
			'The 24-bolt flange of the wafer-stage frame must be tightened in a fixed cross pattern in three passes. The pattern is in a PDF drawing that operators print and tick off by hand. A wrong sequence gives a flatness deviation that we only find in test, four days later.',
		proposal:
			'Show the bolt pattern in the digital work instruction and highlight the next bolt and pass. The connected torque wrench confirms each bolt, so the screen only moves on when the right torque was reached, and the values are saved with the module serial number.',
		benefits: [
			b('quality', 'No flatness deviations from a wrong tightening sequence.', 6, 'defects/year'),
			b('time', 'No printing, ticking off and re-work.', 140, 'hours/year'),
			b('other', 'Torque values traceable per module.')
		],
		story: 'semi_final',
		mentor: 'erik.brouwer',
		q: 4.3
	},
	{
		key: 'bo-cable-kits',
		comp: 2026,
		owner: 'mehmet.yilmaz',
		members: ['roy.deboer'],
		area: 'assembly',
		tags: ['lean', 'waste'],
		title: 'Voorgekitte kabelsets voor de illuminator-module',
		problem:
			'Bij de bouw van de illuminator zoeken we per module ongeveer 40 minuten naar de juiste kabels en connectoren, verspreid over vier kasten. Vaak ontbreekt er één en moeten we wachten tot het magazijn hem brengt. Dan ligt de module stil.',
		proposal:
			'Laat het magazijn per module een complete kabelset klaarzetten in een gelabelde bak, in de volgorde van de werkinstructie. Wat ontbreekt zie je dan al bij het kitten en niet pas aan de lijn. De kasten aan de lijn kunnen daarna weg.',
		benefits: [b('time', 'Minder zoeken en wachten aan de lijn.', 260, 'hours/year'), b('quality', 'Geen verkeerde kabel meer gepakt.')],
		story: 'semi_final',
		mentor: 'wouter.huisman',
		q: 3.5
	},
	{
		key: 'bo-esd-logging',
		comp: 2026,
		owner: 'lisa.vanleeuwen',
		area: 'cleanroom',
		tags: ['esd', 'data', 'traceability'],
		title: 'ESD tester at the cleanroom entrance that logs every test',
		problem:
			'Operators test their ESD wrist strap and shoes at a tester next to the gowning bench, but nothing is recorded. When a module is damaged by ESD we cannot show that the operator was grounded. The tester in hall 3 was found defective in September and nobody knew since when.',
		proposal:
			'Replace the testers with models that read the badge and log pass or fail with the time. The turnstile to the cleanroom only opens after a pass, and a daily report lists failing straps so they are replaced the same day.',
		benefits: [
			b('quality', 'Every operator in the cleanroom is proven to be grounded.'),
			b('other', 'Evidence for customer audits on ESD control.')
		],
		story: 'semi_final',
		q: 3.0
	},
	{
		key: 'bo-scratch-samples',
		comp: 2026,
		owner: 'anouk.dekker',
		members: ['yvonne.schouten'],
		area: 'quality-control',
		tags: ['visual-management', 'waste'],
		title: 'Boundary samples for acceptable scratches on cover panels',
		problem:
			'Whether a scratch on an outer cover panel is acceptable is judged differently per shift and per inspector. Last year we scrapped 22 panels that QA later said were fine, and we had two customer complaints about panels that were let through.',
		proposal:
			'Make a board with real boundary samples and photos (accept or reject, by size and position), agreed with QA and hung at the final inspection station. Use the same pictures in the work instruction.',
		benefits: [
			b('money', 'Fewer good panels scrapped.', 26000, 'EUR/year'),
			b('quality', 'The same judgement on every shift.', 2, 'complaints/year')
		],
		story: 'semi_final',
		q: 3.3
	},
	{
		key: 'bo-leak-standby',
		comp: 2026,
		owner: 'dennis.koster',
		area: 'testing',
		tags: ['energy', 'lean'],
		title: 'Standby mode for the helium leak testers between tests',
		problem:
			'The helium leak testers in the integration hall run at full vacuum 24 hours a day because the warm-up takes 45 minutes, yet they are used about 6 hours a day. The pumps wear faster than needed and use a lot of energy.',
		proposal:
			'Program a standby mode with reduced pump speed and a warm-up timer that starts the tester 45 minutes before the first planned test of the shift, using the test planning. The supplier confirmed the testers support this.',
		benefits: [
			b('money', 'Lower energy and pump maintenance cost.', 9500, 'EUR/year'),
			b('other', 'About 38 MWh less electricity per year.')
		],
		story: 'semi_final',
		q: 2.8
	},
	{
		key: 'bo-keyed-couplings',
		comp: 2026,
		owner: 'joris.bos',
		members: ['arjen.wijnands'],
		area: 'assembly',
		tags: ['poka-yoke', 'fixtures'],
		title: 'Keyed couplings so cooling-water lines cannot be swapped',
		problem:
			'Supply and return lines of the wafer-stage cooling water use identical quick couplings. Twice last year they were swapped, which was only found in final test and cost a day of re-work each time. With swapped lines the stage can overheat during its first test.',
		proposal:
			'Use couplings with a different key for supply and return (available from the same supplier in the same size), plus blue and red sleeves. Change the drawings for new builds and retrofit the lines in stock.',
		benefits: [
			b('quality', 'Swapped cooling lines become impossible.', 2, 'defects/year'),
			b('time', 'No re-work after final test.', 32, 'hours/year'),
			b('safety', 'No overheating risk during the first test.')
		],
		story: 'semi_final',
		q: 4.0
	},
	{
		key: 'bo-wipe-dispenser',
		comp: 2026,
		owner: 'anouk.dekker',
		area: 'cleanroom',
		tags: ['waste', 'cleanroom', '5s'],
		title: 'Dispenser that gives one cleanroom wipe at a time',
		problem:
			'Cleanroom wipes come in open packs of 150. Operators pull out several at once and the rest of the pack picks up particles, so half-used packs are thrown away at the end of the shift. The BO cleanroom uses about 1,400 packs a year.',
		proposal: 'Mount closed dispensers that give one wipe at a time at every station, and order the wipes as dispenser refills.',
		benefits: [b('money', 'Fewer wipes thrown away.', 11000, 'EUR/year'), b('quality', 'No contaminated wipes used on modules.')],
		story: 'semi_final',
		q: 2.6
	},
	{
		key: 'bo-handover-board',
		comp: 2026,
		owner: 'ronald.kok',
		area: 'assembly',
		tags: ['visual-management', 'lean'],
		title: 'Shift handover board for modules that are not finished',
		problem:
			'When a module is not finished at the end of a shift, the next shift has to work out from the paper traveller and the MES where exactly the previous shift stopped. Sometimes a step is done twice, and last month a torque step was skipped because both shifts thought the other had done it.',
		proposal:
			'A magnetic board per hall with a card for every open module: last completed step, open issues, and who to call. The ten-minute handover is done standing at the board, with both team leaders.',
		benefits: [
			b('quality', 'No skipped or double steps at shift change.', 4, 'defects/year'),
			b('time', 'Faster start of the next shift.', 100, 'hours/year')
		],
		story: 'semi_final',
		q: 3.5
	},
	{
		key: 'bo-overhead-platform',
		comp: 2026,
		owner: 'fatima.elamrani',
		members: ['nadia.mertens'],
		area: 'assembly',
		tags: ['ergonomics', 'safety'],
		title: 'Height-adjustable platform for overhead work on the projection-optics frame',
		problem:
			'Fitting the sensors on top of the projection-optics frame is done standing on a step with the arms above the shoulders, for about 40 minutes per module. Operators of different heights use the same step, and several colleagues have shoulder complaints.',
		proposal:
			'Replace the step with a cleanroom-compatible, electrically height-adjustable platform with a railing, so every operator works with the hands at chest height. Nadia from EHS measured the postures and supports the proposal.',
		benefits: [
			b('safety', 'Less shoulder strain, and no more working on a step without a railing.'),
			b('quality', 'More accurate work in a better posture.')
		],
		story: 'semi_final',
		mentor: 'paul.jonker',
		q: 3.9
	},
	{
		key: 'bo-fixed-wrenches',
		comp: 2026,
		owner: 'mehmet.yilmaz',
		area: 'assembly',
		tags: ['torque', 'poka-yoke'],
		title: 'Vaste momentsleutels per station in plaats van één instelbare',
		problem:
			'Op station 5 gebruiken we één instelbare momentsleutel voor vier verschillende momenten. Je moet hem bij elke stap opnieuw instellen en daar gaat het weleens mis. Vorig kwartaal zijn twee modules met een verkeerd moment aangehaald.',
		proposal:
			'Geef elk station vaste, voorgeprogrammeerde sleutels: één per moment, met een gekleurde ring in dezelfde kleur als in de werkinstructie. Dan hoeft niemand meer in te stellen.',
		benefits: [
			b('quality', 'Geen verkeerd ingestelde sleutel meer.', 8, 'defects/year'),
			b('time', 'Sneller werken zonder instellen.', 50, 'hours/year')
		],
		story: 'semi_final',
		q: 3.2
	},
	{
		key: 'bo-takt-board',
		comp: 2026,
		owner: 'erik.brouwer',
		area: 'assembly',
		tags: ['lean', 'visual-management'],
		title: 'Takt screen for every module integration bay',
		problem:
			'Module integration has no visible takt: nobody on the floor can see whether a module is ahead of or behind plan until the weekly report. Delays are discovered too late to help.',
		proposal:
			'A screen at each integration bay showing planned against actual progress per module, fed by the MES step confirmations, with a simple escalation rule: two hours behind means the team leader comes, one day behind means the MT is informed the same day.',
		benefits: [
			b('time', 'Shorter integration lead time through earlier help.', 1.5, 'days/module'),
			b('other', 'Everyone on the floor sees the plan.')
		],
		story: 'semi_final',
		q: 3.7
	},
	{
		key: 'bo-foam-reuse',
		comp: 2026,
		owner: 'kevin.meijer',
		members: ['jan.kramer'],
		area: 'logistics',
		tags: ['waste', 'sustainability', 'packaging'],
		title: 'Re-use the clean packaging foam of incoming parts',
		problem:
			'Incoming precision parts arrive in clean, custom-cut foam inserts that we throw away after unpacking, about 9 cubic metres a week. At the same time we buy new foam to ship sub-assemblies between halls.',
		proposal:
			'Collect the inserts at unpacking, clean and sort them in the packaging area, and use them for internal transport between halls. For suppliers with a returnable-packaging agreement, send the foam back.',
		benefits: [b('money', 'Less new foam bought.', 14000, 'EUR/year'), b('other', 'About 400 cubic metres less packaging waste per year.')],
		story: 'semi_final',
		q: 2.9
	},
	{
		key: 'bo-bagging-checklist',
		comp: 2026,
		owner: 'lisa.vanleeuwen',
		members: ['nicole.vermeulen'],
		area: 'quality-control',
		tags: ['work-instruction', 'contamination'],
		title: 'Checklist with photos for the final visual inspection before bagging',
		problem:
			'Before a module is bagged for transport, the final visual inspection is done from memory. What is missed (a protective cap left off, a missing label, a fingerprint on a reference surface) is found by Test or by the customer.',
		proposal:
			'A laminated checklist of 12 points with photos at the bagging station, signed per module, and the same list in the digital work instruction so the result is stored with the module.',
		benefits: [b('quality', 'Fewer findings at Test and at the customer.', 10, 'defects/year')],
		story: 'semi_final',
		q: 3.1
	},

	// --- other states ---
	{
		key: 'bo-lifting-rack',
		comp: 2026,
		owner: 'dennis.koster',
		area: 'assembly',
		tags: ['5s', 'safety'],
		title: 'Wall rack for the lifting beams next to station 6',
		problem: 'The two lifting beams at station 6 lie on the floor when not in use. People trip over them and the slings get dirty.',
		proposal: 'A wall rack with hooks for the beams and the slings, with a floor marking in front of it.',
		benefits: [b('safety', 'No tripping hazard at station 6.')],
		story: 'draft'
	},
	{
		key: 'bo-antifatigue',
		comp: 2026,
		owner: 'kevin.meijer',
		area: 'assembly',
		tags: ['ergonomics', 'cleanroom'],
		title: 'Cleanroom-compatible anti-fatigue mats at the standing stations',
		problem:
			'At stations 1 to 4 we stand for the whole shift on the hard cleanroom floor. Many colleagues have sore feet and backs at the end of a shift, especially in the 10-hour weekend shifts.',
		proposal:
			'Test cleanroom-compatible anti-fatigue mats (conductive, low-particle, cleanable) at two stations for a month, and let the operators and EHS evaluate them before we buy more.',
		benefits: [b('safety', 'Less physical strain during long shifts.')],
		story: 'submitted',
		days: [-45, -44]
	},
	{
		key: 'bo-cart-labels',
		comp: 2026,
		owner: 'fatima.elamrani',
		area: 'safety',
		tags: ['safety', 'work-instruction'],
		title: 'Bilingual safety labels on the module transport carts',
		problem:
			'The warnings on the module transport carts (maximum load, brake, tipping point) are only in Dutch. Several colleagues in the integration hall, and most of the temporary staff, do not read Dutch well.',
		proposal:
			'Replace the labels with the standard EHS pictograms plus Dutch and English text. There are 36 carts; the labels can be printed in-house on the durable label printer for about 900 euros in total.',
		benefits: [
			b('safety', 'Everyone understands the warnings on the carts.'),
			b('other', 'Costs about 900 euros once: 36 carts, labels printed in-house.')
		],
		story: 'resubmitted',
		message:
			'Good point, Fatima. Could you check with EHS (Paul Jonker) which standard pictograms apply, and add the number of carts and an estimate of the cost? Then we can screen it.',
		answeredBy: 'ruud.vandijk',
		days: [-52, -50, -47, -40, -3]
	},
	{
		key: 'bo-quick-clamps',
		comp: 2026,
		owner: 'lisa.vanleeuwen',
		area: 'testing',
		tags: ['fixtures', 'lean'],
		title: 'Quick-release clamps on the vacuum test fixture for sensor housings',
		problem:
			'The vacuum test fixture for the sensor housings is closed with 16 bolts that we tighten and loosen for every test, about 25 times a week. It takes 12 minutes per test and the threads wear out.',
		proposal:
			'Replace the bolts with four quick-release toggle clamps rated for the vacuum load. Engineering needs to confirm the clamping force.',
		benefits: [b('time', 'Faster fixture changes.', 200, 'hours/year'), b('money', 'Fewer worn-out fixtures.')],
		story: 'screening',
		days: [-33, -30, -26]
	},
	{
		key: 'bo-digital-logbook',
		comp: 2026,
		owner: 'ilse.verbruggen',
		area: 'office-process',
		tags: ['digitalisation'],
		title: 'Digital shift report instead of the paper logbook',
		problem:
			'Each hall keeps a paper shift logbook. Managers and engineers who need information from it have to walk to the hall, and entries are hard to read or search.',
		proposal: 'Replace the logbook with a simple digital form on the hall tablets, searchable by module and by date.',
		benefits: [b('time', 'Information from the shift log found in seconds.')],
		story: 'returned',
		message:
			'Thanks Ilse. IT is already rolling out the MES shift log in halls 2 and 3 this spring. Could you check with Esther Smit what is missing in that log for your team, and rewrite the idea as an addition to it? Then we can screen what is new.',
		answeredBy: 'karin.vos',
		days: [-60, -58, -55, -48]
	},
	{
		key: 'bo-ball-end-keys',
		comp: 2026,
		owner: 'joris.bos',
		area: 'assembly',
		tags: ['ergonomics', 'torque'],
		title: 'Ball-end hex keys for the frame assembly',
		problem:
			'The M8 frame bolts sit in awkward spots where a straight hex key has to be re-positioned several times per turn. It is slow and hard on the wrists.',
		proposal: 'Use ball-end hex keys, which work at an angle of up to 25 degrees.',
		benefits: [b('time', 'Faster frame assembly.', 60, 'hours/year'), b('safety', 'Less wrist strain.')],
		story: 'declined',
		message:
			'Ball-end keys cannot transfer the specified 25 Nm on the M8 frame bolts: the ball end deforms, and the design specification requires full hex engagement. We do take the wrist strain seriously: please look at angled ratchet adapters with Engineering (Arjen Wijnands offered to help), which keep full engagement.',
		answeredBy: 'ruud.vandijk'
	},
	{
		key: 'bo-night-music',
		comp: 2026,
		owner: 'kevin.meijer',
		area: 'cleanroom',
		tags: ['cleanroom'],
		title: 'Muziek in de cleanroom tijdens de nachtdienst',
		problem:
			'In de nachtdienst is het stil en lang in de cleanroom. Je staat alleen bij je module en het is moeilijk om wakker en scherp te blijven.',
		proposal:
			'Zachte achtergrondmuziek via een speaker in de cleanroom tussen 00:00 en 06:00, met een afspeellijst die het team zelf kiest.',
		benefits: [b('other', 'Alertere operators in de nachtdienst.')],
		story: 'declined',
		days: [-70, -69, -66, -61],
		message:
			'Bedankt Kevin. Speakers zijn niet gecertificeerd voor de cleanroomklasse en alarmsignalen moeten altijd hoorbaar blijven, daarom kan EHS dit niet toestaan. Het onderliggende punt, alert blijven in de nachtdienst, nemen we wel mee naar het BO MT: denk aan een extra korte pauze of het rouleren van taken.',
		answeredBy: 'karin.vos'
	},
	{
		key: 'bo-tool-crib',
		comp: 2026,
		owner: 'ronald.kok',
		area: 'logistics',
		tags: ['5s', 'lean'],
		title: 'Second tool crib in hall 4',
		problem: 'Hall 4 has no tool crib; tools are fetched from hall 2, 300 metres away, several times per shift.',
		proposal: 'A small tool crib in the corner of hall 4 with the 40 most-used tools.',
		benefits: [b('time', 'Less walking to hall 2.', 150, 'hours/year')],
		story: 'withdrawn',
		message:
			'Withdrawn: Logistics is starting a mobile tool-trolley round for hall 4 that solves the same problem, and I joined that project instead.',
		days: [-66, -64, -50]
	},
	{
		key: 'bo-cleaning-kit',
		comp: 2026,
		owner: 'dennis.koster',
		area: 'cleanroom',
		tags: ['cleanroom', '5s', 'contamination'],
		title: 'Standard cleaning kit at every assembly station',
		problem:
			'Each station has its own mix of cleaning supplies: different wipes, IPA bottles of different sizes, sometimes an unlabelled spray bottle. Operators borrow from each other, and an unlabelled bottle was found at station 2 during the last audit.',
		proposal:
			'One standard cleaning kit per station in a fixed holder: a labelled IPA dispenser, a wipe dispenser, swabs and a lint roller, refilled by the kanban round. The holder has a photo of the complete kit.',
		benefits: [
			b('quality', 'No unlabelled or wrong cleaning agents at the stations.'),
			b('time', 'No more borrowing and searching.', 40, 'hours/year')
		],
		story: 'accepted',
		mentorPending: { mentor: 'arjen.wijnands', status: 'requested' }
	},
	{
		key: 'bo-buddy-system',
		comp: 2026,
		owner: 'ilse.verbruggen',
		area: 'training',
		tags: ['training'],
		title: 'A buddy for every new operator in the first six weeks',
		problem:
			'New operators get their formal trainings, but on the line they ask whoever happens to be around. Three of the eleven operators who started last year left within six months; in the exit interviews they said they felt lost in the first weeks.',
		proposal:
			'Every new operator gets a named buddy on the same shift for six weeks: an experienced colleague with two hours a week reserved to answer questions and check in. Buddies get a short briefing and a one-page guide.',
		benefits: [b('other', 'Fewer early leavers.', 2, 'people/year'), b('quality', 'Fewer mistakes by new operators.')],
		story: 'coaching',
		mentor: 'nadia.mertens'
	}
];

// ------------------------------------------------------------------ Quality Assurance
const QA: IdeaSeed[] = [
	{
		key: 'qa-defect-library',
		comp: 2026,
		owner: 'nicole.vermeulen',
		area: 'quality-control',
		tags: ['visual-management', 'data'],
		title: 'Shared defect photo library for incoming inspection',
		problem:
			'Incoming inspectors judge supplier defects such as burrs, scratches and contamination from the written criteria and their own experience. Two inspectors can reach different decisions on the same part, and suppliers dispute rejections because we cannot show comparable cases.',
		proposal:
			'A photo library of accepted and rejected defects per part family, with the decision and the inspector, searchable from the inspection station. New rejections are added with a photo, so the library grows by itself and can be shared with suppliers.',
		benefits: [
			b('quality', 'More consistent decisions at incoming inspection.'),
			b('time', 'Fewer disputes with suppliers.', 120, 'hours/year')
		],
		story: 'semi_final',
		q: 3.8
	},
	{
		key: 'qa-fastener-sampling',
		comp: 2026,
		owner: 'bas.jacobs',
		area: 'quality-control',
		tags: ['data', 'lean'],
		title: 'Sampling plan for standard fasteners instead of 100% inspection',
		problem:
			'Every lot of standard fasteners from approved suppliers is inspected 100% at goods receipt, about 1,800 lots a year. In three years only two lots were rejected, both for wrong labels. The inspection capacity is needed for critical parts.',
		proposal:
			'Move standard fasteners from approved suppliers to a sampling plan based on ISO 2859 (AQL 0.65), switching back to 100% after any rejection. Fasteners for vacuum or optical modules stay at 100%.',
		benefits: [
			b('time', 'Inspection hours freed for critical parts.', 650, 'hours/year'),
			b('money', 'Lower inspection cost.', 38000, 'EUR/year')
		],
		story: 'semi_final',
		q: 3.3
	},
	{
		key: 'qa-bag-particles',
		comp: 2026,
		owner: 'ahmed.bouzid',
		area: 'quality-control',
		tags: ['cleanroom', 'contamination'],
		title: 'Deeltjesmeting op cleanroomzakken bij ontvangst',
		problem:
			'Onderdelen voor de cleanroom komen dubbel verpakt binnen. We kijken bij ontvangst alleen of de zak heel is, niet of hij schoon is. Twee keer dit jaar bleek pas in de cleanroom dat een zak vervuild was, en toen moest de hele zending terug naar de leverancier.',
		proposal:
			'Meet bij ontvangst met de handheld deeltjesteller steekproefsgewijs de buitenzak van cleanroomzendingen (één op de tien). Leg de resultaten vast per leverancier, zodat we leveranciers met problemen snel zien en kunnen aanspreken.',
		benefits: [
			b('quality', 'Vervuilde zendingen komen de cleanroom niet meer in.', 2, 'defects/year'),
			b('money', 'Minder retourzendingen en wachttijd.', 15000, 'EUR/year')
		],
		story: 'semi_final',
		mentor: 'pieter.degroot',
		q: 3.6
	},
	{
		key: 'qa-fixture-wear',
		comp: 2026,
		owner: 'rick.vandenberg',
		area: 'quality-control',
		tags: ['calibration', 'fixtures'],
		title: 'Quarterly wear check of the most-used assembly fixtures',
		problem:
			'Assembly fixtures are measured on the CMM once a year. Some are used 40 times a week and wear faster; a worn locating pin caused three misaligned sub-assemblies last spring.',
		proposal:
			'Measure the 25 most-used fixtures every quarter with a short CMM program per fixture (about 20 minutes each), and give every fixture a usage counter in the MES so the interval can later be based on use.',
		benefits: [b('quality', 'Worn fixtures found before they cause misalignment.', 3, 'defects/year')],
		story: 'semi_final',
		q: 2.9
	},
	{
		key: 'qa-ncr-quick-entry',
		comp: 2026,
		owner: 'yvonne.schouten',
		members: ['bas.jacobs'],
		area: 'quality-control',
		tags: ['digitalisation', 'data'],
		title: 'Non-conformance quick entry on the shop-floor tablets',
		problem:
			'Raising an NCR means going to a PC, logging into the quality system and filling in 23 fields. Operators and inspectors postpone it to the end of the shift, and details such as photos and the exact location get lost.',
		proposal:
			'A short NCR form on the shop-floor tablets: scan the module, choose the defect type, take a photo, add a sentence. The quality engineer completes the other fields afterwards.',
		benefits: [b('time', 'Less time per NCR on the floor.', 300, 'hours/year'), b('quality', 'Better NCR data, with photos.')],
		story: 'semi_final',
		q: 3.4
	},
	{
		key: 'qa-daylight-leds',
		comp: 2026,
		owner: 'nicole.vermeulen',
		area: 'quality-control',
		tags: ['energy', 'visual-management'],
		title: 'Daylight LED lamps at the inspection benches',
		problem:
			'The inspection benches have old fluorescent lamps with a yellowish light. Colour differences in anodised parts and fine scratches are hard to see, and inspectors say their eyes get tired.',
		proposal: 'Replace them with dimmable daylight LED lamps (5000 K, high colour rendering), which also use less energy.',
		benefits: [b('quality', 'Defects easier to see.'), b('money', 'Lower energy use.', 1200, 'EUR/year')],
		story: 'submitted',
		days: [-42, -40]
	},
	{
		key: 'qa-second-cmm',
		comp: 2026,
		owner: 'rick.vandenberg',
		area: 'quality-control',
		tags: ['calibration'],
		title: 'A second CMM for the metrology lab',
		problem: 'Parts wait up to three days for a measurement on the CMM, which delays the release of sub-assemblies.',
		proposal: 'Buy a second CMM of the same type so both can run in parallel.',
		benefits: [b('time', 'Shorter waiting time for measurements.')],
		story: 'declined',
		message:
			'The investment (about EUR 450,000) is far beyond the scope of the Improvement Cup, and the CMM is used 61% of the available hours, so capacity is not yet the bottleneck: the waiting comes from the planning. Your waiting-time analysis is very useful. Please share it with Monique for the capital planning, and consider submitting the planning part as a new idea.',
		answeredBy: 'ruud.vandijk'
	},
	{
		key: 'qa-cert-scan',
		comp: 2026,
		owner: 'ahmed.bouzid',
		area: 'quality-control',
		tags: ['digitalisation', 'traceability'],
		title: 'Scan supplier certificates at goods receipt',
		problem:
			'Material certificates arrive on paper with the goods and are filed in folders per month. When Quality or a customer asks for a certificate, finding it takes up to an hour.',
		proposal:
			'Scan the certificate at goods receipt with the existing document scanner and link it to the receipt in SAP, so it can be found from the part number or the batch.',
		benefits: [b('time', 'Certificates found in seconds.', 150, 'hours/year'), b('quality', 'Full traceability for audits.')],
		story: 'coaching',
		mentor: 'arjen.wijnands'
	},
	{
		key: 'qa-leak-spc',
		comp: 2026,
		owner: 'bas.jacobs',
		area: 'testing',
		tags: ['data'],
		title: 'Control charts for leak-test results per module type',
		problem: 'Leak-test results are only checked against the limit (pass or fail), so slow trends stay invisible.',
		proposal: 'Plot the results per module type on a control chart with warning limits. Start with the wafer stage.',
		benefits: [b('quality', 'Trends seen before modules fail.')],
		story: 'draft'
	}
];

// ------------------------------------------------------------------ Logistics
const LOG: IdeaSeed[] = [
	{
		key: 'log-return-packaging',
		comp: 2026,
		owner: 'jan.kramer',
		area: 'logistics',
		tags: ['5s', 'packaging'],
		title: 'Vaste plekken voor retouremballage in de expeditie',
		problem:
			'Lege retouremballage van leveranciers (kratten, pallets met opzetranden, kisten) wordt neergezet waar plek is. We zoeken er elke dag naar als de leverancier komt ophalen, en soms raakt emballage kwijt en moeten we hem betalen.',
		proposal:
			'Geef elke leverancier een vaste, gemarkeerde plek in de expeditie met een bordje, en tel elke vrijdag wat er staat. Dan staat alles klaar als de vrachtwagen komt.',
		benefits: [b('money', 'Minder betaalde verloren emballage.', 7000, 'EUR/year'), b('time', 'Minder zoeken.', 90, 'hours/year')],
		story: 'semi_final',
		q: 3.0
	},
	{
		key: 'log-consumables-kanban',
		comp: 2026,
		owner: 'roy.deboer',
		area: 'logistics',
		tags: ['kanban', 'cleanroom'],
		title: 'Kanban for cleanroom consumables in the gowning rooms',
		problem:
			'Gloves, wipes, bags and face masks for the cleanrooms are ordered by the team leaders by e-mail when they see that stock is low. Twice this year a cleanroom ran out of the right glove size, while the gowning rooms are full of opened boxes.',
		proposal:
			"Apply the two-bin kanban from last year's fastener project to the consumables in the gowning rooms: fixed locations, two bins per item and a scan on the daily round. Logistics takes over the ordering from the team leaders.",
		benefits: [
			b('time', 'Team leaders no longer order consumables.', 180, 'hours/year'),
			b('quality', 'No shortage of the right glove size.')
		],
		story: 'semi_final',
		mentor: 'erik.brouwer',
		q: 3.7
	},
	{
		key: 'log-reorder-points',
		comp: 2026,
		owner: 'priya.ramdin',
		members: ['wei.zhang'],
		area: 'logistics',
		tags: ['spare-parts', 'data'],
		title: 'Reorder points for service spare parts recalculated from actual usage',
		problem:
			'The reorder points of about 3,000 service spare parts were set when each part was introduced and are rarely reviewed. We hold 1.2 million euros of parts that have not moved in two years, while urgent field orders for other parts wait for the supplier.',
		proposal:
			'Recalculate the reorder points every quarter from the last 24 months of usage and the real supplier lead times, with a simple model in the planning tool. A planner only reviews the parts with a large change.',
		benefits: [
			b('money', 'Less slow-moving stock (one-off reduction).', 180000, 'EUR'),
			b('time', 'Fewer urgent field orders waiting for parts.')
		],
		story: 'semi_final',
		q: 4.1
	},
	{
		key: 'log-pick-to-light',
		comp: 2026,
		owner: 'ellen.maas',
		area: 'logistics',
		tags: ['automation', 'lean'],
		title: 'Pick-to-light for the small-parts warehouse',
		problem:
			'Small parts for the kits are picked from 1,200 bin locations with a paper pick list. About 15 pick errors a month are found at the line, and new colleagues need weeks to learn the locations.',
		proposal:
			'Install pick-to-light on the 300 fastest-moving locations: a light shows where and how many to pick, and the picker confirms with a button. Start with one rack as a pilot.',
		benefits: [
			b('quality', 'Fewer picking errors reaching the line.', 180, 'defects/year'),
			b('time', 'Faster picking and shorter training.', 250, 'hours/year')
		],
		story: 'semi_final',
		mentor: 'daan.verbeek',
		q: 3.2
	},
	{
		key: 'log-dock-screen',
		comp: 2026,
		owner: 'jan.kramer',
		area: 'logistics',
		tags: ['visual-management'],
		title: 'Dock-door schedule on a screen at the gate',
		problem:
			'Trucks arrive without a time slot and wait at the gate while the drivers ask which dock to go to. In the morning there are often five trucks queueing on the access road.',
		proposal:
			'A screen at the gate showing the dock and time slot per carrier, fed from the booking system, and online slot booking for carriers.',
		benefits: [b('time', 'Shorter waiting at the gate.'), b('safety', 'No trucks queueing on the access road.')],
		story: 'submitted',
		days: [-48, -46]
	},
	{
		key: 'log-field-returns',
		comp: 2026,
		owner: 'roy.deboer',
		area: 'logistics',
		tags: ['spare-parts', 'cleanroom', 'packaging'],
		title: 'Return unused field spare parts in sealed cleanroom bags',
		problem:
			'Spare parts that come back unused from field service are often returned in the open or resealed with tape. They must be re-cleaned and re-packed before they can go back into stock.',
		proposal:
			'Give service engineers a return kit with sealable cleanroom bags and a label, so parts that were never unpacked go straight back into stock after a check.',
		benefits: [b('money', 'Less re-cleaning and re-packing.')],
		story: 'returned',
		message:
			'Nice idea, Roy. Could you estimate how many parts come back per month, and what re-cleaning and re-packing costs now? Then the benefit is clear for the jury.',
		answeredBy: 'ruud.vandijk',
		days: [-55, -53, -49, -41]
	},
	{
		key: 'log-label-printer',
		comp: 2026,
		owner: 'ellen.maas',
		area: 'logistics',
		tags: ['traceability', 'lean'],
		title: 'Label printer at the goods-receipt desk',
		problem:
			'Internal labels for goods receipts are printed on the office printer upstairs, about 40 times a day. Receipts wait, and labels get mixed up between pallets.',
		proposal: 'A small label printer at the goods-receipt desk that prints the label directly from the receipt transaction.',
		benefits: [b('time', 'No walking to the office printer.', 120, 'hours/year'), b('quality', 'No mixed-up labels.')],
		story: 'accepted'
	},
	{
		key: 'log-cycle-counting',
		comp: 2026,
		owner: 'priya.ramdin',
		area: 'logistics',
		tags: ['spare-parts', 'data', 'lean'],
		title: 'Cycle counting of A-parts instead of the yearly stock count',
		problem:
			'Once a year the warehouse closes for two days for the full stock count. The differences found then are months old and hard to explain; about 8% of the locations show a difference.',
		proposal:
			'Count the 600 most valuable parts every month and the rest twice a year, spread over normal working days. Differences are investigated the same week, while people still remember what happened.',
		benefits: [b('time', 'No two-day warehouse closure.', 2, 'days/year'), b('quality', 'Stock accuracy from 92% to 98%.')],
		story: 'coaching',
		mentor: 'pieter.degroot',
		days: [-68, -66, -63, -55, -50]
	}
];

// ------------------------------------------------------------------ Test & Calibration
const TST: IdeaSeed[] = [
	{
		key: 'tst-auto-report',
		comp: 2026,
		owner: 'niels.gerritsen',
		area: 'testing',
		tags: ['automation', 'data'],
		title: 'Automatic test report for the wafer-stage test',
		problem:
			'After a wafer-stage test, the technician copies about 60 values from the test software into the Word report template. It takes 45 minutes per module, and typing errors reach the customer documentation.',
		proposal:
			'Generate the report directly from the result file of the test software, in the approved template, so the technician only reviews and signs it.',
		benefits: [b('time', 'No more copying values.', 220, 'hours/year'), b('quality', 'No typing errors in test reports.')],
		story: 'semi_final',
		q: 3.9
	},
	{
		key: 'tst-due-board',
		comp: 2026,
		owner: 'lotte.vandam',
		area: 'calibration',
		tags: ['calibration', 'visual-management'],
		title: 'Calibration due-date screen per lab bench',
		problem:
			'The calibration lab has 140 reference instruments with different due dates. Technicians only see a due date when they open the record, and twice this year a reference was used a few days past its date, which invalidated every calibration done with it.',
		proposal:
			"A screen per bench showing the instruments on that bench as green, orange (due within 30 days) or red. Red instruments also appear in the lab manager's daily e-mail.",
		benefits: [b('quality', 'No calibrations with an overdue reference.', 2, 'defects/year')],
		story: 'semi_final',
		mentor: 'daan.verbeek',
		q: 3.1
	},
	{
		key: 'tst-cable-checklist',
		comp: 2026,
		owner: 'kim.claessens',
		area: 'testing',
		tags: ['work-instruction', 'poka-yoke'],
		title: 'Connection checklist before a 12-hour test run',
		problem:
			'Long overnight test runs sometimes fail after a few hours because a cable was not fully seated or was connected to the wrong channel. The run is repeated the next night and the module leaves a day later.',
		proposal:
			'A short checklist with photos of the 14 connections, checked and signed by a second person before a long run starts. The test software asks for the checklist number before it starts.',
		benefits: [b('time', 'Fewer repeated overnight runs.', 170, 'hours/year')],
		story: 'semi_final',
		mentor: 'bas.jacobs',
		q: 3.3
	},
	{
		key: 'tst-drift-analysis',
		comp: 2026,
		owner: 'stefan.wouters',
		members: ['wei.zhang'],
		area: 'testing',
		tags: ['data'],
		title: 'Use stored test data to catch drifting stage sensors before shipment',
		problem:
			'Every stage test produces detailed sensor data, but we only keep the pass or fail result and the report. Sensors that drift slowly are found only when they fail, often at the customer.',
		proposal:
			'Store the raw sensor data of all stage tests in the data platform and build a simple drift analysis per sensor type. Sensors that drift outside the normal pattern are flagged for replacement before the module ships.',
		benefits: [
			b('quality', 'Fewer sensor failures at customers.', 6, 'defects/year'),
			b('money', 'Fewer field service visits.', 60000, 'EUR/year')
		],
		story: 'semi_final',
		q: 3.6
	},
	{
		key: 'tst-fibre-caps',
		comp: 2026,
		owner: 'kim.claessens',
		area: 'testing',
		tags: ['contamination', '5s'],
		title: 'Dust caps and cleaning pens for fibre connectors on the test racks',
		problem:
			'Fibre-optic connectors on the test racks are left open between tests. Dust on a connector causes signal loss that looks like a module fault; last quarter we spent 30 hours on such false alarms.',
		proposal:
			'Attached dust caps on every fibre connector, a cleaning pen at each rack, and a "clean and inspect before connecting" step in the test instruction.',
		benefits: [b('time', 'Fewer false failures to investigate.', 120, 'hours/year'), b('quality', 'Reliable optical measurements.')],
		story: 'semi_final',
		q: 2.7
	},
	{
		key: 'tst-chamber-booking',
		comp: 2026,
		owner: 'stefan.wouters',
		area: 'testing',
		tags: ['lean', 'digitalisation'],
		title: 'Book the climate chamber in the calendar like a meeting room',
		problem:
			'The climate chamber is shared by Test, Engineering and Quality, and bookings are written on a whiteboard next to it. Double bookings and unused reserved slots happen every week, and people walk to the chamber just to check availability.',
		proposal:
			'Book the chamber in the company calendar like a meeting room, with a maximum of 48 hours per booking and automatic release when a test has not started two hours after the booked time.',
		benefits: [b('time', 'Higher use of the climate chamber.', 15, '% utilisation')],
		story: 'accepted',
		mentorPending: { mentor: 'pieter.degroot', status: 'proposed' },
		days: [-36, -35, -31, -24]
	},
	{
		key: 'tst-night-tests',
		comp: 2026,
		owner: 'niels.gerritsen',
		area: 'testing',
		tags: ['energy'],
		title: 'Run all long module tests at night',
		problem: 'The test cells draw most of their power during the day, when electricity is most expensive, and the halls get warm.',
		proposal: 'Plan all long module tests at night and use the day for set-up and analysis only.',
		benefits: [b('money', 'Lower electricity cost.')],
		story: 'declined',
		message:
			'Night-only testing would add about two days to the lead time of every module and needs a second team of test engineers at night, which Planning cannot absorb this year. The energy point is valid: have a look at the leak-tester standby idea from Build Operations in this round. We invite you to join forces with them.',
		answeredBy: 'karin.vos'
	},
	{
		key: 'tst-pocket-card',
		comp: 2026,
		owner: 'lotte.vandam',
		area: 'calibration',
		tags: ['calibration', 'work-instruction'],
		title: 'Pocket card with the most-used calibration tolerances',
		problem:
			'Technicians look up the same ten tolerances many times a day in the calibration procedures, which means opening the document on the lab PC each time.',
		proposal:
			'A laminated pocket card with the most-used tolerances, generated from the controlled procedures, with the revision number and a QR code to the full procedure. The document controller reprints the cards whenever one of the procedures changes.',
		benefits: [b('time', 'Less looking up of tolerances.', 80, 'hours/year')],
		story: 'resubmitted',
		message:
			'Helpful idea, but a printed copy of controlled values can become outdated. Please describe how the card stays in line with the procedures (revision control, who prints it) and resubmit.',
		answeredBy: 'ruud.vandijk',
		days: [-50, -49, -45, -38, -2]
	}
];

// ------------------------------------------------------------------ Engineering
const ENG: IdeaSeed[] = [
	{
		key: 'eng-screw-rule',
		comp: 2026,
		owner: 'robin.dijkstra',
		area: 'assembly',
		tags: ['poka-yoke', 'lean'],
		title: 'Design rule: one screw length per size within a sub-assembly',
		problem:
			'Some sub-assemblies use five or six screw sizes that look alike, such as M4x8 and M4x10. Operators must check every screw, and a screw that was too long damaged a sensor twice this year.',
		proposal:
			'Add a design-for-assembly rule: one screw length per size within a sub-assembly unless there is a functional reason, checked in the design review. Start with the three sub-assemblies that Build Operations reported most problems with.',
		benefits: [
			b('quality', 'No damage from wrong screw lengths.', 2, 'defects/year'),
			b('time', 'Less checking and fewer part numbers to stock.')
		],
		story: 'semi_final',
		q: 3.4
	},
	{
		key: 'eng-design-feedback',
		comp: 2026,
		owner: 'laura.brink',
		area: 'assembly',
		tags: ['data', 'work-instruction'],
		title: 'Monthly assembly feedback from the floor to the designers',
		problem:
			'Assembly problems caused by the design (poor access, tight tolerances, unclear drawings) are solved on the floor with workarounds. The designers hear about them only occasionally, so the next generation of modules repeats them.',
		proposal:
			'Tag NCRs and work-instruction problem reports that are caused by the design, and discuss the top five with the designers once a month at the line. Each item gets an owner in Engineering and is followed until the design changes or a reason is recorded.',
		benefits: [
			b('quality', 'Design problems solved in the next generation.'),
			b('time', 'Fewer workarounds on the floor.', 400, 'hours/year')
		],
		story: 'semi_final',
		mentor: 'erik.brouwer',
		q: 3.8
	},
	{
		key: 'eng-fpy-dashboard',
		comp: 2026,
		owner: 'wei.zhang',
		area: 'quality-control',
		tags: ['data', 'visual-management'],
		title: 'Daily first-pass yield dashboard per module type',
		problem:
			'First-pass yield of the module tests is reported once a quarter in a slide deck. By then the causes of a bad month are hard to trace, and the teams on the floor never see the numbers.',
		proposal:
			'A daily dashboard of first-pass yield per module type and failure cause, from the test database, shown on the hall screens and linked to the NCRs. Teams discuss the worst cause of the week in their start-of-shift meeting.',
		benefits: [b('quality', 'Faster response when the yield drops.'), b('other', 'Teams see the effect of their own improvements.')],
		story: 'semi_final',
		q: 3.5
	},
	{
		key: 'eng-printed-caps',
		comp: 2026,
		owner: 'gijs.vanvliet',
		area: 'assembly',
		tags: ['contamination', 'fixtures'],
		title: '3D-printed protective caps for open ports in prototype builds',
		problem:
			'During prototype builds, open gas and vacuum ports are covered with tape or foil because the standard caps do not fit the new port shapes. Tape leaves residue, and twice a port was contaminated.',
		proposal:
			'Print caps for the new port shapes in a cleanroom-compatible material as soon as the 3D model of the part is released, and deliver them with the prototype kit.',
		benefits: [
			b('quality', 'No contaminated ports in prototypes.', 2, 'defects/year'),
			b('time', 'No cleaning of tape residue.', 60, 'hours/year')
		],
		story: 'semi_final',
		q: 3.0
	},
	{
		key: 'eng-cleanroom-printer',
		comp: 2026,
		owner: 'gijs.vanvliet',
		area: 'cleanroom',
		tags: ['cleanroom', 'fixtures'],
		title: 'A 3D printer in the Build Operations cleanroom',
		problem: 'Small aids and spacers for assembly are made in the prototype shop outside the cleanroom, which takes days.',
		proposal: 'Place a small 3D printer in the BO cleanroom, so operators can print aids on the spot.',
		benefits: [b('time', 'Assembly aids available the same day.')],
		story: 'returned',
		message:
			'Standard filament printers are not allowed in an ISO-class cleanroom because of particles and fumes. Could you describe which parts you want to print, and whether printing outside and cleaning before entry (as in your caps idea) would also work? Then resubmit.',
		answeredBy: 'karin.vos',
		days: [-45, -44, -40, -33]
	},
	{
		key: 'eng-pump-warning',
		comp: 2026,
		owner: 'wei.zhang',
		area: 'maintenance',
		tags: ['data', 'automation'],
		title: 'Early warning for turbo-pump failures in the test cells',
		problem:
			'The turbo pumps of the test-cell vacuum systems fail without warning, about eight times a year. A failure stops the test cell for two days and sometimes ruins the test in progress.',
		proposal:
			'Read current, temperature and speed from the pump controllers every minute, and alert the maintenance team when a pump starts to deviate from its normal pattern, so it can be replaced during a planned stop.',
		benefits: [
			b('time', 'Less unplanned downtime of test cells.', 300, 'hours/year'),
			b('money', 'Fewer ruined test runs.', 40000, 'EUR/year')
		],
		story: 'coaching',
		mentor: 'daan.verbeek',
		mentorDeclined: {
			mentor: 'wouter.huisman',
			reason: 'Both my slots are taken by Logistics ideas this round, and Daan knows the test-cell data much better than I do.'
		}
	},
	{
		key: 'eng-lifting-points',
		comp: 2026,
		owner: 'laura.brink',
		area: 'safety',
		tags: ['safety', 'ergonomics'],
		title: 'Standard lifting-point patterns for new module frames',
		problem:
			'Every new module frame has its own lifting points, so Build Operations and Logistics need a new lifting tool and a new instruction for almost every product.',
		proposal: 'Define three standard lifting-point patterns for frames up to 500 kg, so the existing lifting beams can be reused.',
		benefits: [
			b('safety', 'Fewer special lifting tools and instructions.'),
			b('money', 'No new lifting beam per product.', 25000, 'EUR/year')
		],
		story: 'screening',
		days: [-30, -28, -24]
	}
];

// ------------------------------------------------------------------ Environment, Health & Safety
const EHS: IdeaSeed[] = [
	{
		key: 'ehs-spill-kits',
		comp: 2026,
		owner: 'henk.scholten',
		area: 'safety',
		tags: ['safety', '5s'],
		title: 'A checked spill kit next to every chemical cabinet',
		problem:
			'Spill kits are stored centrally, one per hall. During an IPA spill in hall 2 last year it took six minutes to fetch the kit, and it turned out to be incomplete.',
		proposal:
			'A small spill kit next to each of the 22 chemical cabinets, with a content list and a monthly check by the cabinet owner, recorded on a tag on the kit.',
		benefits: [b('safety', 'Spills contained within a minute.')],
		story: 'semi_final',
		q: 3.2
	},
	{
		key: 'ehs-nitrogen-recovery',
		comp: 2026,
		owner: 'iris.dewit',
		area: 'testing',
		tags: ['energy', 'sustainability', 'waste'],
		title: 'Re-use the nitrogen purge gas of the test cells',
		problem:
			'The test cells purge modules with high-purity nitrogen, which is vented outside after one pass. Test uses about 900,000 cubic metres of nitrogen a year, the second largest utility cost of the building.',
		proposal:
			'Lead the purge exhaust of the four largest cells through a filter into the low-grade nitrogen net used for glove boxes and blow-off guns. A first calculation shows that 30% of the nitrogen can be re-used.',
		benefits: [b('money', 'Less nitrogen bought.', 85000, 'EUR/year'), b('other', 'Lower CO2 footprint of nitrogen production.')],
		story: 'semi_final',
		mentor: 'wouter.huisman',
		q: 3.6
	},
	{
		key: 'ehs-near-miss-qr',
		comp: 2026,
		owner: 'marcel.smeets',
		area: 'safety',
		tags: ['safety', 'digitalisation'],
		title: 'Bijna-ongevallen melden met een QR-code op de werkplek',
		problem:
			"Bijna-ongevallen worden weinig gemeld: het formulier staat op intranet en kost tien minuten. Vorig jaar kregen we 31 meldingen binnen, terwijl we weten dat er veel meer gebeurt. Zonder meldingen kunnen we de risico's niet wegnemen.",
		proposal:
			'Hang bij elke werkplek een QR-code. Scannen met je telefoon of de tablet opent een kort formulier waarin de locatie al is ingevuld: wat gebeurde er, foto erbij, klaar. Melden kan anoniem, en elke melding krijgt binnen een week een reactie op het bord in de hal.',
		benefits: [b('safety', "Meer meldingen, dus risico's eerder weg.", 100, 'reports/year')],
		story: 'semi_final',
		q: 3.9
	},
	{
		key: 'ehs-noise-map',
		comp: 2026,
		owner: 'henk.scholten',
		area: 'safety',
		tags: ['safety'],
		title: 'Noise map of the build halls',
		problem:
			'Noise levels in the build halls were last measured in 2019, before the new compressors and the extra test cells arrived. Colleagues say hall 4 is louder, but we do not know where hearing protection is needed.',
		proposal:
			'Measure the noise on a grid of points in all halls during a normal shift, publish a colour map at the hall entrances and mark the zones where hearing protection is required.',
		benefits: [b('safety', 'Hearing protection where it is really needed.')],
		story: 'accepted',
		mentorDeclined: {
			mentor: 'arjen.wijnands',
			reason: 'Acoustics is not my field and I am fully booked until the release of the new frame. Nadia would be a better match.'
		}
	},
	{
		key: 'ehs-mt-safety-walk',
		comp: 2026,
		owner: 'marcel.smeets',
		area: 'safety',
		tags: ['safety'],
		title: 'Monthly safety walk by the MT in every hall',
		problem: 'Managers rarely see the shop floor at the moment the work is actually done.',
		proposal: 'Every MT member walks through one hall a month with a safety coordinator, and the findings are posted in the hall.',
		benefits: [b('safety', 'Risks seen and solved by the people who can decide.')],
		story: 'draft'
	}
];

// ------------------------------------------------------------------ General & IT
const GEN: IdeaSeed[] = [
	{
		key: 'gen-password-reset',
		comp: 2026,
		owner: 'jasper.vink',
		area: 'office-process',
		tags: ['digitalisation'],
		title: 'Self-service password reset at the shop-floor terminals',
		problem:
			'Operators who are locked out of the shop-floor terminals (expired password, too many attempts) must call the service desk, which is closed at night. A locked-out operator in the night shift cannot confirm steps in the MES until the morning.',
		proposal:
			'Enable self-service reset with the badge and a PIN at the terminals, as the office PCs already have. About 120 service-desk calls a month are for this.',
		benefits: [
			b('time', 'No waiting for the service desk.', 240, 'hours/year'),
			b('other', 'The night shift is never blocked by a password.')
		],
		story: 'semi_final',
		q: 3.0
	},
	{
		key: 'gen-aisle-sensors',
		comp: 2026,
		owner: 'ton.wijers',
		area: 'maintenance',
		tags: ['energy'],
		title: 'Motion sensors for the lighting in the warehouse aisles',
		problem: 'The 34 aisles of the high-bay warehouse are lit 24 hours a day, although most aisles are entered only a few times an hour.',
		proposal:
			'Fit LED fixtures with motion sensors that dim an aisle to 10% when nobody is there. The current fixtures are due for replacement next year anyway.',
		benefits: [b('money', 'Lower electricity cost.', 21000, 'EUR/year'), b('other', 'About 140 MWh less electricity per year.')],
		story: 'semi_final',
		q: 2.8
	},
	{
		key: 'gen-visitor-video',
		comp: 2026,
		owner: 'noor.hassan',
		area: 'training',
		tags: ['video', 'safety', 'training'],
		title: 'A three-minute safety video for visitors at reception',
		problem:
			'Visitors and contractors receive a two-page safety leaflet at reception, which few of them read. Last year two contractors walked into a cleanroom area without gowning.',
		proposal:
			'A three-minute video in Dutch and English on the tablet at reception that every visitor watches before receiving a badge, with three short questions at the end. The link can also be sent with the visit invitation.',
		benefits: [b('safety', 'Visitors know the rules before they enter.')],
		story: 'semi_final',
		mentor: 'nadia.mertens',
		q: 3.4
	},
	{
		key: 'gen-ambassadors',
		comp: 2026,
		owner: 'sophie.lammers',
		area: 'training',
		tags: ['training'],
		title: 'Improvement ambassadors on every shift',
		problem:
			'Most ideas in the Improvement Cup come from engineers and office staff. Operators tell us they do have ideas, but find it hard to write them down or do not know whether an idea is "big enough".',
		proposal:
			'Train one ambassador per shift and hall who helps colleagues put an idea into words, in Dutch or English, and enters it with them in the portal. Ambassadors get one hour a week for this.',
		benefits: [b('other', 'More ideas from operators and technicians.')],
		story: 'submitted',
		days: [-40, -38]
	},
	{
		key: 'gen-reusable-cups',
		comp: 2026,
		owner: 'ton.wijers',
		area: 'office-process',
		tags: ['waste', 'sustainability'],
		title: 'Reusable cups in the canteen and at the coffee machines',
		problem: 'The canteen and the coffee machines use about 450,000 paper cups a year.',
		proposal: 'Replace the paper cups with reusable mugs and cups, with a washing service.',
		benefits: [b('other', 'Less waste.'), b('money', 'Lower purchasing cost of cups.')],
		story: 'declined',
		message:
			'Good thinking, and it has already been decided: the canteen switches to reusable cups on 1 March as part of the new facilities contract. We have put you in touch with the project lead, who would like your help with the coffee corners in the halls.',
		answeredBy: 'ruud.vandijk'
	}
];

export const IDEAS_2026: readonly IdeaSeed[] = [...BO, ...QA, ...LOG, ...TST, ...ENG, ...EHS, ...GEN];

// ------------------------------------------------------------------ Improvement Cup 2027 (open)
export const IDEAS_2027: readonly IdeaSeed[] = [
	{
		key: 'sanne-gowning-video',
		comp: 2027,
		owner: 'sanne.bakker',
		area: 'training',
		tags: ['video', 'cleanroom', 'training'],
		title: 'Instruction video for putting on a cleanroom suit correctly',
		problem:
			'New colleagues learn gowning from a poster and one demonstration. In the gowning room I regularly see the hood put on after the coverall, or gloves pulled over the sleeves instead of under them. The particle counts in our hall go up after every shift change.',
		proposal:
			'Make a short video (2-3 minutes) of the correct gowning order, filmed in our own gowning room with colleagues, and show it on a screen in the gowning room. Maybe also a check by a buddy in the first weeks.',
		benefits: [b('quality', 'Lower particle counts after shift change.')],
		story: 'draft',
		days: [-2]
	},
	{
		key: 'log-crates',
		comp: 2027,
		owner: 'roy.deboer',
		area: 'logistics',
		tags: ['packaging', 'cleanroom', 'waste'],
		title: 'Reusable cleanroom crates between the warehouse and Build Operations',
		problem:
			'Kits for the cleanroom are packed in new double cleanroom bags and cardboard boxes for the 200-metre trip from the warehouse to the BO airlock: about 60 boxes and 120 bags a day, all thrown away at the airlock.',
		proposal:
			'Closed, cleanable plastic crates that shuttle between the warehouse and the airlock and are wiped down in the airlock like other equipment. Only particle-sensitive parts keep their inner bag.',
		benefits: [b('money', 'Less packaging bought.', 24000, 'EUR/year'), b('other', 'About 15,000 fewer boxes thrown away per year.')],
		story: 'submitted',
		days: [-4, -3]
	},
	{
		key: 'tst-test-andon',
		comp: 2027,
		owner: 'stefan.wouters',
		members: ['kim.claessens'],
		area: 'testing',
		tags: ['automation'],
		title: 'Andon light and phone message when a long test stops',
		problem:
			'When an overnight test stops because of an error, nobody notices until the morning and the night is lost. The test software shows the error only on the screen inside the closed test cell.',
		proposal:
			"Connect the test software to the andon light on each cell and send a message with the error text to the on-call technician's phone when a test stops. The technician decides whether to restart remotely or to come in.",
		benefits: [b('time', 'Fewer lost test nights.', 150, 'hours/year')],
		story: 'submitted',
		days: [-3, -1]
	},
	{
		key: 'ehs-glove-recycling',
		comp: 2027,
		owner: 'iris.dewit',
		area: 'cleanroom',
		tags: ['waste', 'sustainability', 'cleanroom'],
		title: 'Collect cleanroom gloves separately for recycling',
		problem: 'The BO and TST cleanrooms use about 1.1 million nitrile gloves a year, and all of them go into the general waste.',
		proposal:
			"Collect used gloves separately in the gowning rooms and join the glove manufacturer's take-back programme, which recycles them into new products. Start with one gowning room for three months to check the contamination level.",
		benefits: [b('other', 'About 4 tonnes less general waste per year.')],
		story: 'submitted',
		days: [-5, -4]
	}
];
