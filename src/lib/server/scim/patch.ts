/**
 * SCIM PATCH (RFC 7644 section 3.5.2), applied to a resource as plain JSON: the service
 * turns a person or a department into its SCIM resource, applies the operations here and
 * writes what changed. Pure, unit-tested beside (patch.test.ts).
 *
 * Read as the RFC says, and as Microsoft Entra ID and Okta actually send it:
 * - `op` in any case ("Replace", "Add");
 * - a path (`active`, `name.givenName`, `emails[type eq "work"].value`,
 *   `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`) or none, with an
 *   object of attributes as the value (whose keys may themselves be such paths);
 * - `add` and `replace` on a value path that matches nothing add a value built from the
 *   filter (`emails[type eq "work"].value` on a user without a work address adds one);
 * - `remove` of a multi-valued attribute with a list of values removes those values
 *   (Entra's way of removing group members); a `remove` that matches nothing changes nothing;
 * - a `null` value removes the attribute;
 * - a read-only attribute repeated unchanged in a value object (Okta's `{ id, displayName }`) is passed over.
 * Booleans sent as "True"/"False" strings are left as sent: the mapping reads them.
 */
import { matchesElement, parseFilter, type FilterNode } from './filter.js';
import { invalidPath, invalidSyntax, invalidValue, mutability, noTarget, ScimError } from './scim-error.js';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MAX_OPERATIONS = 1000;

export type Resource = Record<string, unknown>;
export type PatchOperation = { op: 'add' | 'replace' | 'remove'; path?: string; value?: unknown };
export type PatchOptions = {
	/** Extension schema URNs whose attributes sit in an object under the URN. */
	extensions: readonly string[];
	/** Top-level attributes a client may not change (id, meta, groups ...). */
	readOnly?: readonly string[];
};

/** A parsed path: in an extension or at the top; an attribute; a value filter; a sub-attribute. */
export type PatchPath = { ext?: string; attr?: string; filter?: FilterNode; sub?: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The PatchOp message's operations, checked for shape: `invalidSyntax` when it is not one. */
export function readPatchRequest(body: unknown): PatchOperation[] {
	if (!isObject(body)) throw invalidSyntax('A PATCH body is a PatchOp message: a JSON object');
	const schemas = body.schemas;
	if (schemas !== undefined && !(Array.isArray(schemas) && schemas.includes(PATCH_OP_SCHEMA))) {
		throw invalidSyntax(`A PATCH body's schemas must be ["${PATCH_OP_SCHEMA}"]`);
	}
	const operations = body.Operations ?? body.operations;
	if (!Array.isArray(operations) || !operations.length) throw invalidSyntax('A PATCH body needs a non-empty "Operations" list');
	if (operations.length > MAX_OPERATIONS) throw invalidSyntax(`At most ${MAX_OPERATIONS} operations in one PATCH`);
	return operations.map((o, i) => {
		if (!isObject(o)) throw invalidSyntax(`Operation ${i + 1} is not an object`);
		const op = typeof o.op === 'string' ? o.op.toLowerCase() : '';
		if (op !== 'add' && op !== 'replace' && op !== 'remove') throw invalidSyntax(`Operation ${i + 1}: "op" must be add, replace or remove`);
		if (o.path !== undefined && typeof o.path !== 'string') throw invalidPath(`Operation ${i + 1}: "path" must be a string`);
		const path = typeof o.path === 'string' && o.path.trim() ? o.path.trim() : undefined;
		if (op !== 'remove' && !('value' in o)) throw invalidValue(`Operation ${i + 1}: ${op} needs a "value"`);
		return { op, path, value: o.value };
	});
}

const CORE_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i;
const REST = /^([A-Za-z][A-Za-z0-9_$-]*)(?:\[(.*)\])?(?:\.([A-Za-z][A-Za-z0-9_$-]*))?$/s;

/** Read a path: `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, each with an optional schema URN in front. */
export function parsePath(path: string, options: Pick<PatchOptions, 'extensions'>): PatchPath {
	const bracket = path.indexOf('[');
	const head = (bracket < 0 ? path : path.slice(0, bracket)).toLowerCase();
	let ext: string | undefined;
	let rest = path;
	if (head.startsWith('urn:')) {
		const whole = options.extensions.find((u) => u.toLowerCase() === head);
		if (whole) return { ext: whole };
		ext = options.extensions.find((u) => head.startsWith(u.toLowerCase() + ':'));
		if (ext) rest = path.slice(ext.length + 1);
		else if (CORE_PREFIX.test(path)) rest = path.replace(CORE_PREFIX, '');
		else throw invalidPath(`The path "${path}" names a schema this service does not know`);
	}
	const m = REST.exec(rest);
	if (!m) throw invalidPath(`The path "${path}" cannot be read`);
	const [, attr, filterText, sub] = m;
	let filter: FilterNode | undefined;
	if (filterText !== undefined) {
		try {
			filter = parseFilter(filterText);
		} catch (e) {
			if (e instanceof ScimError) throw new ScimError(400, 'invalidFilter', `In the path "${path}": ${e.detail}`);
			throw e;
		}
	}
	return { ext, attr, filter, sub };
}

/** The key an object already uses for an attribute (names are case-insensitive), or the name as given. */
function keyOf(obj: Record<string, unknown>, name: string): string {
	const lower = name.toLowerCase();
	return Object.keys(obj).find((k) => k.toLowerCase() === lower) ?? name;
}

function same(a: unknown, b: unknown): boolean {
	if (isObject(a) && isObject(b) && 'value' in a && 'value' in b) return String(a.value).toLowerCase() === String(b.value).toLowerCase();
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Sub-attributes merged into a complex value; names matched without regard to case. */
function merge(target: Record<string, unknown>, value: Record<string, unknown>): Record<string, unknown> {
	const out = { ...target };
	for (const [k, v] of Object.entries(value)) {
		const key = keyOf(out, k);
		if (v === null) delete out[key];
		else out[key] = v;
	}
	return out;
}

/** The value a filter describes, for an `add` or `replace` whose value path matched nothing. */
function elementFromFilter(node: FilterNode, path: string): Record<string, unknown> {
	if (node.type === 'and') return { ...elementFromFilter(node.left, path), ...elementFromFilter(node.right, path) };
	if (node.type === 'compare' && node.op === 'eq' && !node.attr.includes('.')) return { [node.attr]: node.value };
	throw noTarget(`The path "${path}" matches no value, and its filter does not describe one to add`);
}

function containerOf(resource: Resource, p: PatchPath, create: boolean): Record<string, unknown> | undefined {
	if (!p.ext) return resource;
	const key = keyOf(resource, p.ext);
	const current = resource[key];
	if (isObject(current)) return current;
	if (!create) return undefined;
	const made: Record<string, unknown> = {};
	resource[key] = made;
	return made;
}

function checkWritable(p: PatchPath, options: PatchOptions, path: string) {
	if (!p.ext && p.attr && options.readOnly?.some((r) => r.toLowerCase() === p.attr!.toLowerCase())) {
		throw mutability(`"${path}" is read-only`);
	}
}

function setAt(resource: Resource, p: PatchPath, op: 'add' | 'replace', value: unknown, path: string) {
	const container = containerOf(resource, p, true)!;
	if (!p.attr) {
		if (!isObject(value)) throw invalidValue(`The value for "${path}" must be an object of its attributes`);
		const merged = merge(container, value);
		for (const k of Object.keys(container)) delete container[k];
		Object.assign(container, merged);
		return;
	}
	const key = keyOf(container, p.attr);
	const current = container[key];
	if (p.filter) {
		if (current !== undefined && current !== null && !Array.isArray(current)) throw invalidPath(`"${p.attr}" is not multi-valued`);
		const values = (current as unknown[] | undefined) ?? [];
		const filter = p.filter;
		const hits = values.map((v, i) => (matchesElement(v, filter) ? i : -1)).filter((i) => i >= 0);
		if (!hits.length) {
			const base = elementFromFilter(filter, path);
			if (p.sub) container[key] = [...values, { ...base, [p.sub]: value }];
			else if (isObject(value)) container[key] = [...values, merge(base, value)];
			else throw invalidValue(`The value for "${path}" must be an object`);
			return;
		}
		container[key] = values.map((v, i) => {
			if (!hits.includes(i)) return v;
			const el = v as Record<string, unknown>;
			if (p.sub) return merge(el, { [p.sub]: value });
			if (!isObject(value)) throw invalidValue(`The value for "${path}" must be an object`);
			return op === 'add' ? merge(el, value) : { ...value };
		});
		return;
	}
	if (p.sub) {
		const sub = p.sub;
		if (Array.isArray(current)) {
			const list = current as unknown[];
			container[key] = list.length ? list.map((el) => (isObject(el) ? merge(el, { [sub]: value }) : el)) : [{ [sub]: value }];
		} else {
			container[key] = merge(isObject(current) ? current : {}, { [p.sub]: value });
		}
		return;
	}
	if (value === null) {
		delete container[key];
		return;
	}
	if (Array.isArray(current) || Array.isArray(value)) {
		const incoming = Array.isArray(value) ? (value as unknown[]) : [value];
		if (op === 'replace' || !Array.isArray(current)) container[key] = incoming;
		else {
			const list = current as unknown[];
			container[key] = [...list, ...incoming.filter((v) => !list.some((c) => same(c, v)))];
		}
		return;
	}
	container[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
}

function removeAt(resource: Resource, p: PatchPath, value: unknown) {
	const container = containerOf(resource, p, false);
	if (!container) return;
	if (!p.attr) {
		delete resource[keyOf(resource, p.ext!)];
		return;
	}
	const key = keyOf(container, p.attr);
	const current = container[key];
	if (current === undefined) return;
	const keepOrDrop = (list: unknown[]) => {
		if (list.length) container[key] = list;
		else delete container[key];
	};
	if (p.filter) {
		if (!Array.isArray(current)) throw invalidPath(`"${p.attr}" is not multi-valued`);
		const filter = p.filter;
		if (p.sub) {
			const sub = p.sub;
			container[key] = (current as unknown[]).map((el) => {
				if (!matchesElement(el, filter)) return el;
				const copy = { ...(el as Record<string, unknown>) };
				delete copy[keyOf(copy, sub)];
				return copy;
			});
		} else keepOrDrop(current.filter((el) => !matchesElement(el, filter)));
		return;
	}
	if (p.sub) {
		const sub = p.sub;
		const drop = (el: unknown) => {
			if (!isObject(el)) return el;
			const copy = { ...el };
			delete copy[keyOf(copy, sub)];
			return copy;
		};
		container[key] = Array.isArray(current) ? current.map(drop) : drop(current);
		return;
	}
	if (Array.isArray(current) && value !== undefined && value !== null) {
		const gone = Array.isArray(value) ? value : [value];
		keepOrDrop(current.filter((el) => !gone.some((g) => same(el, g))));
		return;
	}
	delete container[key];
}

function applyOne(resource: Resource, op: PatchOperation, options: PatchOptions) {
	if (op.op === 'remove') {
		if (!op.path) throw noTarget('remove needs a "path"');
		const p = parsePath(op.path, options);
		checkWritable(p, options, op.path);
		removeAt(resource, p, op.value);
		return;
	}
	if (!op.path) {
		if (!isObject(op.value)) throw invalidValue(`${op.op} without a "path" needs an object of attributes as its value`);
		for (const [k, v] of Object.entries(op.value)) {
			if (k.toLowerCase() === 'schemas') continue;
			// Okta repeats the id in a rename ({ id, displayName }): a read-only attribute sent as it is changes nothing.
			const readOnly = options.readOnly?.some((r) => r.toLowerCase() === k.toLowerCase());
			if (readOnly && JSON.stringify(resource[keyOf(resource, k)]) === JSON.stringify(v)) continue;
			const ext = options.extensions.find((u) => u.toLowerCase() === k.toLowerCase());
			if (ext && isObject(v)) {
				for (const [k2, v2] of Object.entries(v)) applyOne(resource, { op: op.op, path: `${ext}:${k2}`, value: v2 }, options);
			} else {
				applyOne(resource, { op: op.op, path: k, value: v }, options);
			}
		}
		return;
	}
	const p = parsePath(op.path, options);
	checkWritable(p, options, op.path);
	setAt(resource, p, op.op, op.value, op.path);
}

/** The resource after the operations, in order; the input is left as it was. All or nothing: the first refusal throws. */
export function applyPatch(resource: Resource, operations: readonly PatchOperation[], options: PatchOptions): Resource {
	const copy = structuredClone(resource);
	for (const op of operations) applyOne(copy, { ...op, op: op.op.toLowerCase() as PatchOperation['op'] }, options);
	return copy;
}
