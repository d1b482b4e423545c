/**
 * SCIM filters (RFC 7644 section 3.4.2.2), read in full so a client hears exactly what is
 * wrong, then narrowed to what the portal answers: `eq` comparisons joined by `and`, e.g.
 *
 *   userName eq "Bjensen@Example.com" and externalId eq "701984"
 *   emails[type eq "work" and value eq "bjensen@example.com"]
 *
 * `or`, `not`, `pr` and the other operators parse, and are refused with `invalidFilter`.
 * Pure: no I/O, unit-tested beside (filter.test.ts).
 */
import { invalidFilter } from './scim-error.js';

export const COMPARE_OPS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];
export type FilterValue = string | number | boolean | null;

export type FilterNode =
	| { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
	| { type: 'not'; filter: FilterNode }
	| { type: 'compare'; attr: string; op: CompareOp; value: FilterValue }
	| { type: 'present'; attr: string }
	| { type: 'valuePath'; attr: string; filter: FilterNode };

/** One `attr eq value` of a conjunction; `attr` is lower case, without the core schema's URN. */
export type Condition = { attr: string; value: FilterValue };

const MAX_FILTER_LENGTH = 2000;

/** An attribute path: an optional schema URN, a name, an optional sub-attribute. */
export const ATTR_PATH = /^(?:urn:[A-Za-z0-9:._-]+:)?[A-Za-z][A-Za-z0-9_$-]*(?:\.[A-Za-z][A-Za-z0-9_$-]*)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

type Token = { kind: 'punct' | 'string' | 'word'; text: string; value?: string; at: number };

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
			i++;
		} else if (c === '(' || c === ')' || c === '[' || c === ']') {
			tokens.push({ kind: 'punct', text: c, at: i });
			i++;
		} else if (c === '"') {
			let j = i + 1;
			while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
			if (j >= text.length) throw invalidFilter(`The string starting at position ${i + 1} is not closed`);
			const raw = text.slice(i, j + 1);
			let value: string;
			try {
				value = JSON.parse(raw) as string;
			} catch {
				throw invalidFilter(`The string ${raw} has an invalid escape`);
			}
			tokens.push({ kind: 'string', text: raw, value, at: i });
			i = j + 1;
		} else {
			let j = i;
			while (j < text.length && !' \t\n\r()[]"'.includes(text[j])) j++;
			tokens.push({ kind: 'word', text: text.slice(i, j), at: i });
			i = j;
		}
	}
	return tokens;
}

class Parser {
	private i = 0;
	constructor(private readonly tokens: Token[]) {}

	private peek(): Token | undefined {
		return this.tokens[this.i];
	}
	private next(): Token | undefined {
		return this.tokens[this.i++];
	}
	private isWord(word: string): boolean {
		const t = this.peek();
		return t?.kind === 'word' && t.text.toLowerCase() === word;
	}
	private expect(punct: string) {
		const t = this.next();
		if (t?.kind !== 'punct' || t.text !== punct) throw invalidFilter(`Expected "${punct}" ${where(t)}`);
	}

	parse(): FilterNode {
		const node = this.or();
		const rest = this.peek();
		if (rest) throw invalidFilter(`Unexpected "${rest.text}" ${where(rest)}`);
		return node;
	}

	private or(): FilterNode {
		let left = this.and();
		while (this.isWord('or')) {
			this.next();
			left = { type: 'or', left, right: this.and() };
		}
		return left;
	}

	private and(): FilterNode {
		let left = this.factor();
		while (this.isWord('and')) {
			this.next();
			left = { type: 'and', left, right: this.factor() };
		}
		return left;
	}

	private factor(): FilterNode {
		const t = this.peek();
		if (!t) throw invalidFilter('The filter ends where an attribute was expected');
		if (t.kind === 'punct' && t.text === '(') {
			this.next();
			const inner = this.or();
			this.expect(')');
			return inner;
		}
		if (this.isWord('not')) {
			this.next();
			this.expect('(');
			const inner = this.or();
			this.expect(')');
			return { type: 'not', filter: inner };
		}
		const attr = this.next()!;
		if (attr.kind !== 'word' || !ATTR_PATH.test(attr.text))
			throw invalidFilter(`Expected an attribute ${where(attr)}, found "${attr.text}"`);
		const after = this.peek();
		if (after?.kind === 'punct' && after.text === '[') {
			this.next();
			const inner = this.or();
			this.expect(']');
			return { type: 'valuePath', attr: attr.text, filter: inner };
		}
		const opToken = this.next();
		const op = opToken?.kind === 'word' ? opToken.text.toLowerCase() : '';
		if (op === 'pr') return { type: 'present', attr: attr.text };
		if (!(COMPARE_OPS as readonly string[]).includes(op)) {
			throw invalidFilter(`Expected an operator after ${attr.text} ${where(opToken)}${opToken ? `, found "${opToken.text}"` : ''}`);
		}
		return { type: 'compare', attr: attr.text, op: op as CompareOp, value: this.value() };
	}

	private value(): FilterValue {
		const t = this.next();
		if (!t) throw invalidFilter('The filter ends where a value was expected');
		if (t.kind === 'string') return t.value!;
		if (t.kind === 'word') {
			const word = t.text.toLowerCase();
			if (word === 'true') return true;
			if (word === 'false') return false;
			if (word === 'null') return null;
			if (NUMBER.test(t.text)) return Number(t.text);
		}
		throw invalidFilter(`Expected a value (a "quoted string", a number, true, false or null) ${where(t)}, found "${t.text}"`);
	}
}

function where(t: Token | undefined): string {
	return t ? `at position ${t.at + 1}` : 'at the end';
}

/** The whole filter as a tree. Syntax errors are `invalidFilter` with the position. */
export function parseFilter(text: string): FilterNode {
	if (text.length > MAX_FILTER_LENGTH) throw invalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters`);
	const tokens = tokenize(text);
	if (!tokens.length) throw invalidFilter('The filter is empty');
	return new Parser(tokens).parse();
}

const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;

/** An attribute as the portal compares it: lower case, the core schema's URN left off. */
export function canonicalAttr(attr: string): string {
	return attr.replace(CORE_PREFIX, '').toLowerCase();
}

/**
 * The filter as the conjunction the portal can answer: only `eq`, only `and`. A value path
 * becomes its sub-attributes (`emails[type eq "work"]` is `emails.type eq "work"`).
 */
export function eqConditions(node: FilterNode): Condition[] {
	switch (node.type) {
		case 'and':
			return [...eqConditions(node.left), ...eqConditions(node.right)];
		case 'compare':
			if (node.op !== 'eq') throw invalidFilter(`The operator "${node.op}" is not supported here: use eq, combined with and`);
			return [{ attr: canonicalAttr(node.attr), value: node.value }];
		case 'valuePath':
			return eqConditions(node.filter).map((c) => ({ attr: `${canonicalAttr(node.attr)}.${c.attr}`, value: c.value }));
		case 'present':
			throw invalidFilter('The operator "pr" is not supported here: use eq, combined with and');
		default:
			throw invalidFilter(`"${node.type}" is not supported here: use eq, combined with and`);
	}
}

/** `parseFilter` then `eqConditions`: what a list request's `filter` parameter asks for. */
export function parseEqFilter(text: string): Condition[] {
	return eqConditions(parseFilter(text));
}

/** A value as text for comparing: objects as their JSON (they match nothing a filter names). */
function text(v: unknown): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v) ?? '';
}

function equalValues(actual: unknown, expected: FilterValue): boolean {
	if (expected === null) return actual === null || actual === undefined;
	if (actual === null || actual === undefined) return false;
	// Attribute values compare without regard to case (caseExact is false for the
	// sub-attributes a patch path filters on: type, value, display, primary).
	return text(actual).toLowerCase() === String(expected).toLowerCase();
}

function compare(actual: unknown, op: CompareOp, expected: FilterValue): boolean {
	if (op === 'eq') return equalValues(actual, expected);
	if (op === 'ne') return !equalValues(actual, expected);
	if (actual === null || actual === undefined || expected === null) return false;
	if (typeof actual === 'number' && typeof expected === 'number') {
		return op === 'gt'
			? actual > expected
			: op === 'ge'
				? actual >= expected
				: op === 'lt'
					? actual < expected
					: op === 'le'
						? actual <= expected
						: false;
	}
	const a = text(actual).toLowerCase();
	const b = String(expected).toLowerCase();
	switch (op) {
		case 'co':
			return a.includes(b);
		case 'sw':
			return a.startsWith(b);
		case 'ew':
			return a.endsWith(b);
		case 'gt':
			return a > b;
		case 'ge':
			return a >= b;
		case 'lt':
			return a < b;
		case 'le':
			return a <= b;
	}
}

function lookup(element: Record<string, unknown>, attr: string): unknown {
	const [head, sub] = canonicalAttr(attr).split('.');
	const key = Object.keys(element).find((k) => k.toLowerCase() === head);
	const value = key === undefined ? undefined : element[key];
	if (!sub) return value;
	if (value && typeof value === 'object' && !Array.isArray(value)) return lookup(value as Record<string, unknown>, sub);
	return undefined;
}

/**
 * Does one value of a multi-valued attribute match a patch path's filter (`type eq "work"`)?
 * Every operator is evaluated here, on the few values of one attribute; text compares
 * without regard to case.
 */
export function matchesElement(element: unknown, node: FilterNode): boolean {
	if (!element || typeof element !== 'object' || Array.isArray(element)) return false;
	const el = element as Record<string, unknown>;
	switch (node.type) {
		case 'and':
			return matchesElement(el, node.left) && matchesElement(el, node.right);
		case 'or':
			return matchesElement(el, node.left) || matchesElement(el, node.right);
		case 'not':
			return !matchesElement(el, node.filter);
		case 'present': {
			const v = lookup(el, node.attr);
			return v !== undefined && v !== null && v !== '';
		}
		case 'compare':
			return compare(lookup(el, node.attr), node.op, node.value);
		case 'valuePath':
			throw invalidFilter('A value path cannot be nested inside another');
	}
}
