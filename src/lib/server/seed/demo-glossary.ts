/**
 * The demo company's glossary: English and Dutch terms from the shop floor, the lab and the
 * warehouse, kept by the organiser Ruud van Dijk (/organise/glossary). A search in the
 * knowledge base or in "solved before?" is expanded with the other language's term, so
 * "momentsleutel" finds the torque-wrench entry and "packaging" the Dutch "verpakking" one.
 * Only real pairs: a word that is the same in both languages (operator, cleanroom) is no pair.
 */
export type GlossarySeed = { en: string; nl: string; note?: string };

export const GLOSSARY: readonly GlossarySeed[] = [
	{ en: 'torque wrench', nl: 'momentsleutel' },
	{ en: 'torque', nl: 'aanhaalmoment', note: 'The value a bolt is tightened to, in Nm. On the floor also "moment".' },
	{ en: 'work instruction', nl: 'werkinstructie', note: 'WI in both languages, e.g. WI-BO-0142.' },
	{ en: 'safety', nl: 'veiligheid' },
	{ en: 'calibration', nl: 'kalibratie' },
	{ en: 'inspection', nl: 'inspectie' },
	{ en: 'incoming inspection', nl: 'ingangscontrole' },
	{ en: 'gloves', nl: 'handschoenen' },
	{ en: 'safety glasses', nl: 'veiligheidsbril' },
	{ en: 'hearing protection', nl: 'gehoorbescherming' },
	{ en: 'personal protective equipment', nl: 'persoonlijke beschermingsmiddelen', note: 'PPE in English, PBM in Dutch.' },
	{ en: 'spare parts', nl: 'reserveonderdelen' },
	{ en: 'bolt', nl: 'bout' },
	{ en: 'screw', nl: 'schroef' },
	{ en: 'nut', nl: 'moer' },
	{ en: 'washer', nl: 'sluitring', note: 'On the floor mostly just "ring".' },
	{ en: 'fastener', nl: 'bevestigingsmiddel' },
	{ en: 'scrap', nl: 'afkeur', note: 'A part that cannot be used or repaired.' },
	{ en: 'rework', nl: 'herbewerking' },
	{ en: 'non-conformance report', nl: 'afwijkingsrapport', note: 'NCR in both languages.' },
	{ en: 'shift handover', nl: 'ploegoverdracht' },
	{ en: 'shift', nl: 'ploeg', note: 'Also "dienst" (early, late and night shift: vroege, late en nachtdienst).' },
	{ en: 'team leader', nl: 'teamleider' },
	{ en: 'fall protection', nl: 'valbeveiliging' },
	{ en: 'lifting', nl: 'tillen' },
	{ en: 'lifting aid', nl: 'tilhulp' },
	{ en: 'forklift', nl: 'heftruck' },
	{ en: 'packaging', nl: 'verpakking' },
	{ en: 'warehouse', nl: 'magazijn' },
	{ en: 'goods receipt', nl: 'goederenontvangst' },
	{ en: 'lead time', nl: 'doorlooptijd' },
	{ en: 'bin', nl: 'bak', note: 'As in the two-bin kanban: tweebakkensysteem.' },
	{ en: 'label', nl: 'etiket', note: 'Colleagues often say "sticker" in both languages.' },
	{ en: 'tool trolley', nl: 'gereedschapswagen' },
	{ en: 'shadow board', nl: 'schaduwbord' },
	{ en: 'assembly', nl: 'assemblage' },
	{ en: 'test set-up', nl: 'testopstelling' },
	{ en: 'calliper', nl: 'schuifmaat' },
	{ en: 'gowning', nl: 'omkleden', note: 'Putting on the cleanroom suit in the gowning room (omkleedruimte).' },
	{ en: 'contamination', nl: 'contaminatie', note: 'Also "vervuiling".' },
	{ en: 'maintenance', nl: 'onderhoud' },
	{ en: 'breakdown', nl: 'storing' },
	{ en: 'emergency stop', nl: 'noodstop' },
	{ en: 'risk assessment', nl: 'risico-inventarisatie', note: 'The RI&E in Dutch law.' },
	{ en: 'hose', nl: 'slang' },
	{ en: 'drawing', nl: 'tekening' },
	{ en: 'training', nl: 'opleiding', note: 'A single course is also "training" in Dutch.' }
];
