/** Which view a stored object opens in, from its SOP class UID (PS3.4 Annex B). */
import type { InstanceKind } from './api/viewer';

const ENCAPSULATED_PDF = '1.2.840.10008.5.1.4.1.1.104.1';
/** Structured reports: basic/enhanced/comprehensive SR and their specialisations (1.2.840.10008.5.1.4.1.1.88.x). */
const SR_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';

export function instanceKind(sopClassUid: string | null, rows: number | null, columns: number | null): InstanceKind {
  if (sopClassUid === ENCAPSULATED_PDF) return 'pdf';
  if (sopClassUid?.startsWith(SR_PREFIX)) return 'report';
  // Pixel data is what makes an image: rows and columns are only present with it.
  if (rows !== null && columns !== null && rows > 0 && columns > 0) return 'image';
  return 'other';
}
