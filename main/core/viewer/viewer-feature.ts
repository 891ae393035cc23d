/** The viewer feature's handlers: a study laid out for the study view. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { ViewerInstance } from '../../../shared/api/viewer';
import { instanceKind } from '../../../shared/sop-classes';
import { CoreError } from '../core-error';
import {
  viewerAttachmentsOfStudy, viewerInstancesOfSeries, viewerInstancesOfStudy, viewerSeriesOfStudy, viewerStudy,
  type ViewerInstanceRow,
} from '../db/viewer';
import type { OpenVault } from '../vault/vault';

function toViewerInstance(row: ViewerInstanceRow): ViewerInstance {
  return {
    id: row.id, instanceNumber: row.instanceNumber, sopClassUid: row.sopClassUid,
    kind: instanceKind(row.sopClassUid, row.rows, row.columns),
    transferSyntax: row.transferSyntax, rows: row.rows, columns: row.columns,
    // A stored frame count of 1 is the same single picture as none at all.
    frames: row.frames !== null && row.frames > 1 ? row.frames : null,
  };
}

export class ViewerFeature {
  constructor(private readonly vault: () => OpenVault) {}

  async getStudyView(input: ApiParsedInput<'getStudyView'>): Promise<ApiOutput<'getStudyView'>> {
    const db = this.vault().db;
    const study = viewerStudy(db, input.studyId);
    if (!study) throw new CoreError('NOT_FOUND');
    const bySeries = new Map<number, ViewerInstance[]>();
    for (const row of viewerInstancesOfStudy(db, input.studyId)) {
      const list = bySeries.get(row.seriesId) ?? [];
      list.push(toViewerInstance(row));
      bySeries.set(row.seriesId, list);
    }
    return {
      study,
      series: viewerSeriesOfStudy(db, input.studyId).map((s) => ({ ...s, instances: bySeries.get(s.id) ?? [] })),
      attachments: viewerAttachmentsOfStudy(db, input.studyId),
    };
  }

  async listSeriesInstances(input: ApiParsedInput<'listSeriesInstances'>): Promise<ApiOutput<'listSeriesInstances'>> {
    const rows = viewerInstancesOfSeries(this.vault().db, input.seriesId);
    if (!rows) throw new CoreError('NOT_FOUND');
    return rows.map(toViewerInstance);
  }
}
