/**
 * The demo's living work instructions (issue 17), the glossary, and the real files the
 * knowledge base's texts name.
 *
 * - WI-BO-0142 "Torque-tool check-out" (English) on the torque entry, owned by Dennis Koster:
 *   version 1 approved with five steps, step 1 with a photo of the rack, step 3 with the clip
 *   (captions in English and Dutch, a poster frame); Test & Calibration, which adopted the
 *   entry, and Engineering, which pilots it, confirmed version 1. Reports: one closed as not needed with the reason, one open
 *   report passed to Pieter de Groot (Quality). Version 1 stays current, so the journey
 *   (tests/e2e/living-instructions.spec.ts) can publish version 2.
 * - WI-LOG-0031 "Lege kanbanbak wisselen" (Dutch) on the Dutch two-bin entry, owned by Roy
 *   de Boer: version 1 approved with four steps.
 * - On each entry its work instruction as a PDF (kind work_instruction, made here with
 *   pdf-lib: A4, title, code, version, the steps with tools and safety notes); on the torque
 *   entry also the short instruction video its text names (the same clip), with its
 *   captions and poster.
 *
 * Files go through the file store like an upload (a temporary file, then `put` under a new
 * key); the rows carry their real size, SHA-256 and media type. The caller deletes the
 * stored files again if the seed's transaction fails (`DemoFiles.discard`).
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { Insertable, Transaction } from 'kysely';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Attachment, DB } from '../db/schema.js';
import { createTempPath, deleteTempFile, fileStore, newStorageKey } from '../attachments/storage.js';
import { wrapText, writable } from '../posters/poster-builder.js';
import { demoMedia } from './demo-media.js';
import { GLOSSARY } from './demo-glossary.js';
import type { DeptCode } from './demo-org.js';

type Trx = Transaction<DB>;

/** What the seed's builder lends: people, departments, entries by idea key, and the demo's clock. */
export interface InstructionSeedContext {
	trx: Trx;
	uid(key: string): number;
	dept(code: DeptCode): number;
	/** The knowledge-base entry of an idea (by its seed key), with when it was published. */
	entry(ideaKey: string): Promise<{ id: number; publishedAt: Date }>;
	/** A moment `day` days from today (UTC midnight), at hour:minute UTC. */
	at(day: number, hour?: number, minute?: number): Date;
	dayOf(d: Date): number;
	files: DemoFiles;
}

/** Files stored during the seed, so a failed seed leaves none behind. */
export class DemoFiles {
	readonly keys: string[] = [];

	/** Stores `bytes` like an upload; returns the columns an attachment row takes from its file. */
	async store(bytes: Uint8Array, mediaType: string): Promise<{ storageKey: string; sizeBytes: number; sha256: string; mediaType: string }> {
		const temp = await createTempPath();
		const storageKey = newStorageKey();
		try {
			await writeFile(temp, bytes, { flag: 'wx' });
			await fileStore().put(temp, storageKey, { mediaType });
		} catch (error) {
			await deleteTempFile(temp).catch(() => {});
			throw error;
		}
		this.keys.push(storageKey);
		return { storageKey, sizeBytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType };
	}

	async discard(): Promise<void> {
		const store = fileStore();
		for (const key of this.keys.splice(0)) await store.delete(key).catch(() => {});
	}
}

// ---------------------------------------------------------------- the instructions

export type StepSeed = { body: string; tools?: string; safety?: string; media?: 'rack-photo' | 'clip' };

export type InstructionSeed = {
	ideaKey: string;
	code: string;
	title: string;
	language: 'en' | 'nl';
	owner: string;
	/** Days after the entry's publication that version 1 was approved. */
	approvedAfter: number;
	steps: StepSeed[];
	/** Departments running version 1, confirmed by this person on that day (from today; before it, its adoption or pilot started). */
	confirmed: Array<{ dept: DeptCode; by: string; day: number }>;
	pdf: string;
};

export const TORQUE_INSTRUCTION: InstructionSeed = {
	ideaKey: 'k-torque-checkout',
	code: 'WI-BO-0142',
	title: 'Torque-tool check-out',
	language: 'en',
	owner: 'dennis.koster',
	approvedAfter: 6,
	steps: [
		{
			body: 'Go to the torque rack of your line. Every wrench hangs in its own numbered slot with its QR label facing you. Take only a wrench of the size on your work-order card.',
			tools: 'Torque rack BO-3, tablet at the rack',
			safety: 'Do not take a wrench from the rack of another line: its range and setting may differ.',
			media: 'rack-photo'
		},
		{
			body: 'Scan the QR label on the wrench with the tablet. The tablet looks the wrench up in the calibration database and shows its status within two seconds.',
			tools: 'Tablet at the rack (app "Tool check")'
		},
		{
			body: 'Read the status. Green: the calibration is valid, take the wrench. Red: the calibration has expired or the wrench is blocked; hang it back in its slot, and the tablet shows you where the spare is. The clip shows both cases.',
			tools: 'Torque wrench from the rack',
			safety:
				'Never use a wrench that showed red, not even for one bolt: a module bolt at the wrong torque means a re-torque and a non-conformance report.',
			media: 'clip'
		},
		{
			body: 'Set the torque value from the work-order card on the wrench and lock the setting. Check the value on the scale once more before the first bolt.',
			tools: 'Torque wrench, work-order card',
			safety: 'Wear cut-resistant gloves when you work near the edges of the module frame.'
		},
		{
			body: 'After the job, turn the wrench back to its lowest value, hang it in its slot and scan it in. The return scan tells the calibration lab that the wrench is back on the rack.',
			tools: 'Tablet at the rack',
			safety: 'A wrench stored at a high setting loses its accuracy: always release the spring.'
		}
	],
	// Test & Calibration adopted the torque entry; Engineering pilots it in the prototype shop.
	confirmed: [
		{ dept: 'TST', by: 'niels.gerritsen', day: -185 },
		{ dept: 'ENG', by: 'gijs.vanvliet', day: -57 }
	],
	pdf: 'WI-BO-0142-torque-tool-check-out.pdf'
};

export const KANBAN_INSTRUCTION: InstructionSeed = {
	ideaKey: 'k-two-bin',
	code: 'WI-LOG-0031',
	title: 'Lege kanbanbak wisselen',
	language: 'nl',
	owner: 'roy.deboer',
	approvedAfter: 10,
	steps: [
		{
			body: 'Loop om 10:00 de ronde langs alle doorrolstellingen van de modulelijnen en neem de lege bakken van het retourschap.',
			tools: 'Rolcontainer, handscanner',
			safety: 'Rij met de rolcontainer alleen over de gemarkeerde looppaden.'
		},
		{
			body: 'Scan de kanbankaart van elke lege bak. De scanner maakt de aanvulopdracht aan. Geeft hij een rode melding, dan is het artikel niet op voorraad: meld dat meteen bij de teamleider van het magazijn.',
			tools: 'Handscanner'
		},
		{
			body: 'Vul de bak in het magazijn uit de verpakking van de leverancier tot de streep in de bak. Lege verpakking gaat meteen bij het oud papier: karton gaat nooit mee de cleanroomsluis in.',
			tools: 'Veiligheidsmes, telweegschaal voor kleine schroeven',
			safety: 'Draag snijbestendige handschoenen als je de verpakking opensnijdt.'
		},
		{
			body: 'Breng de volle bak voor het einde van de dienst terug en zet hem achter de bak die nog in gebruik is. Controleer of de kanbankaart in de houder zit.',
			tools: 'Rolcontainer',
			safety: 'Let op heftruckverkeer op de kruising tussen hal 2 en hal 3.'
		}
	],
	confirmed: [],
	pdf: 'WI-LOG-0031-lege-kanbanbak-wisselen.pdf'
};

export const DEMO_INSTRUCTIONS: readonly InstructionSeed[] = [TORQUE_INSTRUCTION, KANBAN_INSTRUCTION];

/** The clip's captions: five cues of four seconds, the cards of scripts/demo-media.sh. */
const CUES: Record<'en' | 'nl', string[]> = {
	en: [
		'Scan the QR label on the wrench at the rack.',
		'Green: the calibration is valid. Take the wrench.',
		'Red: the calibration has expired. Hang the wrench back.',
		'Take the spare from the lab shelf the tablet shows you.',
		'Scan the spare too, before you torque the first bolt.'
	],
	nl: [
		'Scan het QR-label op de momentsleutel bij het rek.',
		'Groen: de kalibratie is geldig. Neem de sleutel mee.',
		'Rood: de kalibratie is verlopen. Hang de sleutel terug.',
		'Pak de reservesleutel van het labschap dat de tablet aanwijst.',
		'Scan ook de reservesleutel, voordat je de eerste bout aanhaalt.'
	]
};

/** WebVTT for the clip in one language. */
export function captionsVtt(lang: 'en' | 'nl'): string {
	const time = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`;
	const cues = CUES[lang].map((text, i) => `${i + 1}\n${time(i * 4)} --> ${time(i * 4 + 4)}\n${text}`);
	return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- the PDF

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BRAND = rgb(0.06, 0.2, 0.42);
const WARN = rgb(0.6, 0.16, 0.1);

const PDF_WORDS = {
	en: { version: 'Version', approved: 'approved', owner: 'Owner', step: 'Step', tools: 'Tools', safety: 'Safety', page: 'Page' },
	nl: {
		version: 'Versie',
		approved: 'goedgekeurd',
		owner: 'Eigenaar',
		step: 'Stap',
		tools: 'Gereedschap',
		safety: 'Veiligheid',
		page: 'Pagina'
	}
} as const;

/** The instruction as printed for the workplace: A4, title, code, version, the steps with tools and safety notes. */
export async function instructionPdf(
	instruction: InstructionSeed,
	facts: { version: number; approvedOn: Date; ownerName: string }
): Promise<Uint8Array> {
	const words = PDF_WORDS[instruction.language];
	const doc = await PDFDocument.create();
	// Same bytes every run for the same day: no "now" in the document.
	doc.setTitle(`${instruction.code} ${instruction.title}`);
	doc.setAuthor(facts.ownerName);
	doc.setProducer('IdeaCup demo');
	doc.setCreator('IdeaCup demo');
	doc.setCreationDate(facts.approvedOn);
	doc.setModificationDate(facts.approvedOn);
	const regular = await doc.embedFont(StandardFonts.Helvetica);
	const bold = await doc.embedFont(StandardFonts.HelveticaBold);
	const width = A4[0] - 2 * MARGIN;
	const pages: PDFPage[] = [];
	let page = doc.addPage(A4);
	pages.push(page);
	let y = A4[1] - MARGIN;

	const line = (text: string, font: PDFFont, size: number, color = rgb(0, 0, 0), indent = 0) => {
		for (const part of wrapText(font, writable(font, text), size, width - indent)) {
			if (y < MARGIN + size + 20) {
				page = doc.addPage(A4);
				pages.push(page);
				y = A4[1] - MARGIN;
			}
			page.drawText(part, { x: MARGIN + indent, y: y - size, size, font, color });
			y -= size * 1.35;
		}
	};

	line(instruction.code, bold, 12, BRAND);
	line(instruction.title, bold, 22, BRAND);
	y -= 4;
	const approved = facts.approvedOn.toISOString().slice(0, 10);
	line(
		`${words.version} ${facts.version} · ${words.approved} ${approved} · ${words.owner}: ${facts.ownerName}`,
		regular,
		10,
		rgb(0.3, 0.3, 0.3)
	);
	y -= 6;
	page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 1, color: BRAND });
	y -= 16;
	instruction.steps.forEach((step, i) => {
		line(`${words.step} ${i + 1}`, bold, 13, BRAND);
		line(step.body, regular, 11);
		if (step.tools) line(`${words.tools}: ${step.tools}`, regular, 10, rgb(0.2, 0.2, 0.2), 12);
		if (step.safety) line(`${words.safety}: ${step.safety}`, bold, 10, WARN, 12);
		y -= 10;
	});
	pages.forEach((p, i) =>
		p.drawText(`${instruction.code} · ${words.version} ${facts.version} · ${words.page} ${i + 1}/${pages.length}`, {
			x: MARGIN,
			y: MARGIN / 2,
			size: 8,
			font: regular,
			color: rgb(0.4, 0.4, 0.4)
		})
	);
	return doc.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------- the seed

type AttachmentRow = Insertable<Attachment>;

/** Audit lines as the instructions and reports services write them (instruction.*, report.*). */
async function audit(
	trx: Trx,
	lines: Array<{
		actorId: number;
		action: string;
		objectType: 'work_instruction' | 'instruction_report';
		objectId: number;
		data: object;
		at: Date;
	}>
): Promise<void> {
	await trx
		.insertInto('auditLog')
		.values(
			lines.map((l) => ({
				actorId: l.actorId,
				action: l.action,
				objectType: l.objectType,
				objectId: String(l.objectId),
				data: JSON.stringify(l.data),
				createdAt: l.at
			}))
		)
		.execute();
}

async function insertAttachment(trx: Trx, row: AttachmentRow): Promise<number> {
	const { id } = await trx.insertInto('attachment').values(row).returning('id').executeTakeFirstOrThrow();
	return id;
}

/** A video with its captions (EN, NL) and poster frame, all of the same owner. */
async function insertVideo(
	ctx: InstructionSeedContext,
	owner: { kbEntryId: number } | { instructionId: number },
	video: { fileName: string; uploadedBy: number; createdAt: Date }
): Promise<number> {
	const { trx, files } = ctx;
	const base = { ...owner, uploadedBy: video.uploadedBy, createdAt: video.createdAt };
	const stem = video.fileName.replace(/\.webm$/, '');
	const videoId = await insertAttachment(trx, {
		...base,
		kind: 'video',
		fileName: video.fileName,
		...(await files.store(await demoMedia('torque-checkout.webm'), 'video/webm'))
	});
	for (const lang of ['en', 'nl'] as const) {
		await insertAttachment(trx, {
			...base,
			kind: 'captions',
			lang,
			parentId: videoId,
			fileName: `${stem}.${lang}.vtt`,
			...(await files.store(new TextEncoder().encode(captionsVtt(lang)), 'text/vtt'))
		});
	}
	await insertAttachment(trx, {
		...base,
		kind: 'photo',
		parentId: videoId,
		fileName: `${stem}-poster.png`,
		...(await files.store(await demoMedia('torque-checkout-poster.png'), 'image/png'))
	});
	return videoId;
}

export async function seedGlossary(ctx: InstructionSeedContext): Promise<void> {
	const by = ctx.uid('ruud.vandijk');
	await ctx.trx
		.insertInto('glossaryTerm')
		.values(
			GLOSSARY.map((g, i) => {
				const at = ctx.at(-60 + Math.floor(i / 8), 10, i);
				return { termEn: g.en, termNl: g.nl, note: g.note ?? '', createdBy: by, createdAt: at, updatedAt: at };
			})
		)
		.execute();
}

/** The instruction, its approved version 1 and steps, the departments running it, and its PDF on the entry. */
async function seedInstruction(ctx: InstructionSeedContext, seed: InstructionSeed, ownerName: string) {
	const { trx } = ctx;
	const entry = await ctx.entry(seed.ideaKey);
	const owner = ctx.uid(seed.owner);
	const created = new Date(entry.publishedAt.getTime() + 86_400_000);
	const approvedDay = Math.min(ctx.dayOf(entry.publishedAt) + seed.approvedAfter, -30);
	const approvedAt = ctx.at(approvedDay, 14, 20);
	const { id } = await trx
		.insertInto('workInstruction')
		.values({
			kbEntryId: entry.id,
			code: seed.code,
			title: seed.title,
			language: seed.language,
			ownerId: owner,
			currentVersion: 1,
			createdBy: owner,
			createdAt: created,
			updatedAt: approvedAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const version = await trx
		.insertInto('instructionVersion')
		.values({
			instructionId: id,
			version: 1,
			status: 'approved',
			changeNote: '',
			createdBy: owner,
			createdAt: created,
			approvedBy: owner,
			approvedAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();

	const media = new Map<StepSeed['media'], number>();
	if (seed.steps.some((s) => s.media === 'rack-photo'))
		media.set(
			'rack-photo',
			await insertAttachment(trx, {
				instructionId: id,
				kind: 'photo',
				fileName: 'torque-rack-bo-3.jpg',
				uploadedBy: owner,
				createdAt: created,
				...(await ctx.files.store(await demoMedia('torque-rack.jpg'), 'image/jpeg'))
			})
		);
	if (seed.steps.some((s) => s.media === 'clip'))
		media.set(
			'clip',
			await insertVideo(
				ctx,
				{ instructionId: id },
				{ fileName: 'step-3-green-or-red.webm', uploadedBy: ctx.uid('lisa.vanleeuwen'), createdAt: created }
			)
		);
	const steps = await trx
		.insertInto('instructionStep')
		.values(
			seed.steps.map((s, i) => ({
				versionId: version.id,
				position: i + 1,
				body: s.body,
				tools: s.tools ?? '',
				safety: s.safety ?? '',
				mediaId: s.media ? media.get(s.media)! : null
			}))
		)
		.returning(['id', 'position'])
		.execute();

	const confirmed = seed.confirmed.map((c) => ({
		instructionId: id,
		departmentId: ctx.dept(c.dept),
		version: 1,
		confirmedBy: ctx.uid(c.by),
		confirmedAt: ctx.at(Math.max(c.day, approvedDay + 1), 10, 30)
	}));
	if (confirmed.length) await trx.insertInto('instructionDepartment').values(confirmed).execute();
	await audit(trx, [
		{
			actorId: owner,
			action: 'instruction.create',
			objectType: 'work_instruction',
			objectId: id,
			data: { kbEntryId: entry.id, code: seed.code, title: seed.title, ownerId: owner },
			at: created
		},
		{
			actorId: owner,
			action: 'instruction.approve',
			objectType: 'work_instruction',
			objectId: id,
			data: { version: 1, change: '' },
			at: approvedAt
		},
		...confirmed.map((c) => ({
			actorId: c.confirmedBy,
			action: 'instruction.confirm',
			objectType: 'work_instruction' as const,
			objectId: id,
			data: { departmentId: c.departmentId, version: 1 },
			at: c.confirmedAt
		}))
	]);

	const pdf = await instructionPdf(seed, { version: 1, approvedOn: approvedAt, ownerName });
	await insertAttachment(trx, {
		kbEntryId: entry.id,
		kind: 'work_instruction',
		fileName: seed.pdf,
		uploadedBy: owner,
		createdAt: approvedAt,
		...(await ctx.files.store(pdf, 'application/pdf'))
	});
	return { id, entry, stepId: (position: number) => steps.find((s) => s.position === position)!.id, approvedDay };
}

/** The glossary, both instructions with their files, the entry's video, and the reports on WI-BO-0142. */
export async function seedLivingInstructions(ctx: InstructionSeedContext, names: Map<string, string>): Promise<void> {
	const { trx } = ctx;
	await seedGlossary(ctx);
	const torque = await seedInstruction(ctx, TORQUE_INSTRUCTION, names.get(TORQUE_INSTRUCTION.owner)!);
	await seedInstruction(ctx, KANBAN_INSTRUCTION, names.get(KANBAN_INSTRUCTION.owner)!);

	// The instruction video the torque entry's text names: the same clip, on the entry.
	await insertVideo(
		ctx,
		{ kbEntryId: torque.entry.id },
		{ fileName: 'torque-tool-check-out.webm', uploadedBy: ctx.uid('lisa.vanleeuwen'), createdAt: ctx.at(torque.approvedDay, 15) }
	);

	// From the floor back to the instruction: a better way closed as not needed, and a problem with Quality.
	const dennis = ctx.uid('dennis.koster');
	const kevin = ctx.uid('kevin.meijer');
	const kim = ctx.uid('kim.claessens');
	const pieter = ctx.uid('pieter.degroot');
	const notNeeded =
		'Not needed: the return scan is what tells the calibration lab that the wrench is back, so it can be swapped in the quiet hour before it expires. We made the tablet wake up faster instead; the scan now takes about three seconds.';
	const reports = await trx
		.insertInto('instructionReport')
		.values([
			{
				instructionId: torque.id,
				stepId: torque.stepId(5),
				version: 1,
				kind: 'better_way',
				body: 'Scanning every wrench back in takes time at the end of the shift, when everybody is at the rack at once. Can we skip the return scan when the wrench goes straight back into its own slot?',
				reporterId: kevin,
				status: 'closed',
				resolution: 'not_needed',
				resolutionNote: notNeeded,
				createdAt: ctx.at(-41, 15, 40),
				updatedAt: ctx.at(-37, 11, 5),
				closedAt: ctx.at(-37, 11, 5),
				closedBy: dennis
			},
			{
				instructionId: torque.id,
				stepId: torque.stepId(4),
				version: 1,
				kind: 'problem',
				body: 'The work-order cards of the test set-ups give the torque in lbf·in, the wrench scale is in Nm. Step 4 does not say how to convert, and it is easy to set the wrong value.',
				reporterId: kim,
				status: 'passed_on',
				handlerId: pieter,
				createdAt: ctx.at(-6, 8, 50),
				updatedAt: ctx.at(-5, 9, 35)
			}
		])
		.returning('id')
		.execute();
	const [closed, passed] = reports.map((r) => r.id);
	// The history's and the audit's data as the reports service writes them.
	const closedDetails = { resolution: 'not_needed', version: null, reason: notNeeded, ideaId: null };
	const passedDetails = { handlerId: pieter, handler: names.get('pieter.degroot')! };
	await trx
		.insertInto('instructionReportEvent')
		.values([
			{
				reportId: closed,
				kind: 'reported',
				actorId: kevin,
				data: JSON.stringify({ kind: 'better_way', version: 1 }),
				createdAt: ctx.at(-41, 15, 40)
			},
			{
				reportId: closed,
				kind: 'note',
				actorId: dennis,
				data: JSON.stringify({ text: 'Thanks Kevin. I will ask the calibration lab what they use the return scan for.' }),
				createdAt: ctx.at(-40, 9, 10)
			},
			{
				reportId: closed,
				kind: 'closed',
				actorId: dennis,
				data: JSON.stringify(closedDetails),
				createdAt: ctx.at(-37, 11, 5)
			},
			{
				reportId: passed,
				kind: 'reported',
				actorId: kim,
				data: JSON.stringify({ kind: 'problem', version: 1 }),
				createdAt: ctx.at(-6, 8, 50)
			},
			{ reportId: passed, kind: 'passed_on', actorId: dennis, data: JSON.stringify(passedDetails), createdAt: ctx.at(-5, 9, 35) },
			{
				reportId: passed,
				kind: 'note',
				actorId: dennis,
				data: JSON.stringify({
					text: 'Pieter, can Quality check which work-order cards still give lbf·in, and whether step 4 should show a conversion table?'
				}),
				createdAt: ctx.at(-5, 9, 37)
			}
		])
		.execute();
	// Who was told, as the reports service tells them (all older than the last three days: no e-mail).
	const title = TORQUE_INSTRUCTION.title;
	const note = (userId: number, kind: string, params: Record<string, unknown>, at: Date, read: boolean) => ({
		userId,
		kind,
		params: JSON.stringify(params),
		link: `/instructions/reports/${params.reportId as number}`,
		createdAt: at,
		readAt: read ? new Date(at.getTime() + 2 * 3_600_000) : null,
		mail: 'off',
		emailedAt: null
	});
	const dennisName = names.get('dennis.koster')!;
	await trx
		.insertInto('notification')
		.values([
			note(
				dennis,
				'instruction_report',
				{ reportId: closed, title, step: 5, name: names.get('kevin.meijer')!, kind: 'better_way' },
				ctx.at(-41, 15, 40),
				true
			),
			note(kevin, 'report_update', { reportId: closed, title, step: 5, what: 'note', name: dennisName }, ctx.at(-40, 9, 10), true),
			note(
				kevin,
				'report_update',
				{ reportId: closed, title, step: 5, ...closedDetails, what: 'not_needed', name: dennisName },
				ctx.at(-37, 11, 5),
				true
			),
			note(
				dennis,
				'instruction_report',
				{ reportId: passed, title, step: 4, name: names.get('kim.claessens')!, kind: 'problem' },
				ctx.at(-6, 8, 50),
				true
			),
			note(pieter, 'report_passed', { reportId: passed, title, step: 4, name: dennisName }, ctx.at(-5, 9, 35), false),
			note(
				kim,
				'report_update',
				{ reportId: passed, title, step: 4, what: 'passed_on', handler: passedDetails.handler },
				ctx.at(-5, 9, 35),
				false
			),
			note(kim, 'report_update', { reportId: passed, title, step: 4, what: 'note', name: dennisName }, ctx.at(-5, 9, 37), false),
			note(pieter, 'report_update', { reportId: passed, title, step: 4, what: 'note', name: dennisName }, ctx.at(-5, 9, 37), false)
		])
		.execute();
	await audit(trx, [
		{
			actorId: dennis,
			action: 'report.close',
			objectType: 'instruction_report',
			objectId: closed,
			data: closedDetails,
			at: ctx.at(-37, 11, 5)
		},
		{
			actorId: dennis,
			action: 'report.pass_on',
			objectType: 'instruction_report',
			objectId: passed,
			data: passedDetails,
			at: ctx.at(-5, 9, 35)
		}
	]);
}
