/**
 * Improvement Cup 2025 (closed): the ideas that went all the way to the knowledge base,
 * with their measured results and roll-outs, and a few that did not advance.
 */
import { b, type IdeaSeed } from './demo-types.js';

export const IDEAS_2025: readonly IdeaSeed[] = [
	{
		key: 'k-torque-checkout',
		comp: 2025,
		owner: 'dennis.koster',
		members: ['lisa.vanleeuwen', 'lotte.vandam'],
		area: 'assembly',
		tags: ['torque', 'calibration', 'poka-yoke'],
		title: 'Torque-tool check-out that blocks wrenches with an expired calibration',
		problem:
			'Operators take torque wrenches from the shared rack without seeing whether the calibration is still valid; the sticker is small and often worn. In 2024 we found 14 modules that had been assembled with an overdue wrench. Every one needed a re-torque, a non-conformance report and a check by Quality.',
		proposal:
			'Put a QR code on every torque tool and a tablet at the rack. Scanning the tool shows green or red from the calibration database, and a red tool cannot be checked out. The calibration lab gets an automatic list of the tools that fall due in the next two weeks, so they can be swapped before they expire.',
		benefits: [
			b('quality', 'No more modules assembled with an uncalibrated torque tool.', 14, 'NCRs/year'),
			b('time', 'Re-torque and NCR handling avoided.', 220, 'hours/year'),
			b('money', 'Re-work and inspection cost avoided.', 31000, 'EUR/year')
		],
		story: 'published',
		award: 'winner',
		mentor: 'daan.verbeek',
		kb: {
			summary:
				'A scan at the tool rack stops expired torque wrenches from being used and warns the calibration lab two weeks ahead. Overdue-tool NCRs went from 14 a year to 1.',
			solution:
				'Every torque tool carries a QR label. The tablet at the rack looks the tool up in the calibration database: green means go, red blocks the check-out and tells the operator where to get a replacement. Each Monday the calibration lab receives the list of tools due in the next 14 days and swaps them during the quiet hour. The work instruction WI-BO-0142 was updated and Dennis and Lisa recorded a short instruction video of the check-out.',
			rollOut: 88.5,
			candidates: ['TST', 'ENG', 'LOG'],
			contacts: ['dennis.koster', 'lotte.vandam'],
			results: [
				{ kind: 'defects', before: 14, after: 1, note: 'NCRs for modules assembled with an overdue torque tool, per year' },
				{ kind: 'hours', before: 260, after: 40, note: 'Re-torque and NCR handling hours per year' },
				{ kind: 'euros', before: 36000, after: 5000, note: 'Re-work and inspection cost per year' }
			],
			adoptions: [
				{
					dept: 'TST',
					status: 'adopted',
					owner: 'niels.gerritsen',
					started: -250,
					adopted: -190,
					results: [{ kind: 'defects', before: 5, after: 0, note: 'Test set-ups torqued with an overdue tool, per year' }]
				},
				{
					dept: 'ENG',
					status: 'piloting',
					owner: 'gijs.vanvliet',
					started: -60,
					results: [
						{
							kind: 'hours',
							before: 30,
							after: 12,
							note: 'Prototype shop: time spent checking tool stickers, hours per year (first estimate from the pilot)'
						}
					]
				},
				{
					dept: 'LOG',
					status: 'not_suitable',
					owner: 'ingrid.post',
					started: -120,
					reason:
						"Logistics uses only four torque tools, all in the spare-parts repack area, and they are already on the lab's weekly round. A scanner station would cost more than it saves here."
				}
			]
		}
	},
	{
		key: 'k-contact-card',
		comp: 2025,
		owner: 'joris.bos',
		members: ['esther.smit'],
		area: 'training',
		tags: ['training', 'data', 'visual-management'],
		title: 'Competence contact-card dashboard: who is qualified for which module',
		problem:
			'When a module needs a specific skill (for example the reticle-stage alignment) team leaders phone around to find who is qualified and on shift. The qualification matrix is an Excel file per team that is rarely up to date. On average a module waits 50 minutes for the right person.',
		proposal:
			'Build a simple dashboard from the training records: one contact card per person with photo, shift and the modules they are certified for, searchable by skill. Team leaders update certifications in the training system only, so there is one source. A screen in each hall shows who on the current shift can do what.',
		benefits: [
			b('time', 'Less waiting for a qualified colleague.', 600, 'hours/year'),
			b('quality', 'Only certified people perform critical steps.'),
			b('other', 'Makes it visible where we have only one qualified person (risk).')
		],
		story: 'published',
		award: 'runner_up',
		mentor: 'pieter.degroot',
		kb: {
			summary:
				'A searchable dashboard of "contact cards" shows who on the current shift is certified for which module step. Waiting for a qualified colleague dropped from 50 to 10 minutes.',
			solution:
				'The dashboard reads the certifications from the training system every night and shows a card per employee: photo, shift, department and the module steps they are qualified for. Team leaders search by skill or look at the hall screen. A red marker shows skills with fewer than three qualified people per shift, which the BO MT now uses for its training plan.',
			rollOut: 81,
			candidates: ['QA', 'TST', 'LOG', 'ENG'],
			contacts: ['joris.bos', 'esther.smit'],
			results: [
				{ kind: 'hours', before: 720, after: 150, note: 'Module waiting time for a qualified operator, hours per year' },
				{ kind: 'other', before: 9, after: 3, note: 'Critical skills with a single qualified person per shift' }
			],
			adoptions: [
				{
					dept: 'TST',
					status: 'adopted',
					owner: 'frank.timmermans',
					started: -230,
					adopted: -170,
					results: [{ kind: 'hours', before: 180, after: 60, note: 'Searching for a qualified test engineer, hours per year' }]
				},
				{ dept: 'QA', status: 'piloting', owner: 'yvonne.schouten', started: -45 },
				{ dept: 'LOG', status: 'considering', owner: 'ellen.maas', started: -20 }
			]
		}
	},
	{
		key: 'k-two-bin',
		comp: 2025,
		owner: 'roy.deboer',
		members: ['jan.kramer', 'kevin.meijer'],
		area: 'logistics',
		tags: ['kanban', 'lean', '5s'],
		// Written in Dutch by its team, as are k-onboarding and k-shadow-boards: the knowledge base
		// holds entries in both languages, which the company glossary lets a search cross.
		title: 'Tweebakkensysteem (kanban) voor bevestigingsmiddelen aan de modulelijnen',
		problem:
			'Schroeven, ringen en moeren voor de modulelijnen worden door de operators besteld als ze zien dat een doos leeg is. Een paar keer per week staat een lijn stil omdat een bevestigingsmiddel op is, en het magazijn krijgt spoedorders van drie lijnen tegelijk.',
		proposal:
			'Vervang de dozen door twee bakken per artikelnummer op een doorrolstelling. Is de eerste bak leeg, dan zet de operator hem op het retourschap; de logistiek medewerker scant hem op de dagelijkse ronde en brengt dezelfde dag een volle bak. De tweede bak overbrugt de aanvultijd, zodat een lijn nooit zonder komt te staan.',
		benefits: [
			b('time', 'Geen lijnstops meer door ontbrekende bevestigingsmiddelen.', 300, 'uur/jaar'),
			b('money', 'Minder spoedorders en minder voorraad aan de lijn.', 12000, 'EUR/jaar')
		],
		story: 'published',
		award: 'finalist',
		mentor: 'wouter.huisman',
		kb: {
			summary:
				'Twee bakken per bevestigingsmiddel op een doorrolstelling, aangevuld op een dagelijkse scanronde. Lijnstops door ontbrekende bevestigingsmiddelen gingen van zo’n drie per week naar nul.',
			solution:
				'Elk bevestigingsmiddel heeft twee bakken met een kanbankaart (artikelnummer, aantal, locatie). Een lege bak gaat naar het retourschap aan het eind van de stelling; de logistiek medewerker scant alle lege bakken op de ronde van 10:00 en brengt volle bakken terug voor het einde van de dienst. In het magazijn worden de bakken gevuld uit de verpakking van de leverancier; de lege verpakking gaat meteen bij het oud papier, zodat er geen karton mee de cleanroomsluis in gaat. Werkinstructie WI-LOG-0031 beschrijft de ronde. De bakgroottes zijn berekend uit zes maanden verbruik en worden elk kwartaal herzien.',
			rollOut: 90,
			candidates: ['TST', 'ENG', 'BO'],
			contacts: ['roy.deboer', 'jan.kramer'],
			results: [
				{ kind: 'hours', before: 310, after: 20, note: 'Uren lijnstop door ontbrekende bevestigingsmiddelen, per jaar' },
				{ kind: 'euros', before: 18500, after: 6500, note: 'Spoedorders en spoedtransport, per jaar' }
			],
			adoptions: [
				{
					dept: 'TST',
					status: 'adopted',
					owner: 'kim.claessens',
					started: -220,
					adopted: -160,
					results: [
						{
							kind: 'hours',
							before: 60,
							after: 5,
							note: 'Test-cell waiting time for consumables (cable ties, caps, wipes), hours per year'
						}
					]
				},
				{ dept: 'QA', status: 'considering', owner: 'yvonne.schouten', started: -15 }
			]
		}
	},
	{
		key: 'k-calibration-videos',
		comp: 2025,
		owner: 'lotte.vandam',
		members: ['kim.claessens'],
		area: 'calibration',
		tags: ['video', 'calibration', 'work-instruction', 'training'],
		title: 'Instruction videos for the interferometer calibration set-up',
		problem:
			'Setting up the interferometer for a stage calibration takes 27 steps, and the written instruction is hard to follow for technicians who do it only a few times a year. Mistakes in the set-up mean the calibration run of four hours must be repeated.',
		proposal:
			'Record short videos (1-3 minutes) of each critical part of the set-up, made by the technicians themselves, and link them from the steps in the digital work instruction. Review them once a year together with the instruction.',
		benefits: [
			b('time', 'Fewer repeated calibration runs.', 160, 'hours/year'),
			b('quality', 'More consistent set-ups between technicians.'),
			b('other', 'New technicians are productive sooner.')
		],
		story: 'published',
		award: 'finalist',
		mentor: 'nadia.mertens',
		kb: {
			summary:
				'Eight short videos made by the technicians themselves, linked from the work instruction. Repeated calibration runs dropped from 40 to 9 a year.',
			solution:
				'Lotte and Kim filmed eight clips with a phone on a gimbal, in the lab, with the real equipment, and added subtitles in Dutch and English. Each clip is linked from the matching step of the digital work instruction. The videos are reviewed when the instruction is revised, and new technicians watch them before their first supervised set-up.',
			rollOut: 76.5,
			candidates: ['BO', 'ENG', 'QA'],
			contacts: ['lotte.vandam'],
			results: [
				{ kind: 'hours', before: 160, after: 36, note: 'Repeated four-hour calibration runs, hours per year' },
				{ kind: 'defects', before: 40, after: 9, note: 'Set-up errors found during calibration, per year' }
			],
			adoptions: [
				{
					dept: 'BO',
					status: 'piloting',
					owner: 'ilse.verbruggen',
					started: -90,
					results: [
						{
							kind: 'hours',
							before: 24,
							after: 15,
							note: 'Training time per new operator on the illuminator alignment, hours (pilot with 4 operators)'
						}
					]
				},
				{ dept: 'ENG', status: 'considering', owner: 'robin.dijkstra', started: -30 }
			]
		}
	},
	{
		key: 'k-lifting-aid',
		comp: 2025,
		owner: 'marcel.smeets',
		members: ['kevin.meijer', 'henk.scholten'],
		area: 'safety',
		tags: ['ergonomics', 'safety', 'fixtures'],
		title: 'Lifting aid for the 38 kg wafer-stage covers',
		problem:
			'The side covers of the wafer stage weigh 38 kg and are lifted onto the frame by two operators, at shoulder height and with a twist. Two back complaints were reported in 2024, and the covers are sometimes put down on the cleanroom floor because nobody is free to help.',
		proposal:
			'Use a cleanroom-compatible balancing arm with a vacuum gripper designed for the cover, mounted on the existing overhead rail. One operator can then place the cover alone, in a straight posture, and the cover never touches the floor.',
		benefits: [
			b('safety', 'No two-person lift at shoulder height.', 2, 'incidents/year'),
			b('quality', 'Covers no longer put down on the floor (particles, scratches).'),
			b('time', 'Second operator no longer needed for the lift.', 90, 'hours/year')
		],
		story: 'published',
		award: 'finalist',
		mentor: 'arjen.wijnands',
		kb: {
			summary:
				'A balancing arm with a vacuum gripper lets one operator place the 38 kg covers in an upright posture. No lifting complaints since.',
			solution:
				"EHS and BO selected a pneumatic balancing arm that meets the cleanroom class, with a vacuum gripper made by the prototype shop for the cover's flat face. It is mounted on the existing rail above stations 3 and 4. The work instruction now says covers are only moved with the arm, and the risk assessment was updated.",
			rollOut: 72,
			candidates: ['BO', 'TST'],
			contacts: ['marcel.smeets', 'nadia.mertens'],
			results: [
				{ kind: 'safety', before: 2, after: 0, note: 'Reported back complaints from the cover lift, per year' },
				{ kind: 'hours', before: 110, after: 15, note: 'Second-operator time for the lift, hours per year' },
				{ kind: 'defects', before: 6, after: 0, note: 'Covers with scratches or particles after floor contact, per year' }
			],
			adoptions: [
				{
					dept: 'BO',
					status: 'adopted',
					owner: 'marieke.visser',
					started: -280,
					adopted: -240,
					results: [{ kind: 'safety', before: 3, after: 0, note: 'Two-person lifts above 25 kg per shift at stations 5-6' }]
				},
				{ dept: 'TST', status: 'piloting', owner: 'niels.gerritsen', started: -40 }
			]
		}
	},
	{
		key: 'k-first-article',
		comp: 2025,
		owner: 'nicole.vermeulen',
		members: ['yvonne.schouten'],
		area: 'quality-control',
		tags: ['work-instruction', 'digitalisation', 'traceability'],
		title: 'Report problems straight from the digital work instruction',
		problem:
			'When an operator meets a problem with a step (a drawing that does not match, a part that does not fit) it is told to the team leader, who may or may not pass it on. Quality hears about it weeks later, or only when it turns into a non-conformance.',
		proposal:
			'Add a "report a problem" button to every step of the digital work instruction. The report carries the step, module serial and a photo, goes to the responsible process engineer, and is visible to everyone on that instruction until it is solved, so the next shift knows too.',
		benefits: [
			b('quality', 'Problems solved at the source before they become NCRs.', 25, 'NCRs/year'),
			b('other', 'Everyone sees which problems are known and being solved.')
		],
		story: 'published',
		mentor: 'erik.brouwer',
		kb: {
			summary:
				'A button on each work-instruction step sends a problem report with photo to the responsible engineer; open reports are visible to every shift.',
			solution:
				'The work-instruction system got a report form per step. Reports are routed to the process engineer who owns the instruction, with Quality in copy; they are shown as a yellow note on the step until closed. Each week the BO MT reviews reports older than ten days. In the first six months 212 reports were made and 180 were solved, 40 of them by changing the instruction itself.',
			rollOut: 84,
			candidates: ['BO', 'TST', 'ENG'],
			contacts: ['nicole.vermeulen', 'yvonne.schouten'],
			results: [
				{ kind: 'defects', before: 61, after: 37, note: 'NCRs caused by instruction or drawing errors, per year' },
				{ kind: 'hours', before: 400, after: 260, note: 'Time spent on NCR handling for these causes, hours per year' }
			],
			adoptions: [
				{ dept: 'BO', status: 'adopted', owner: 'joris.bos', started: -260, adopted: -200 },
				{
					dept: 'TST',
					status: 'adopted',
					owner: 'stefan.wouters',
					started: -200,
					adopted: -130,
					results: [{ kind: 'defects', before: 18, after: 10, note: 'Test procedure deviations per year' }]
				}
			]
		}
	},
	{
		key: 'k-hose-labels',
		comp: 2025,
		owner: 'robin.dijkstra',
		members: ['gijs.vanvliet', 'mehmet.yilmaz'],
		area: 'assembly',
		tags: ['poka-yoke', 'work-instruction'],
		title: 'Standard labels for purge hoses and cables in module integration',
		problem:
			'Purge-gas hoses and signal cables in module integration are labelled by hand with different styles per shift. In 2024 a swapped purge hose went unnoticed until final test and cost two days of re-work.',
		proposal:
			'Define one labelling standard (colour per medium, printed label with both connection points) and let the kitting area deliver the hoses and cables pre-labelled. The work instruction shows the label next to each connection.',
		benefits: [
			b('quality', 'No swapped hoses or cables.', 3, 'defects/year'),
			b('time', 'Less searching and checking during integration.', 120, 'hours/year')
		],
		story: 'published',
		kb: {
			summary:
				'Colour-coded, pre-printed labels with both connection points, delivered with the kit. No swapped hoses since the introduction.',
			solution:
				'ENG wrote a short labelling standard: blue for nitrogen purge, green for clean dry air, yellow for signal cables, with the "from" and "to" connection printed on the label. The kitting area prints labels from the bill of materials, so operators receive every hose labelled. The integration work instructions show the label at each step.',
			rollOut: 68.5,
			candidates: ['BO', 'TST'],
			contacts: ['robin.dijkstra', 'gijs.vanvliet'],
			results: [
				{ kind: 'defects', before: 3, after: 0, note: 'Swapped hoses or cables found in final test, per year' },
				{ kind: 'hours', before: 150, after: 40, note: 'Labelling and checking time in integration, hours per year' }
			],
			adoptions: [{ dept: 'TST', status: 'adopted', owner: 'niels.gerritsen', started: -180, adopted: -120 }]
		}
	},
	{
		key: 'k-onboarding',
		comp: 2025,
		owner: 'sophie.lammers',
		members: ['anouk.dekker'],
		area: 'training',
		tags: ['training', 'cleanroom'],
		title: 'Checklist van één pagina voor de eerste twee weken van een nieuwe cleanroomoperator',
		problem:
			'Nieuwe cleanroomoperators krijgen hun omkleedtraining, ESD-training en werkplekintroductie van verschillende mensen, en niemand houdt bij wat al gedaan is. Sommigen beginnen aan de lijn zonder de contaminatietraining; anderen krijgen dezelfde introductie twee keer.',
		proposal:
			'Eén checklist per nieuwe operator, in beheer bij de teamleider: dag 1 tot en met dag 10, met wie welke training geeft en een handtekening per onderdeel. Als hij compleet is, gaat hij naar het opleidingssysteem.',
		benefits: [
			b('quality', 'Geen operator aan de lijn zonder de verplichte trainingen.'),
			b('other', 'Nieuwe collega’s voelen zich verwacht en welkom.')
		],
		story: 'published',
		kb: {
			summary:
				'Een checklist voor de eerste tien dagen zorgt dat elke nieuwe cleanroomoperator de juiste trainingen krijgt, van de juiste mensen, en maar één keer.',
			solution:
				'HR en BO schreven de checklist samen met twee ervaren operators. Erop staan de trainingen (omkleden, ESD, contaminatie, veiligheidsronde, meeloopdiensten), wie ze geeft en wanneer. De teamleider tekent elk onderdeel af; HR archiveert de complete lijst. Anouk voegde er een pagina "wie is wie in je hal" aan toe, en volgens nieuwe collega’s helpt die het meest.',
			rollOut: 79,
			candidates: ['BO', 'QA', 'LOG', 'TST'],
			contacts: ['sophie.lammers', 'anouk.dekker'],
			results: [
				{
					kind: 'other',
					before: 7,
					after: 0,
					note: 'Nieuwe operators die aan de lijn begonnen terwijl er een training ontbrak (eerste tegenover tweede halfjaar)'
				}
			],
			adoptions: [
				{ dept: 'QA', status: 'adopted', owner: 'yvonne.schouten', started: -200, adopted: -150 },
				{
					dept: 'LOG',
					status: 'not_suitable',
					owner: 'ellen.maas',
					started: -150,
					reason:
						'Magazijnmedewerkers werken niet in de cleanroom; ons inwerken volgt al het opleidingsplan voor het heftruckcertificaat, dat dezelfde behoefte dekt.'
				}
			]
		}
	},
	{
		key: 'k-shadow-boards',
		comp: 2025,
		owner: 'anouk.dekker',
		members: ['sanne.bakker'],
		area: 'cleanroom',
		tags: ['5s', 'cleanroom', 'lean'],
		title: '5S-schaduwborden op de gereedschapswagens in de cleanroom',
		problem:
			'De gereedschapswagens in de cleanroom worden door drie ploegen gedeeld, en gereedschap raakt zoek of belandt op de verkeerde wagen. Operators gaan de cleanroom uit om gereedschap te halen, en dan moeten ze zich opnieuw omkleden: elke keer zo’n 15 minuten.',
		proposal:
			'Geef elke wagen een cleanroomgeschikt schaduwbord met een uitsparing per stuk gereedschap, en een controle bij elke ploegoverdracht. Ontbrekend gereedschap zie je in één oogopslag, en je weet welke ploeg het het laatst had.',
		benefits: [b('time', 'Minder vaak de cleanroom uit.', 250, 'uur/jaar'), b('quality', 'Geen los gereedschap meer bij open modules.')],
		story: 'published',
		kb: {
			summary:
				'Schaduwborden op elke gereedschapswagen in de cleanroom en een controle van 30 seconden bij de ploegoverdracht. Het aantal keren dat iemand de cleanroom uit moest voor gereedschap daalde met 80%.',
			solution:
				'De borden zijn gesneden uit ESD-veilig, deeltjesarm schuim in twee kleuren, met een uitsparing per stuk gereedschap en het wagennummer erin gegraveerd. Bij de ploegoverdracht controleert de vertrekkende operator het bord en noteert ontbrekend gereedschap op het overdrachtsformulier. Reservegereedschap ligt in de omkleedruimte, zodat niemand voor een ontbrekend stuk de cleanroom uit hoeft.',
			rollOut: 86,
			candidates: ['TST', 'QA', 'LOG', 'GEN'],
			contacts: ['anouk.dekker'],
			results: [
				{
					kind: 'hours',
					before: 300,
					after: 60,
					note: 'Keren de cleanroom uit om gereedschap te halen (met opnieuw omkleden), uren per jaar'
				},
				{ kind: 'defects', before: 4, after: 0, note: 'Gereedschap gevonden in of op een module na de assemblage, per jaar' }
			],
			adoptions: [
				{
					dept: 'TST',
					status: 'adopted',
					owner: 'kim.claessens',
					started: -240,
					adopted: -200,
					results: [{ kind: 'hours', before: 80, after: 20, note: 'Searching for tools in the test cells, hours per year' }]
				},
				{ dept: 'QA', status: 'adopted', owner: 'rick.vandenberg', started: -210, adopted: -175 },
				{ dept: 'LOG', status: 'considering', owner: 'ellen.maas', started: -25 },
				{
					dept: 'GEN',
					status: 'not_suitable',
					owner: 'ton.wijers',
					started: -160,
					reason:
						'Facility tool carts are shared with external contractors who bring their own tools; in the trial week the boards did not stay complete and nobody felt responsible.'
				}
			]
		}
	},
	{
		key: 'k-rfid-stickers',
		comp: 2025,
		owner: 'rick.vandenberg',
		area: 'calibration',
		tags: ['calibration', 'traceability', 'digitalisation'],
		title: 'RFID tags instead of paper calibration stickers on gauges',
		problem:
			'Paper calibration stickers on gauges and callipers wear off, and then the gauge is taken out of use until the lab confirms its status. This happens about twice a week.',
		proposal:
			'Fit each gauge with a small RFID tag and give inspection benches a reader that shows the calibration status from the database.',
		benefits: [b('time', 'Fewer gauges blocked for an unreadable sticker.', 80, 'hours/year')],
		story: 'not_advanced',
		message:
			'The jury liked the problem statement, but the tags do not survive the ultrasonic cleaning of the gauges and the readers are expensive for the number of benches. It stayed below the threshold for the final in the QA semi-final. Please look at the QR approach of the BO torque-tool idea, which solves the same problem.'
	},
	{
		key: 'k-milk-run',
		comp: 2025,
		owner: 'jan.kramer',
		area: 'logistics',
		tags: ['lean', 'waste'],
		title: 'Fixed route and timetable for the internal milk run',
		problem:
			'The internal tugger train drives on request, so some halls are visited five times a morning and others once. Drivers spend much of their time waiting for calls.',
		proposal: 'Drive a fixed route every 45 minutes with a timetable at each stop; urgent requests are added to the next round.',
		benefits: [b('time', 'Less driving and waiting.', 200, 'hours/year'), b('other', 'Fewer tugger kilometres and less energy.')],
		story: 'not_advanced',
		message:
			'A sound lean idea, but Build Operations needs urgent deliveries within 15 minutes during module integration, which a 45-minute loop cannot guarantee. It stayed below the threshold for the final in the Logistics semi-final. The jury suggests a fixed loop for the non-cleanroom halls only; Logistics will try that in Q2.'
	},
	{
		key: 'k-room-release',
		comp: 2025,
		owner: 'jasper.vink',
		area: 'office-process',
		tags: ['digitalisation', 'energy'],
		title: 'Release meeting rooms automatically when nobody checks in',
		problem: 'About a third of the booked meeting rooms stay empty, while people look for a room for a quick meeting.',
		proposal:
			'Add a check-in button to the room panels; a booking without check-in within 10 minutes is released and the climate control goes to standby.',
		benefits: [b('time', 'Less time looking for rooms.', 150, 'hours/year'), b('other', 'Lower energy use of empty rooms.')],
		story: 'not_advanced',
		message:
			'Useful, but the roll-out potential to the shop floor is small and the room panels are being replaced next year anyway. It stayed below the threshold for the final in the General & IT semi-final. IT will include the check-in in the specification of the new panels.'
	}
];
