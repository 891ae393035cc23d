/**
 * Header rules for what should not leave by default, for the export step to act on: reports
 * (their text can name the patient) and images likely to carry burned-in text (BurnedInAnnotation
 * YES, or absent where the modality commonly burns text in). Pixel screening (OCR) is separate;
 * headers alone are not enough (real CR, CT and MR copies carry burned-in names with no flag).
 */
import type { DicomTree } from './dataset-tree';

export type HoldReason = 'report' | 'burned-in-flagged' | 'burned-in-likely';

const REPORT_CLASSES = ['1.2.840.10008.5.1.4.1.1.88.', '1.2.840.10008.5.1.4.1.1.104.1', '1.2.840.10008.5.1.4.1.1.104.2'];
/** Modalities that commonly burn text into pixels (ultrasound, secondary capture, angiography, endoscopy, other, scanned documents). */
const BURN_IN_MODALITIES = new Set(['US', 'SC', 'XA', 'ES', 'OT', 'DOC']);
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

function text(tree: DicomTree, tag: number): string | null {
  const element = tree.dataset.find((e) => e.tag === tag);
  if (element === undefined) return null;
  const value = Buffer.from(element.value).toString('latin1').replace(/[\0 ]+$/, '').trim().toUpperCase();
  return value === '' ? null : value;
}

/** Why this file should be held back by default, or null when the headers give no reason. */
export function holdReason(tree: DicomTree): HoldReason | null {
  const sopClass = text(tree, 0x00080016) ?? '';
  if (REPORT_CLASSES.some((prefix) => (prefix.endsWith('.') ? sopClass.startsWith(prefix) : sopClass === prefix))) return 'report';
  const burnedIn = text(tree, 0x00280301);
  if (burnedIn === 'YES') return 'burned-in-flagged';
  if (burnedIn === 'NO') return null;
  const modality = text(tree, 0x00080060) ?? '';
  if (BURN_IN_MODALITIES.has(modality) || sopClass.startsWith(SECONDARY_CAPTURE)) return 'burned-in-likely';
  return null;
}
