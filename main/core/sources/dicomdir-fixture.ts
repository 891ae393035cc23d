/**
 * Test support: a tiny DICOMDIR parser on dcmjs, standing in for main/core/dicom/dicomdir.ts
 * (written in parallel). It reads the Directory Record Sequence (0004,1220) and, per record,
 * Referenced File ID (0004,1500) and Directory Record Type (0004,1430). Throws when unreadable.
 */
import { createRequire } from 'node:module';
import type { DicomdirEntry } from './types';

interface DcmjsElement {
  Value?: unknown[];
}
interface DcmjsSubset {
  data: { DicomMessage: { readFile(buffer: ArrayBuffer): { dict: Record<string, DcmjsElement | undefined> } } };
  log: { setLevel(level: string): void };
}

// createRequire keeps this helper independent of whichever dcmjs type declaration the project adopts.
const dcmjs = createRequire(import.meta.url)('dcmjs') as DcmjsSubset;
dcmjs.log.setLevel('silent');

export function parseDicomdirWithDcmjs(bytes: Uint8Array): { entries: DicomdirEntry[]; warnings: string[] } {
  const own = new Uint8Array(bytes); // a copy with its own ArrayBuffer (Buffer.slice would be a view)
  const message = dcmjs.data.DicomMessage.readFile(own.buffer);
  const records = message.dict['00041220']?.Value ?? [];
  const entries = records.map((record): DicomdirEntry => {
    const item = record as Record<string, DcmjsElement | undefined>;
    const type = item['00041430']?.Value?.[0];
    return {
      referencedFileId: (item['00041500']?.Value ?? []).filter((v): v is string => typeof v === 'string'),
      recordType: typeof type === 'string' ? type : '',
    };
  });
  return { entries, warnings: [] };
}
