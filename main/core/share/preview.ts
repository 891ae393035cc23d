/**
 * One file before and after, attribute by attribute, for the patient to see what leaves: read
 * with the same attribute tree reader the details view uses, nested items included. Built in
 * memory and dropped.
 */
import type { SharePreview } from '../../../shared/share/share-domain';
import { DEFAULT_TREE_LIMITS, readAttributeTree, type DicomAttribute } from '../dicom/attribute-tree';
import { lookupTag, tagText } from '../dicom/dictionary';

interface Row { tag: string; keyword: string; value: string | null }

function describe(a: DicomAttribute): string | null {
  if (a.items !== null) return `${a.items.length} item(s)`;
  if (a.pixelData !== null) return a.pixelData.encapsulated ? `compressed pixel data, ${a.pixelData.fragments ?? 0} fragment(s)` : 'pixel data';
  if (a.values !== null) return a.values.join('\\') + (a.truncated ? '…' : '');
  return a.binaryLength !== null ? `${a.binaryLength} bytes` : null;
}

/** Group lengths (gggg,0000) count bytes, not details: the copy drops the retired ones and recounts the file header's. */
const isGroupLength = (tag: number) => (tag & 0xffff) === 0;

function flatten(attributes: readonly DicomAttribute[], prefix: string, into: Map<string, Row>): void {
  for (const a of attributes) {
    if (isGroupLength(a.tag)) continue;
    const path = prefix + tagText(a.tag);
    into.set(path, { tag: path, keyword: a.keyword ?? lookupTag(a.tag)?.keyword ?? (a.privateCreator !== null ? `Private (${a.privateCreator})` : 'Unknown'), value: describe(a) });
    a.items?.forEach((item, i) => flatten(item.attributes, `${path}[${i}]`, into));
  }
}

function rowsOf(bytes: Uint8Array): Map<string, Row> {
  const tree = readAttributeTree(bytes, DEFAULT_TREE_LIMITS);
  const rows = new Map<string, Row>();
  if (tree !== null) flatten([...tree.meta, ...tree.dataset], '', rows);
  return rows;
}

export function compareFiles(instanceId: number, sopInstanceUid: string, before: Uint8Array, after: Uint8Array): SharePreview {
  const a = rowsOf(before);
  const b = rowsOf(after);
  const rows: SharePreview['rows'] = [];
  for (const [path, row] of a) {
    const out = b.get(path);
    if (out === undefined) rows.push({ tag: path, keyword: row.keyword, change: 'removed', before: row.value, after: null });
    else rows.push({ tag: path, keyword: row.keyword, change: out.value === row.value ? 'kept' : 'changed', before: row.value, after: out.value });
  }
  for (const [path, row] of b) if (!a.has(path)) rows.push({ tag: path, keyword: row.keyword, change: 'added', before: null, after: row.value });
  rows.sort((x, y) => (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0));
  return { instanceId, sopInstanceUid, rows };
}
