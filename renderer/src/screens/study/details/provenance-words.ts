/** Plain words for the provenance panel: source kinds, import outcomes, digest status. */
import type { InstanceProvenance, ProvenanceImport } from '../../../../../shared/api/details';

export const SOURCE_KIND_WORDS: Record<ProvenanceImport['sourceKind'], string> = {
  cd: 'A disc (CD or DVD)',
  folder: 'A folder',
  zip: 'A zip archive',
  files: 'Single files',
};

export function outcomeWords(outcome: string): string {
  if (outcome === 'imported') return 'This import brought the file into the vault.';
  if (outcome === 'seen-again') return 'This import brought the same file again; the vault keeps one copy.';
  if (outcome === 'conflict') return 'This import brought a different file with the same image identifier; both are kept.';
  return 'This import saw this file.';
}

export const PIXEL_STATUS_WORDS: Record<InstanceProvenance['pixel']['status'], string> = {
  done: 'Computed.',
  pending: 'Still being computed in the background; check again in a moment.',
  none: 'Not computed: this file holds no picture that ScanVault can decode for a fingerprint.',
  failed: 'Could not be computed: the picture data could not be decoded. The file itself is kept unchanged.',
};

/** '2024-03-06T10:00:00.000Z' as local date and time; other text unchanged. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A long hex digest in groups of 8 so it can be read aloud and compared. */
export function groupHex(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}
