/** The benchmark's tables: one per engine and one combined, each row against its goal (issue 12). */
import type { EngineResult } from './measure.js';
import type { MailResult } from './mail.js';

export type Row = {
	what: string;
	measured: string;
	reference: string;
	ratio: string;
	goal: string;
	/** true / false against the goal; null when the row has no goal. */
	met: boolean | null;
};

const n = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const ratioOf = (a: number, b: number) => a / b;

export function rowsOf(r: EngineResult): Row[] {
	const rows: Row[] = [];
	const large = r.size >= 100_000;
	const pg = r.engine === 'postgres';
	const add = (what: string, measured: string, reference: string, ratio: string, goal: string, met: boolean | null) =>
		rows.push({ what, measured, reference, ratio, goal, met });

	add('memory at start (RSS, MB)', n(r.memory.start, 0), '', '', '', null);
	add('memory peak under load (RSS, MB)', n(r.memory.peak, 0), '', '', '', null);
	add('memory at rest after load (RSS, MB)', n(r.memory.rest, 0), '', '', '<= 250', r.memory.rest <= 250);

	const p = r.pages;
	const anon = p['/bench/empty anonymous'];
	const signed = p['/bench/empty signed in'];
	const oneRow = p['/bench/one-row'];
	const cpuRatio = ratioOf(signed.cpuMsPerRequest, anon.cpuMsPerRequest);
	add(
		'signed-in /bench/empty: CPU ms/request',
		n(signed.cpuMsPerRequest, 2),
		`anonymous ${n(anon.cpuMsPerRequest, 2)}`,
		`${n(cpuRatio, 2)}x`,
		'<= 1.5x',
		cpuRatio <= 1.5
	);
	add('/bench/one-row: requests/s', n(oneRow.rps, 0), `anonymous empty ${n(anon.rps, 0)}/s`, `${n(oneRow.rps / anon.rps, 2)}`, '', null);
	for (const [key, m] of Object.entries(p)) {
		const isRef = key.startsWith('/bench/');
		if (!isRef) {
			const rpsRatio = ratioOf(m.rps, oneRow.rps);
			const goal = key.startsWith('all ideas') ? '>= 0.5' : '';
			add(`${key}: requests/s`, n(m.rps, 0), `one-row ${n(oneRow.rps, 0)}/s`, n(rpsRatio, 2), goal, goal ? rpsRatio >= 0.5 : null);
			add(
				`${key}: CPU ms/request`,
				n(m.cpuMsPerRequest, 2),
				`one-row ${n(oneRow.cpuMsPerRequest, 2)}`,
				`${n(m.cpuMsPerRequest / oneRow.cpuMsPerRequest, 2)}x`,
				'',
				null
			);
		}
		const stmtGoal = key !== '/bench/empty anonymous' && key !== '/bench/one-row';
		add(
			`${key}: statements/request`,
			m.statementsMax !== m.statements ? `${m.statements} (max ${m.statementsMax})` : String(m.statements),
			'',
			'',
			stmtGoal ? '<= 5' : '',
			stmtGoal ? m.statementsMax <= 5 : null
		);
		if (m.errors) add(`${key}: failed requests`, `${m.errors} of ${m.requests}`, '', '', '0', false);
	}

	const s = r.search;
	add(
		'search p50 (ms, one at a time)',
		n(s.p50),
		`SQL ${n(s.sqlP50)}, ${s.queries} queries`,
		`${n(s.ratioP50, 2)}x`,
		large ? '' : '<= 20',
		large ? null : s.p50 <= 20
	);
	add('search p99 (ms)', n(s.p99), `SQL ${n(s.sqlP99)}`, `${n(s.ratioP99, 2)}x`, large ? '<= 300' : '<= 100', s.p99 <= (large ? 300 : 100));
	add('search page against its SQL (p50)', `${n(s.ratioP50, 2)}x`, '', '', '<= 1.5x', s.ratioP50 <= 1.5);
	add(
		'search: statements/request',
		s.statementsMax !== s.statements ? `${s.statements} (max ${s.statementsMax})` : String(s.statements),
		'',
		'',
		'<= 5',
		s.statementsMax <= 5
	);
	add(`search at ${''}10 at once: p99 (ms)`, n(s.concurrent.p99), `p50 ${n(s.concurrent.p50)}`, '', '', null);
	add('search at 10 at once: CPU ms/request', n(s.concurrent.cpuMsPerRequest, 2), '', '', '', null);
	add('/kb landing p99 (ms)', n(s.landing.p99), `p50 ${n(s.landing.p50)}`, '', '<= 300', s.landing.p99 <= 300);
	add('/kb landing: statements/request', String(s.landing.statementsMax), '', '', '<= 5', s.landing.statementsMax <= 5);
	if (s.errors) add('search: failed requests', String(s.errors), '', '', '0', false);

	const v = r.save;
	add(`score save, ${v.jurors} at once x ${v.rounds}: lost`, String(v.check.lost), '', '', '0', v.check.lost === 0);
	add('score save: doubled', String(v.check.doubled), '', '', '0', v.check.doubled === 0);
	add('score save: refused or failed', `${v.failed} of ${v.saves}`, '', '', '0', v.failed === 0);
	add('score save p99 (ms)', n(v.p99), `p50 ${n(v.p50)}`, '', pg ? '<= 100' : '', pg ? v.p99 <= 100 : null);
	add(
		'score save: statements/request',
		v.statementsMax !== v.statements ? `${v.statements} (max ${v.statementsMax})` : String(v.statements),
		'',
		'',
		'<= 5',
		v.statementsMax <= 5
	);
	add('score save: CPU ms/request', n(v.cpuMsPerSave, 2), '', '', '', null);
	return rows;
}

function table(header: string[], body: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const metText = (m: boolean | null) => (m === null ? '' : m ? 'yes' : 'NO');

export function engineTable(r: EngineResult): string {
	const rows = rowsOf(r);
	const head = `${r.engine}: ${r.kbEntries} published knowledge-base entries; load average ${r.loadavg.start.join(' ')} at start, ${r.loadavg.end.join(' ')} at end; ${r.seconds} s`;
	return `${head}\n\n${table(
		['what', 'measured', 'reference', 'ratio', 'goal', 'met'],
		rows.map((x) => [x.what, x.measured, x.reference, x.ratio, x.goal, metText(x.met)])
	)}`;
}

export function combinedTable(results: EngineResult[]): string {
	const perEngine = results.map(rowsOf);
	const whats = perEngine[0].map((x) => x.what);
	for (const rows of perEngine.slice(1)) for (const x of rows) if (!whats.includes(x.what)) whats.push(x.what);
	const body = whats.map((what) => {
		const cells = perEngine.map((rows) => rows.find((x) => x.what === what));
		const goal = cells.find((c) => c?.goal)?.goal ?? '';
		return [
			what,
			goal,
			...cells.map((c) => (c ? `${c.measured}${c.ratio ? ` (${c.ratio})` : ''}${c.met === null ? '' : c.met ? ' yes' : ' NO'}` : '-'))
		];
	});
	return table(['what', 'goal', ...results.map((r) => r.engine)], body);
}

/** The mail step's table (issue 13): digests built, rendered and handed to a local SMTP server. */
export function mailTable(results: MailResult[]): string {
	const s = (x: number) => `${x.toFixed(1)} s`;
	const rows: Array<[string, (r: MailResult) => string]> = [
		['people (one digest each)', (r) => r.people.toLocaleString('en')],
		['digest notifications', (r) => r.notifications.toLocaleString('en')],
		['makeDigests (build the digests)', (r) => s(r.digestSeconds)],
		['deliverDue: render + hand over', (r) => `${s(r.deliverSeconds)} in ${r.deliverRuns} runs`],
		['mails rendered and handed over per second', (r) => r.mailsPerSecond.toFixed(0)],
		['total (digests + delivery)', (r) => s(r.digestSeconds + r.deliverSeconds)],
		['arrived (distinct Message-IDs / recipients)', (r) => `${r.arrived} (${r.distinctMessageIds} / ${r.distinctRecipients})`],
		['bytes per mail', (r) => String(r.bytesPerMail)],
		[
			'exactly one message per person, outbox all sent',
			(r) => (r.ok ? 'yes' : `NO (sent ${r.sent}, failed ${r.failed}, outbox sent ${r.outboxSent})`)
		]
	];
	return table(
		['what', ...results.map((r) => r.engine)],
		rows.map(([what, cell]) => [what, ...results.map(cell)])
	);
}
