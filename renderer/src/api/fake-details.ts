/** Fake answers for the study view's details (tag browser, report, provenance) in the fake API. */
import type { AttributeNode, InstanceAttributes, InstanceProvenance, StructuredReport } from '../../../shared/api/details';
import type { Result } from '../../../shared/errors';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

function node(tag: string, name: string, vr: string, value: string | null, identifying: AttributeNode['identifying'] = null, items: AttributeNode[][] | null = null): AttributeNode {
  return { tag, keyword: name.replace(/[^A-Za-z]/g, ''), name, vr, value, note: items ? `${items.length} item${items.length === 1 ? '' : 's'}` : null, truncated: false, privateCreator: null, identifying, items };
}

const who = (reason: string, whenShared: string) => ({ reason, whenShared, safePrivate: false });

function attributes(): InstanceAttributes {
  return {
    transferSyntax: '1.2.840.10008.1.2.1',
    characterSet: 'ISO_IR 100',
    complete: true,
    limited: false,
    attributes: [
      node('(0008,0020)', 'Study Date', 'DA', '20240301', who('Date that can help identify you', 'removed, or emptied')),
      node('(0008,0060)', 'Modality', 'CS', 'CT'),
      node('(0008,1140)', 'Referenced Image Sequence', 'SQ', null, who('A group of details that may identify you', 'removed, or emptied, or replaced with a new unique number'), [
        [node('(0008,1150)', 'Referenced SOP Class UID', 'UI', '1.2.840.10008.5.1.4.1.1.2'), node('(0008,1155)', 'Referenced SOP Instance UID', 'UI', '1.2.3.4.5', who('A unique number that links this file to you and to your visit', 'replaced with a new unique number'))],
      ]),
      node('(0010,0010)', 'Patient Name', 'PN', 'DOE^JANE', who('Identifies you: name', 'emptied')),
      node('(0010,0030)', 'Patient Birth Date', 'DA', '19700101', who('Identifies you: birth date', 'emptied')),
      { ...node('(7FE0,0010)', 'Pixel Data', 'OW', null), note: 'Image pixels, 524,288 bytes; shown in the viewer, not here' },
    ],
  };
}

function report(): StructuredReport {
  return {
    title: 'Imaging report', status: ['Complete', 'Verified (signed off)'], truncated: false,
    lines: [
      { depth: 0, kind: 'heading', label: 'Findings', text: null, relation: 'contains' },
      { depth: 1, kind: 'text', label: 'Finding', text: 'No abnormality seen.', relation: 'contains' },
      { depth: 1, kind: 'measurement', label: 'Diameter', text: '12.5 mm', relation: 'contains' },
    ],
  };
}

function provenance(): InstanceProvenance {
  return {
    imports: [{ sourceLabel: 'CD from City Hospital', sourceKind: 'cd', receivedDate: '2024-03-05', handedOverBy: 'Front desk', importedAt: '2024-03-06T10:00:00.000Z', finishedAt: '2024-03-06T10:01:00.000Z', status: 'done', originalPath: 'DICOM/IM0001', outcome: 'imported' }],
    fileSha256: 'a'.repeat(64), datasetSha256: 'b'.repeat(64), pixel: { status: 'done', frameDigests: ['c'.repeat(64)], frameCount: 1 }, size: 525_000, transferSyntax: '1.2.840.10008.1.2.1',
  };
}

export function fakeDetails() {
  return {
    getInstanceAttributes: () => ok(attributes()),
    getStructuredReport: () => ok(report()),
    getInstanceProvenance: () => ok(provenance()),
  };
}
