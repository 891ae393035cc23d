/**
 * PLACEHOLDER on the share-contract branch: every method rejects until the share-core branch
 * implements it. It exists so the contract typechecks while the core and the UI are built in parallel.
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import { CoreError } from '../core-error';
import type { JobRunner } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';

type M = 'prepareShare' | 'getShareDraft' | 'setShareDecisions' | 'previewShareFile' | 'startExport' | 'discardShareDraft'
  | 'listShares' | 'getSharesCsv' | 'recordOutsideShare' | 'getSigningKey' | 'verifyExport' | 'pickExportDestination';
const notYet = (): Promise<never> => Promise.reject(new CoreError('INTERNAL', 'Sharing is not built yet.'));

export class ShareFeature {
  constructor(readonly vault: () => OpenVault, readonly jobs: JobRunner) {}
  prepareShare(_: ApiParsedInput<'prepareShare'>): Promise<ApiOutput<'prepareShare'>> { return notYet(); }
  getShareDraft(_: ApiParsedInput<'getShareDraft'>): Promise<ApiOutput<'getShareDraft'>> { return notYet(); }
  setShareDecisions(_: ApiParsedInput<'setShareDecisions'>): Promise<ApiOutput<'setShareDecisions'>> { return notYet(); }
  previewShareFile(_: ApiParsedInput<'previewShareFile'>): Promise<ApiOutput<'previewShareFile'>> { return notYet(); }
  startExport(_: ApiParsedInput<'startExport'>): Promise<ApiOutput<'startExport'>> { return notYet(); }
  discardShareDraft(_: ApiParsedInput<'discardShareDraft'>): Promise<ApiOutput<'discardShareDraft'>> { return notYet(); }
  listShares(_: ApiParsedInput<'listShares'>): Promise<ApiOutput<'listShares'>> { return notYet(); }
  getSharesCsv(_: ApiParsedInput<'getSharesCsv'>): Promise<ApiOutput<'getSharesCsv'>> { return notYet(); }
  recordOutsideShare(_: ApiParsedInput<'recordOutsideShare'>): Promise<ApiOutput<'recordOutsideShare'>> { return notYet(); }
  getSigningKey(): Promise<ApiOutput<'getSigningKey'>> { return notYet(); }
  verifyExport(_: ApiParsedInput<'verifyExport'>): Promise<ApiOutput<'verifyExport'>> { return notYet(); }
  pickExportDestination(): Promise<ApiOutput<'pickExportDestination'>> {
    return Promise.reject(new CoreError('BAD_REQUEST', 'Choosing a place with a dialog is only available in the desktop app. Type or paste the full path instead.'));
  }
}
export type ShareMethod = M;
