/**
 * The tag browser's rows: the attribute tree flattened to what is on screen (expanded sequences
 * open, collapsed ones closed), filtered by a search over tag, keyword, name and value. A search
 * keeps the ancestors of every match and opens them, so a match deep in a sequence is visible.
 */
import type { AttributeNode } from '../../../../../shared/api/details';

export type AttributeRow =
  | { kind: 'attribute'; key: string; depth: number; node: AttributeNode; expandable: boolean; expanded: boolean; match: boolean }
  | { kind: 'item'; key: string; depth: number; index: number; count: number; expandable: true; expanded: boolean; match: boolean };

export interface RowOptions {
  /** Keys of open sequences and items. */
  expanded: ReadonlySet<string>;
  query: string;
  identifyingOnly: boolean;
}

/** '0010,0010', '(0010,0010)', '00100010' and '0010 0010' all find the tag (0010,0010). */
function normaliseTagQuery(query: string): string | null {
  const hex = query.replace(/[\s(),]/g, '').toUpperCase();
  return /^[0-9A-F]{4,8}$/.test(hex) ? hex : null;
}

export function nodeMatches(node: AttributeNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const tagHex = normaliseTagQuery(q);
  if (tagHex !== null && node.tag.replace(/[(),]/g, '').startsWith(tagHex)) return true;
  return [node.tag, node.keyword, node.name, node.value, node.privateCreator].some((field) => field?.toLowerCase().includes(q) === true);
}

interface Built { rows: AttributeRow[]; any: boolean }

function build(nodes: AttributeNode[], prefix: string, depth: number, opts: RowOptions, filtering: boolean): Built {
  const rows: AttributeRow[] = [];
  let any = false;
  nodes.forEach((node, i) => {
    const key = `${prefix}${i}`;
    const items = node.items ?? [];
    const selfMatch = (opts.query.trim() === '' || nodeMatches(node, opts.query)) && (!opts.identifyingOnly || node.identifying !== null);
    const children: AttributeRow[] = [];
    let childMatch = false;
    items.forEach((item, j) => {
      const itemKey = `${key}.${j}`;
      const inner = build(item, `${itemKey}.`, depth + 2, opts, filtering);
      if (filtering && !inner.any) return;
      childMatch ||= inner.any;
      const itemOpen = filtering || opts.expanded.has(itemKey);
      children.push({ kind: 'item', key: itemKey, depth: depth + 1, index: j, count: items.length, expandable: true, expanded: itemOpen, match: false });
      if (itemOpen) children.push(...inner.rows);
    });
    if (filtering && !selfMatch && !childMatch) return;
    any = true;
    const open = (filtering && childMatch) || opts.expanded.has(key);
    rows.push({ kind: 'attribute', key, depth, node, expandable: items.length > 0, expanded: items.length > 0 && open, match: filtering && selfMatch });
    if (items.length > 0 && open) rows.push(...children);
  });
  return { rows, any };
}

export function attributeRows(nodes: AttributeNode[], opts: RowOptions): AttributeRow[] {
  const filtering = opts.query.trim() !== '' || opts.identifyingOnly;
  return build(nodes, '', 0, opts, filtering).rows;
}

/** Counts every attribute in the tree that E.1-1 lists (for the legend). */
export function countIdentifying(nodes: AttributeNode[]): number {
  let n = 0;
  for (const node of nodes) {
    if (node.identifying !== null) n++;
    for (const item of node.items ?? []) n += countIdentifying(item);
  }
  return n;
}

/** Where focus moves for a tree key (WAI-ARIA tree pattern); null: the key does nothing here. */
export function treeKeyTarget(rows: AttributeRow[], index: number, key: string): { focus: number; toggle?: 'open' | 'close' } | null {
  const row = rows[index];
  if (row === undefined) return null;
  switch (key) {
    case 'ArrowDown': return { focus: Math.min(index + 1, rows.length - 1) };
    case 'ArrowUp': return { focus: Math.max(index - 1, 0) };
    case 'Home': return { focus: 0 };
    case 'End': return { focus: rows.length - 1 };
    case 'ArrowRight':
      if (!row.expandable) return null;
      return row.expanded ? { focus: Math.min(index + 1, rows.length - 1) } : { focus: index, toggle: 'open' };
    case 'ArrowLeft': {
      if (row.expandable && row.expanded) return { focus: index, toggle: 'close' };
      for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < row.depth) return { focus: i };
      return null;
    }
    default: return null;
  }
}
