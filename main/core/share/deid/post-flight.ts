/**
 * Re-reads an output file and compares it with its original, attribute by attribute: what the
 * profile changed must have exactly its planned value, everything else must be byte-identical
 * (pixel data included). Any other difference stops the export with EXPORT_CHECK_FAILED.
 */
import { DeidError } from './deid-error';
import { flatten, readDicomTree, type DicomTree, type FlatValue } from './dataset-tree';
import type { Expected } from './transform';

// Buffer.compare takes the views as they are: wrapping both in Buffers for every element showed in profiles.
const same = (a: FlatValue, b: { value: Uint8Array; itemCount: number | null }) =>
  a.itemCount === b.itemCount && a.value.length === b.value.length && Buffer.compare(a.value, b.value) === 0;

/** The nearest planned change covering a path: its own, or a removed/added ancestor's. */
function expectationFor(path: string, expected: ReadonlyMap<string, Expected>): Expected | undefined {
  const own = expected.get(path);
  if (own !== undefined) return own;
  for (let at = path.lastIndexOf('['); at > 0; at = path.lastIndexOf('[', at - 1)) {
    const ancestor = expected.get(path.slice(0, at));
    if (ancestor === 'absent' || ancestor === 'added') return ancestor;
  }
  return undefined;
}

export interface MetaExpectation {
  transferSyntaxUid: string;
}

function fail(path: string, what: string): never {
  throw new DeidError('EXPORT_CHECK_FAILED', `The check after de-identification found ${path} ${what}; nothing was exported. Please report this problem.`);
}

/** Re-reads an output file; one that cannot be read fails the check. */
export function rereadOutput(output: Uint8Array): DicomTree {
  try {
    return readDicomTree(output);
  } catch {
    fail('the file', 'cannot be read back');
  }
}

/** `reread` is the output as parsed by rereadOutput (shared with the leak guard). */
export function postFlight(original: DicomTree, reread: DicomTree, expected: ReadonlyMap<string, Expected>, meta: MetaExpectation): void {
  if (reread.transferSyntaxUid !== meta.transferSyntaxUid) fail('(0002,0010)', 'names the wrong encoding');
  const before = flatten(original.dataset);
  const after = flatten(reread.dataset);
  const text = (path: string) => Buffer.from(after.get(path)?.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
  const metaAfter = flatten(reread.meta);
  const metaText = (path: string) => Buffer.from(metaAfter.get(path)?.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
  if (after.has('(0008,0018)') && metaText('(0002,0003)') !== text('(0008,0018)')) fail('(0002,0003)', 'does not match the SOP Instance UID');
  if (after.has('(0008,0016)') && metaText('(0002,0002)') !== text('(0008,0016)')) fail('(0002,0002)', 'does not match the SOP Class UID');
  for (const [path, value] of before) {
    const plan = expectationFor(path, expected);
    const now = after.get(path);
    if (plan === 'absent') {
      if (now !== undefined) fail(path, 'still present although it should have been removed');
    } else if (plan === undefined) {
      if (now === undefined) fail(path, 'missing although it should have been kept');
      else if (!same(now, value)) fail(path, 'changed although it should have been kept unchanged');
    } else if (plan !== 'added') {
      if (now === undefined || !same(now, plan)) fail(path, 'does not hold its planned new value');
    }
  }
  for (const [path, now] of after) {
    if (before.has(path)) continue;
    const plan = expectationFor(path, expected);
    if (plan === 'added') continue;
    if (plan === undefined || plan === 'absent' || !same(now, plan)) fail(path, 'was added without being planned');
  }
}
