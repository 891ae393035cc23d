/**
 * Table E.1-1 read as data: the concrete action for one attribute under the Basic Profile and the
 * chosen options. The table's combined codes leave the choice to the implementer by attribute type;
 * without the IOD at hand this picks the one that keeps the file valid (X/Z -> Z, X/D and Z/D -> D,
 * X/Z/U* -> U), which removes the value just the same.
 */
import { confidentialityRule, isPrivateCreator, isPrivateGroup, safePrivateAttribute, type ProfileColumn } from '../../../../shared/standards/confidentiality';
import { OPTION_COLUMNS, type DeidOptionName } from '../../../../shared/share/options';
import { E3_10_ROWS } from '../../../../shared/standards/ps3-15-e3-10';
import { lookupTag } from '../../dicom/dictionary';

const SAFE_CREATORS = new Set(E3_10_ROWS.map(([creator, group]) => `${creator}\0${Number.parseInt(group, 16)}`));

/** keep, remove (X), empty (Z), dummy (D), clean (C), uid (U). */
export type Action = 'keep' | 'remove' | 'empty' | 'dummy' | 'clean' | 'uid';

export interface Profile {
  options: ReadonlySet<DeidOptionName>;
  columns: readonly ProfileColumn[];
}

export function makeProfile(options: Iterable<DeidOptionName>): Profile {
  const set = new Set(options);
  return { options: set, columns: [...set].map((name) => OPTION_COLUMNS[name]) };
}

const CODE_ACTION: Record<string, Action> = { X: 'remove', Z: 'empty', D: 'dummy', K: 'keep', C: 'clean', U: 'uid' };

/**
 * X/Z sequences that are optional (Type 3) wherever they appear, so an empty one is an error:
 * removed instead. Others (Acquisition Context Sequence is Type 2) stay, emptied.
 */
const OPTIONAL_SEQUENCES = new Set([0x00081110]);

/**
 * Z attributes a disc's DICOMDIR needs filled (Type 1 in its Study record, PS3.3 F.5): Z allows a
 * dummy, and with an empty one dcmtk's dcmmkdir refuses every file ("required attribute StudyID
 * empty"), so a doctor's tools could not re-index the copy.
 */
const DIRECTORY_KEYS = new Set([0x00200010]); // Study ID

function codeToAction(code: string, tag: number): Action {
  if (code === 'X/Z' && OPTIONAL_SEQUENCES.has(tag)) return 'remove';
  if (code === 'Z' && DIRECTORY_KEYS.has(tag)) return 'dummy';
  const parts = code.replace('*', '').split('/');
  return CODE_ACTION[parts[parts.length - 1] ?? 'X'] ?? 'remove';
}

/** Standard UIDs (classes, syntaxes, coding schemes) are not instance identifiers: never replaced. */
const CLASS_KEYWORD = /Class|TransferSyntax|CodingScheme|ContextGroup|Implementation|MappingResource|ContextUID|TemplateExtension/;
export function isStandardUid(value: string): boolean {
  return value.startsWith('1.2.840.10008.');
}

export function isOverlayOrCurve(tag: number): boolean {
  const group = tag >>> 16;
  return (group >= 0x5000 && group <= 0x50ff && group % 2 === 0) || (group >= 0x6000 && group <= 0x60ff && group % 2 === 0);
}

/**
 * The action for a tag. `creator` is the Private Creator of a private element's block; `vr` the
 * element's VR (UI values outside the table are still replaced, so no original UID survives).
 */
export function actionFor(profile: Profile, tag: number, vr: string | null, creator: string | null): Action {
  const group = tag >>> 16;
  if (isPrivateGroup(group)) return privateAction(profile, tag, creator);
  // Overlays and curves go whole (not only their data): comments, labels and bitmaps can show names.
  if (isOverlayOrCurve(tag)) return 'remove';
  const rule = confidentialityRule(tag);
  if (rule === null) {
    if (vr === 'UI' && !CLASS_KEYWORD.test(lookupTag(tag)?.keyword ?? 'Class')) return 'uid';
    return 'keep';
  }
  // An option that keeps wins over one that cleans, which wins over the Basic Profile.
  const chosen = profile.columns.map((column) => rule.actions[column]).filter((code): code is string => code !== null);
  if (chosen.includes('K')) return 'keep';
  if (chosen.includes('C')) return 'clean';
  return codeToAction(rule.actions.basic ?? 'X', tag);
}

function privateAction(profile: Profile, tag: number, creator: string | null): Action {
  if (!profile.options.has('retain-safe-private')) return 'remove';
  if (creator === null) return 'remove';
  // A creator stays when Table E.3.10-1 lists safe attributes for it (callers pass its own value).
  if (isPrivateCreator(tag)) return SAFE_CREATORS.has(`${creator}\0${tag >>> 16}`) ? 'keep' : 'remove';
  return safePrivateAttribute(creator, tag) === null ? 'remove' : 'keep';
}
