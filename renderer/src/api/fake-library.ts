/**
 * Made-up library data for the development fake (?fake=1). The names are invented; no real
 * patient data belongs in this file.
 */
import type { ImportReport, Library, StudySummary, Thumbnail } from '../../../shared/domain';

let nextSeriesId = 100;

function series(modality: string, seriesNumber: number, description: string | null, instanceCount: number, conflictCount = 0) {
  nextSeriesId += 1;
  return {
    id: nextSeriesId, seriesInstanceUid: `1.2.826.0.1.3680043.9.${nextSeriesId}`, modality, bodyPart: null,
    description, seriesNumber, instanceCount, conflictCount, alteredCount: conflictCount,
  };
}

function study(id: number, date: string, description: string, modalities: string[], institution: string, seriesList: StudySummary['series'], sources: string[], attachments: StudySummary['attachments'] = []): StudySummary {
  return {
    id, studyInstanceUid: `1.2.826.0.1.3680043.8.${id}`, date, description, modalities, institution, sources,
    seriesCount: seriesList.length, instanceCount: seriesList.reduce((n, s) => n + s.instanceCount, 0),
    attachments, series: seriesList,
  };
}

export function fakeLibrary(): Library {
  return {
    people: [
      {
        id: 1, displayName: null, studyCount: 3,
        records: [
          {
            id: 1, name: 'Example^Jane^Ann', patientId: 'MRN-000123', birthDate: '19800412', sex: 'F', studyCount: 2, linkedBy: 'auto',
            studies: [
              study(11, '20230914', 'CT chest with contrast', ['CT', 'SR'], 'Mercy Hospital', [
                series('CT', 1, 'Scout', 2),
                series('CT', 2, 'Axial 5mm', 64, 1),
                series('CT', 3, 'Coronal reformat', 48),
              ], ['CD from Mercy Hospital'], [{ id: 5, title: 'Radiology report', kind: 'pdf' }]),
              study(12, '20210302', 'MRI left knee', ['MR'], 'Northside Imaging', [
                series('MR', 1, 'PD sagittal', 24),
                series('MR', 2, 'T2 coronal fat sat', 22),
              ], ['Download from patient portal', 'CD from Northside']),
            ],
          },
          {
            id: 3, name: 'EXAMPLE^JANE^ANN', patientId: 'NS-88812', birthDate: '19800412', sex: 'F', studyCount: 1, linkedBy: 'auto',
            studies: [
              study(13, '20190511', 'X-ray wrist', ['CR'], 'Northside Imaging', [series('CR', 1, 'PA and lateral', 2)], ['CD from Northside']),
            ],
          },
        ],
      },
      {
        id: 2, displayName: null, studyCount: 1,
        records: [{
          id: 2, name: 'Example^Sam', patientId: 'P-4471', birthDate: '20150620', sex: 'M', studyCount: 1, linkedBy: 'auto',
          studies: [
            study(21, '20240105', 'Ultrasound abdomen', ['US'], "Children's Clinic", [
              series('US', 1, null, 12),
            ], ['USB stick from clinic']),
          ],
        }],
      },
    ],
  };
}

export function fakeReport(batchId: number): ImportReport {
  return {
    batchId,
    imported: 214,
    seenAgain: 24,
    attachments: 1,
    conflicts: [{ path: 'DICOM/IMG0042', sopInstanceUid: '1.2.3.4.5', reason: 'Same image ID, different contents' }],
    skipped: [
      { path: 'AUTORUN.INF', reason: 'Not a medical image (disc start-up file)' },
      { path: 'VIEWER/viewer.exe', reason: 'Not a medical image (viewer program)' },
    ],
    failed: [{ path: 'DICOM/IMG0099', error: 'This file is damaged and could not be read.' }],
    warnings: [{ path: 'DICOM/IMG0007', warnings: ['The character set was not declared; names may look wrong.'] }],
    studies: [
      { studyInstanceUid: '1.2.826.0.1.3680043.8.11', date: '20230914', description: 'CT chest with contrast', patientName: 'Example^Jane^Ann' },
    ],
  };
}

/** A soft radial gradient so the preview looks like something. */
export function fakeThumbnail(seriesId: number): Thumbnail | null {
  if (seriesId % 5 === 0) return null;
  const width = 96;
  const height = 96;
  const bytes = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const d = Math.hypot(x - width / 2, y - height / 2) / (width / 2);
      const ring = Math.abs(Math.sin(d * (seriesId % 7 + 3)));
      bytes[y * width + x] = d > 1 ? 0 : Math.round(255 * (1 - d) * (0.5 + ring / 2));
    }
  }
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { width, height, grayBase64: btoa(binary) };
}
