/**
 * De-identifies one DICOM file for a share: read into a tree of views of the original bytes, apply
 * the profile, add what the file must say about it, rebuild the File Meta, write explicit VR little
 * endian, then the leak guard and the post-flight check. Nothing here touches the disk.
 */
import { parseCharacterSet } from '../../dicom/charset';
import { tagText } from '../../dicom/dictionary';
import {
  DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN, isNativeTransferSyntax,
} from '../../dicom/transfer-syntax';
import { MEDIA_STORAGE_DIRECTORY_SOP_CLASS } from '../../dicom/tags';
import { readDicomTree, type DataElement, type DicomTree } from './dataset-tree';
import { DeidError } from './deid-error';
import { leakGuard } from './leak-guard';
import { methodElements } from './method';
import { postFlight, rereadOutput } from './post-flight';
import { checkAgainstProfile } from './profile-check';
import { transformLevel, type DeidContext, type Expected } from './transform';
import { encodeAscii } from './values';
import { writeFile } from './serialise';

/** ScanVault's implementation class (PS3.7 D.3.3.2), a fixed 2.25 UID; it names the software, not a person. */
export const IMPLEMENTATION_CLASS_UID = '2.25.177302845601949683436925812305431217793';
const IMPLEMENTATION_VERSION = 'SCANVAULT_1';

export interface DeidentifiedFile {
  bytes: Buffer;
  sopInstanceUid: string | null;
  transferSyntaxUid: string;
  /** Encoding changes made on the way (listed in the share's manifest), e.g. "implicit VR little endian to explicit VR little endian". */
  conversions: string[];
  /** `bytes` as re-read for the checks, for callers that need its values (one parse fewer). */
  tree: DicomTree;
}

const CONVERSIONS: Record<string, string> = {
  [IMPLICIT_VR_LITTLE_ENDIAN]: 'implicit VR little endian to explicit VR little endian',
  [EXPLICIT_VR_BIG_ENDIAN]: 'explicit VR big endian to explicit VR little endian',
  [DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN]: 'deflated explicit VR little endian to explicit VR little endian',
};

const leaf = (tag: number, vr: string, value: Uint8Array): DataElement => ({ tag, vr, value, encapsulated: false, items: null });
const textOf = (elements: readonly DataElement[], tag: number) => {
  const found = elements.find((e) => e.tag === tag);
  return found === undefined ? null : Buffer.from(found.value).toString('latin1').replace(/[\0 ]+$/, '').trim();
};

/** From the dataset; a file whose dataset lacks them keeps its meta's (the instance UID mapped like every other). */
function fileMeta(dataset: readonly DataElement[], originalMeta: readonly DataElement[], transferSyntaxUid: string, ctx: DeidContext): DataElement[] {
  const metaInstance = textOf(originalMeta, 0x00020003);
  const instance = textOf(dataset, 0x00080018) ?? (metaInstance === null || metaInstance === '' ? '' : ctx.keys.uid(metaInstance));
  return [
    leaf(0x00020001, 'OB', Uint8Array.of(0, 1)),
    leaf(0x00020002, 'UI', encodeAscii(textOf(dataset, 0x00080016) ?? textOf(originalMeta, 0x00020002) ?? '', 'UI')),
    leaf(0x00020003, 'UI', encodeAscii(instance, 'UI')),
    leaf(0x00020010, 'UI', encodeAscii(transferSyntaxUid, 'UI')),
    leaf(0x00020012, 'UI', encodeAscii(IMPLEMENTATION_CLASS_UID, 'UI')),
    leaf(0x00020013, 'SH', encodeAscii(IMPLEMENTATION_VERSION, 'SH')),
  ].filter((e) => e.value.length > 0); // a file with no SOP UIDs at all gets none made up
}

export function deidentifyFile(original: Uint8Array, ctx: DeidContext): DeidentifiedFile {
  const tree = readDicomTree(original);
  if (textOf(tree.meta, 0x00020002) === MEDIA_STORAGE_DIRECTORY_SOP_CLASS || tree.dataset.some((e) => e.tag === 0x00041220)) {
    // A DICOMDIR indexes the original disc; the export writes its own for the files it sends.
    throw new DeidError('UNSUPPORTED', 'This is a disc index (DICOMDIR), not an image; ScanVault makes a new one for the shared files');
  }
  const expected = new Map<string, Expected>();
  const transformed = transformLevel(tree.dataset, ctx, '', parseCharacterSet(null), false, expected);
  const additions = methodElements(
    ctx.profile.options, ctx.keys.pseudonym, transformed.some((e) => e.tag === 0x00100010), transformed.some((e) => e.tag === 0x00100020), ctx.pixelsCleaned === true,
  );
  for (const added of additions) expected.set(tagText(added.tag), 'added');
  const addedTags = new Set(additions.map((e) => e.tag));
  const dataset = [...transformed.filter((e) => !addedTags.has(e.tag)), ...additions].sort((a, b) => a.tag - b.tag);

  const source = tree.transferSyntaxUid;
  const transferSyntaxUid = isNativeTransferSyntax(source) || source === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN ? EXPLICIT_VR_LITTLE_ENDIAN : source;
  const conversions: string[] = [];
  const conversion = CONVERSIONS[source];
  if (conversion !== undefined) conversions.push(conversion);
  if (!tree.hasFileMeta) conversions.push('file header block (meta information) added');

  const bytes = writeFile(fileMeta(dataset, tree.meta, transferSyntaxUid, ctx), dataset);
  const reread = rereadOutput(bytes);
  leakGuard(bytes, ctx.terms, reread);
  postFlight(tree, reread, expected, { transferSyntaxUid });
  checkAgainstProfile(ctx.profile, tree.dataset, reread.dataset, '', ctx.keys);
  return { bytes, sopInstanceUid: textOf(dataset, 0x00080018), transferSyntaxUid, conversions, tree: reread };
}
