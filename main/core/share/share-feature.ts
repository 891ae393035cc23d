/**
 * The share feature's handlers: preparing a share (a job), the patient's decisions on held-back
 * images, a before/after preview, the export (a job writing the signed bundle), and the share log.
 * Drafts live in memory only and are dropped when the vault locks (clear()).
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { ExportReport, ShareDecision } from '../../../shared/share/share-domain';
import { CoreError } from '../core-error';
import type { JobRunner } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import type { MaskPixels, Screener } from './burned-in/types';
import { DeidError, deidentifyFile } from './deid';
import { draftContext, draftView, leavingFiles, type Draft } from './draft';
import { runExport } from './export/run-export';
import { verifyBundle } from './export/verify-bundle';
import { prepareShare } from './prepare-share';
import { compareFiles } from './preview';
import { listShares, recordOutsideShare, sharesCsv, type UploadTaker } from './share-log';
import { ensureSigningKey, fingerprintOf } from './signing-key';

export interface ShareDeps {
  /** Burned-in text screening (burned-in/); without it only the header rules hold images back. */
  screener?: () => Screener;
  /** Masks rectangles in pixel data (burned-in/); without it a mask decision is refused. */
  maskPixels?: MaskPixels;
  uploads?: UploadTaker;
  now?: () => number;
}

const NO_DRAFT = 'This share is no longer being prepared (it ends when the vault locks). Start the share again.';
const NO_UPLOADS: UploadTaker = { take: () => [] };

export class ShareFeature {
  private readonly drafts = new Map<string, Draft>();

  constructor(private readonly vault: () => OpenVault, private readonly jobs: JobRunner, private readonly deps: ShareDeps = {}) {}

  /** Drops every draft (their identifiers and secrets); called when the vault locks. */
  clear(): void {
    this.drafts.clear();
  }

  private draft(draftId: string): Draft {
    const draft = this.drafts.get(draftId);
    if (draft === undefined) throw new CoreError('NOT_FOUND', NO_DRAFT);
    return draft;
  }

  async prepareShare(input: ApiParsedInput<'prepareShare'>): Promise<ApiOutput<'prepareShare'>> {
    const vault = this.vault();
    const deps = { screener: this.deps.screener, canMask: this.deps.maskPixels !== undefined };
    const jobId = this.jobs.start<Draft>('share-prepare', (signal, progress) => prepareShare(vault, input, deps, signal, progress), (job, draft) => {
      this.drafts.set(draft.draftId, draft);
      job.shareDraft = draftView(draft);
    });
    return Promise.resolve({ jobId });
  }

  async getShareDraft(input: ApiParsedInput<'getShareDraft'>): Promise<ApiOutput<'getShareDraft'>> {
    return Promise.resolve(draftView(this.draft(input.draftId)));
  }

  async setShareDecisions(input: ApiParsedInput<'setShareDecisions'>): Promise<ApiOutput<'setShareDecisions'>> {
    const draft = this.draft(input.draftId);
    const next = new Map(draft.decisions);
    for (const decision of input.decisions) {
      const held = draft.heldBack.get(decision.instanceId);
      if (held === undefined) throw new CoreError('BAD_REQUEST', 'That picture is not held back in this share, so there is nothing to decide for it.');
      const targets = decision.scope === 'series' ? [...draft.heldBack.values()].filter((h) => h.seriesInstanceUid === held.seriesInstanceUid) : [held];
      for (const target of targets) {
        let masks = decision.masks;
        if (decision.action === 'mask') {
          if (this.deps.maskPixels === undefined) throw new CoreError('BAD_REQUEST', 'Covering text in pictures is not available in this version. Leave the picture out, or release it if you checked it shows nothing about you.');
          if (masks.length === 0) masks = target.textRegions;
          if (masks.length === 0) throw new CoreError('BAD_REQUEST', 'Draw at least one rectangle over the text to cover, or leave the picture out.');
        }
        const one: ShareDecision = { instanceId: target.instanceId, action: decision.action, masks: decision.action === 'mask' ? masks : [], scope: decision.scope };
        next.set(target.instanceId, one);
      }
    }
    draft.decisions = next;
    return Promise.resolve(draftView(draft));
  }

  async previewShareFile(input: ApiParsedInput<'previewShareFile'>): Promise<ApiOutput<'previewShareFile'>> {
    const draft = this.draft(input.draftId);
    const file = input.instanceId === undefined ? (leavingFiles(draft)[0] ?? draft.files[0]) : draft.files.find((f) => f.instanceId === input.instanceId);
    if (file === undefined) throw new CoreError('NOT_FOUND', 'That picture is not part of this share.');
    const original = await this.vault().blobs.readAll(file.blobId);
    if (original.length !== file.size) throw new CoreError('BLOB_CORRUPT');
    const ctx = draftContext(draft);
    if (ctx === null) return compareFiles(file.instanceId, file.sopInstanceUid, original, original);
    try {
      const decision = draft.decisions.get(file.instanceId);
      const source = decision?.action === 'mask' && this.deps.maskPixels !== undefined ? this.deps.maskPixels(original, decision.masks).bytes : original;
      return compareFiles(file.instanceId, file.sopInstanceUid, original, deidentifyFile(source, ctx).bytes);
    } catch (error) {
      if (error instanceof DeidError && (error.code === 'DAMAGED' || error.code === 'UNSUPPORTED')) {
        throw new CoreError('BAD_REQUEST', 'This file could not be read as a medical image file, so it will not be shared. Preview another picture.');
      }
      throw error;
    }
  }

  async startExport(input: ApiParsedInput<'startExport'>): Promise<ApiOutput<'startExport'>> {
    const draft = this.draft(input.draftId);
    const vault = this.vault();
    const deps = { maskPixels: this.deps.maskPixels, now: this.deps.now ?? Date.now };
    const jobId = this.jobs.start<ExportReport>('export', (signal, progress) => runExport(vault, draft, input, deps, signal, progress), (job, report) => {
      this.drafts.delete(draft.draftId);
      job.exportReport = report;
    });
    return Promise.resolve({ jobId });
  }

  async discardShareDraft(input: ApiParsedInput<'discardShareDraft'>): Promise<ApiOutput<'discardShareDraft'>> {
    this.drafts.delete(input.draftId);
    return Promise.resolve({});
  }

  listShares(input: ApiParsedInput<'listShares'>): Promise<ApiOutput<'listShares'>> {
    return Promise.resolve({ shares: listShares(this.vault(), input.personId) });
  }

  getSharesCsv(input: ApiParsedInput<'getSharesCsv'>): Promise<ApiOutput<'getSharesCsv'>> {
    return Promise.resolve({ csv: sharesCsv(listShares(this.vault(), input.personId)) });
  }

  recordOutsideShare(input: ApiParsedInput<'recordOutsideShare'>): Promise<ApiOutput<'recordOutsideShare'>> {
    return recordOutsideShare(this.vault(), input, this.deps.uploads ?? NO_UPLOADS, (this.deps.now ?? Date.now)());
  }

  async getSigningKey(): Promise<ApiOutput<'getSigningKey'>> {
    const key = await ensureSigningKey(this.vault());
    return { fingerprint: fingerprintOf(key.publicKeyRaw) };
  }

  verifyExport(input: ApiParsedInput<'verifyExport'>): Promise<ApiOutput<'verifyExport'>> {
    return verifyBundle(input.path, input.fingerprint);
  }

  pickExportDestination(): Promise<ApiOutput<'pickExportDestination'>> {
    return Promise.reject(new CoreError('BAD_REQUEST', 'Choosing a place with a dialog is only available in the desktop app. Type or paste the full path instead.'));
  }
}
