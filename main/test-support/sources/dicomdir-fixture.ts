/**
 * Test support: a DICOMDIR writer (buildDicomdir, below), and a tiny DICOMDIR parser on dcmjs
 * standing in for main/core/dicom/dicomdir.ts (written in parallel). The parser reads the
 * Directory Record Sequence (0004,1220) and, per record, Referenced File ID (0004,1500) and
 * Directory Record Type (0004,1430). Throws when unreadable.
 */
import { createRequire } from 'node:module';
import { EXPLICIT_LE } from '../../core/dicom/element-walker';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../dicom/test-fixtures';
import type { DicomdirEntry } from '../../core/sources/types';

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

const DICOMDIR_SOP_CLASS = '1.2.840.10008.1.3.10';

/**
 * A real (minimal) DICOMDIR in explicit VR little endian: one IMAGE record per referenced file,
 * each given as "IMAGES/IM0001" (written with the DICOM '\' separator).
 */
export function buildDicomdir(referencedFiles: string[]): Buffer {
  const records = referencedFiles.map((path): FixtureElement[] => [
    { tag: 0x00041400, vr: 'UL', value: new Uint8Array(4) },
    { tag: 0x00041410, vr: 'US', value: { us: [0xffff] } },
    { tag: 0x00041430, vr: 'CS', value: 'IMAGE' },
    { tag: 0x00041500, vr: 'CS', value: path.split('/').join('\\') },
  ]);
  const dataset = encodeDataset(
    [
      { tag: 0x00041130, vr: 'CS', value: 'TESTDISC' },
      { tag: 0x00041220, vr: 'SQ', value: { items: records } },
    ],
    EXPLICIT_LE,
  );
  return Buffer.from(part10File(encodeMeta('1.2.840.10008.1.2.1', DICOMDIR_SOP_CLASS, '2.25.1'), dataset));
}
