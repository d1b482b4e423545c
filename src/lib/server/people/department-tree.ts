/**
 * Departments as the tree an admin reads: each department after its parent, indented by its
 * depth, siblings by name. Pure, so the order and the "not under itself" rule are unit-tested.
 */
export type TreeNode = { id: number; parentId: number | null; name: string };

/**
 * Depth-first order with each node's depth (0 for the top). A node whose parent is not in
 * the list starts a tree of its own; a loop already in the data is cut where it closes, so
 * every node appears once.
 */
export function orderAsTree<T extends TreeNode>(nodes: readonly T[]): Array<T & { depth: number }> {
	const ids = new Set(nodes.map((n) => n.id));
	const children = new Map<number | null, T[]>();
	for (const n of nodes) {
		const parent = n.parentId !== null && ids.has(n.parentId) && n.parentId !== n.id ? n.parentId : null;
		const list = children.get(parent) ?? [];
		list.push(n);
		children.set(parent, list);
	}
	for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
	const out: Array<T & { depth: number }> = [];
	const seen = new Set<number>();
	const visit = (n: T, depth: number) => {
		if (seen.has(n.id)) return;
		seen.add(n.id);
		out.push({ ...n, depth });
		for (const c of children.get(n.id) ?? []) visit(c, depth + 1);
	};
	for (const root of children.get(null) ?? []) visit(root, 0);
	// Nodes only reachable through a loop (a under b under a): shown at the top, once.
	for (const n of [...nodes].sort((a, b) => a.id - b.id)) visit(n, 0);
	return out;
}

/** A department and everything under it: the ids it may not be moved under. */
export function subtreeOf(nodes: readonly TreeNode[], id: number): Set<number> {
	const below = new Set<number>([id]);
	let grown = true;
	while (grown) {
		grown = false;
		for (const n of nodes) {
			if (n.parentId !== null && below.has(n.parentId) && !below.has(n.id)) {
				below.add(n.id);
				grown = true;
			}
		}
	}
	return below;
}
