/**
 * The core behind every host: wiring only. Each feature folder implements its part of the API
 * contract (session/, import/, jobs/, library/, people/, removal/, verify/, details/, backup/); this class builds them, connects the
 * session's open/close hooks to the features that keep background work, and exposes the contract
 * as one-line delegations (so a missing method is a type error, and hosts see one object).
 */
import type { ApiHandlers, ApiOutput, ApiParsedInput } from '../../shared/api';
import type { HostKind, Status } from '../../shared/domain';
import type { ByteRef } from '../../shared/api/bytes';
import { AiRecordFeature } from './ai-record/ai-record-feature';
import { BackupFeature } from './backup/backup-feature';
import { BytesFeature, type OpenedBytes } from './bytes/bytes-feature';
import { CompareFeature } from './compare/compare-feature';
import { DetailsFeature } from './details/details-feature';
import type { KdfCost, KdfPolicy } from './crypto/kdf-policy';
import { ImportFeature } from './import/import-feature';
import { JobRunner } from './jobs/job-runner';
import { LibraryFeature } from './library/library-feature';
import { ViewerFeature } from './viewer/viewer-feature';
import { PeopleFeature } from './people/people-feature';
import { RemovalFeature } from './removal/removal-feature';
import { createScreener, loadMaskCodecs, maskPixels } from './share/burned-in';
import { exportedUidLookup } from './share/exported-uids';
import { ShareFeature } from './share/share-feature';
import type { Logger } from './log';
import { VaultSession } from './session/vault-session';
import { VerifyFeature } from './verify/verify-feature';
import type { OpenVault } from './vault/vault';

export interface CoreOptions {
  /** The folder to start with (hosts resolve it with resolveVaultDir); setVaultFolder can switch it. */
  vaultDir: string;
  /** Where a folder chosen with setVaultFolder is remembered for the next launch; absent: not remembered. */
  settingsFile?: string;
  host: HostKind;
  log: Logger;
  nativeDialogs?: boolean;
  /** Tests may inject a fast KDF policy; production uses the default bounds. */
  kdfPolicy?: KdfPolicy;
  /** Tests only: a cheap Argon2id cost for new vaults (production calibrates on this machine). */
  kdfParams?: KdfCost;
  now?: () => number;
}

type In<M extends keyof ApiHandlers> = ApiParsedInput<M>;
type Out<M extends keyof ApiHandlers> = Promise<ApiOutput<M>>;

export class ScanVaultCore implements ApiHandlers {
  private readonly session: VaultSession;
  private readonly jobs: JobRunner;
  private readonly imports: ImportFeature;
  private readonly library: LibraryFeature;
  private readonly viewer: ViewerFeature;
  private readonly people: PeopleFeature;
  private readonly removal: RemovalFeature;
  private readonly verify: VerifyFeature;
  private readonly bytes: BytesFeature;
  private readonly details: DetailsFeature;
  private readonly aiRecord: AiRecordFeature;
  private readonly backup: BackupFeature;
  private readonly share: ShareFeature;
  private readonly compare: CompareFeature;

  constructor(opts: CoreOptions) {
    const { log, ...sessionOpts } = opts;
    this.jobs = new JobRunner(opts.now ?? Date.now);
    this.session = new VaultSession(sessionOpts, {
      opened: (vault) => this.imports.opened(vault),
      closing: async () => {
        await this.jobs.cancelAll();
        await this.imports.stop();
        await this.bytes.closeAll();
        this.share.clear();
        this.compare.clear();
        this.jobs.clear();
      },
      busy: () => this.jobs.active !== undefined,
    });
    const vault = (): OpenVault => this.session.requireVault();
    this.imports = new ImportFeature(vault, this.jobs, log);
    this.library = new LibraryFeature(vault);
    this.viewer = new ViewerFeature(vault);
    this.people = new PeopleFeature(vault);
    this.removal = new RemovalFeature(vault, this.jobs);
    this.verify = new VerifyFeature(vault, this.jobs);
    this.compare = new CompareFeature(vault, this.jobs, this.imports.uploads, { keepCopies: opts.host !== 'cli', exportUidLookup: () => exportedUidLookup(() => vault().db) });
    this.bytes = new BytesFeature(vault, (copyId) => this.compare.copy(copyId));
    this.details = new DetailsFeature(vault);
    this.aiRecord = new AiRecordFeature({ vault, jobs: this.jobs, uploads: this.imports.uploads, now: opts.now ?? Date.now });
    this.backup = new BackupFeature(vault, this.jobs, { kdfPolicy: opts.kdfPolicy, now: opts.now ?? Date.now });
    this.share = new ShareFeature(vault, this.jobs, {
      uploads: this.imports.uploads, now: opts.now ?? Date.now, screener: () => createScreener(), maskPixels, loadMasking: loadMaskCodecs,
    });
  }

  // ---- for in-process hosts (the CLI's one-shot commands, the browser host's uploads) ----

  /** The open vault; throws when locked. */
  requireVault(): OpenVault {
    return this.session.requireVault();
  }

  isUnlocked(): boolean {
    return this.session.isUnlocked;
  }

  get uploads(): ImportFeature['uploads'] {
    return this.imports.uploads;
  }

  /** For the CLI: waits until the background fingerprinting of compressed images is done. */
  waitForBackgroundWork(): Promise<void> {
    return this.imports.backgroundIdle();
  }

  /** For the CLI: waits until a job ends. */
  waitForJob(jobId: string): ReturnType<JobRunner['waitFor']> {
    return this.jobs.waitFor(jobId);
  }

  /** The byte channel (not a JSON method): decrypted file bytes, streamed. Viewing counts as activity. */
  openBytes(ref: ByteRef): Promise<OpenedBytes> {
    this.session.autoLock.touch();
    return this.bytes.open(ref);
  }

  /** Closes the vault (clearing keys) — used by lock, auto-lock and host shutdown. */
  lockNow(): Promise<void> {
    return this.session.lockNow();
  }

  // ---- the API contract ----

  getStatus(): Promise<Status> { return this.session.getStatus(); }
  createVault(i: In<'createVault'>): Out<'createVault'> { return this.session.createVault(i); }
  unlock(i: In<'unlock'>): Out<'unlock'> { return this.session.unlock(i); }
  unlockWithRecoveryKey(i: In<'unlockWithRecoveryKey'>): Out<'unlockWithRecoveryKey'> { return this.session.unlockWithRecoveryKey(i); }
  lock(): Out<'lock'> { return this.session.lock(); }
  setVaultFolder(i: In<'setVaultFolder'>): Out<'setVaultFolder'> { return this.session.setVaultFolder(i); }
  pickVaultFolder(): Out<'pickVaultFolder'> { return this.session.pickVaultFolder(); }
  changePassphrase(i: In<'changePassphrase'>): Out<'changePassphrase'> { return this.session.changePassphrase(i); }
  setAutoLock(i: In<'setAutoLock'>): Out<'setAutoLock'> { return this.session.setAutoLock(i); }
  touch(): Out<'touch'> { return this.session.touch(); }

  pickImportPaths(): Out<'pickImportPaths'> { return this.imports.pickImportPaths(); }
  beginUpload(): Out<'beginUpload'> { return this.imports.beginUpload(); }
  startImport(i: In<'startImport'>): Out<'startImport'> { return this.imports.startImport(i); }

  async getJob(i: In<'getJob'>): Out<'getJob'> {
    this.session.autoLock.touch();
    return this.jobs.get(i.jobId);
  }
  cancelJob(i: In<'cancelJob'>): Out<'cancelJob'> { return this.jobs.cancel(i.jobId); }

  listLibrary(): Out<'listLibrary'> { return this.library.listLibrary(); }
  queryStudies(i: In<'queryStudies'>): Out<'queryStudies'> { return this.library.queryStudies(i); }
  getLibraryFilters(): Out<'getLibraryFilters'> { return this.library.getLibraryFilters(); }
  listImports(): Out<'listImports'> { return this.library.listImports(); }
  previewRemoval(i: In<'previewRemoval'>): Out<'previewRemoval'> { return this.removal.previewRemoval(i); }
  removeFromVault(i: In<'removeFromVault'>): Out<'removeFromVault'> { return this.removal.removeFromVault(i); }

  getStudyView(i: In<'getStudyView'>): Out<'getStudyView'> { return this.viewer.getStudyView(i); }
  listSeriesInstances(i: In<'listSeriesInstances'>): Out<'listSeriesInstances'> { return this.viewer.listSeriesInstances(i); }

  startVerify(i: In<'startVerify'>): Out<'startVerify'> { return this.verify.startVerify(i); }

  listPeople(): Out<'listPeople'> { return this.people.listPeople(); }
  getPersonProfile(i: In<'getPersonProfile'>): Out<'getPersonProfile'> { return this.people.getPersonProfile(i); }
  updatePersonProfile(i: In<'updatePersonProfile'>): Out<'updatePersonProfile'> { return this.people.updatePersonProfile(i); }
  linkRecords(i: In<'linkRecords'>): Out<'linkRecords'> { return this.people.linkRecords(i); }
  unlinkRecord(i: In<'unlinkRecord'>): Out<'unlinkRecord'> { return this.people.unlinkRecord(i); }
  renamePerson(i: In<'renamePerson'>): Out<'renamePerson'> { return this.people.renamePerson(i); }

  getInstanceAttributes(i: In<'getInstanceAttributes'>): Out<'getInstanceAttributes'> { return this.details.getInstanceAttributes(i); }
  getStructuredReport(i: In<'getStructuredReport'>): Out<'getStructuredReport'> { return this.details.getStructuredReport(i); }
  getInstanceProvenance(i: In<'getInstanceProvenance'>): Out<'getInstanceProvenance'> { return this.details.getInstanceProvenance(i); }

  listExams(i: In<'listExams'>): Out<'listExams'> { return this.aiRecord.listExams(i); }
  getExam(i: In<'getExam'>): Out<'getExam'> { return this.aiRecord.getExam(i); }
  createExam(i: In<'createExam'>): Out<'createExam'> { return this.aiRecord.createExam(i); }
  updateExam(i: In<'updateExam'>): Out<'updateExam'> { return this.aiRecord.updateExam(i); }
  linkExamStudy(i: In<'linkExamStudy'>): Out<'linkExamStudy'> { return this.aiRecord.linkExamStudy(i); }
  recordAnswer(i: In<'recordAnswer'>): Out<'recordAnswer'> { return this.aiRecord.recordAnswer(i); }
  setFollowUp(i: In<'setFollowUp'>): Out<'setFollowUp'> { return this.aiRecord.setFollowUp(i); }
  listFollowUps(): Out<'listFollowUps'> { return this.aiRecord.listFollowUps(); }
  listProviders(): Out<'listProviders'> { return this.aiRecord.listProviders(); }
  saveProvider(i: In<'saveProvider'>): Out<'saveProvider'> { return this.aiRecord.saveProvider(i); }
  attachDocument(i: In<'attachDocument'>): Out<'attachDocument'> { return this.aiRecord.attachDocument(i); }
  listDocuments(i: In<'listDocuments'>): Out<'listDocuments'> { return this.aiRecord.listDocuments(i); }
  findConsentPassages(i: In<'findConsentPassages'>): Out<'findConsentPassages'> { return this.aiRecord.findConsentPassages(i); }
  getDocumentPassages(i: In<'getDocumentPassages'>): Out<'getDocumentPassages'> { return this.aiRecord.getDocumentPassages(i); }
  listLetters(i: In<'listLetters'>): Out<'listLetters'> { return this.aiRecord.listLetters(i); }
  createLetter(i: In<'createLetter'>): Out<'createLetter'> { return this.aiRecord.createLetter(i); }
  getLetter(i: In<'getLetter'>): Out<'getLetter'> { return this.aiRecord.getLetter(i); }
  updateLetter(i: In<'updateLetter'>): Out<'updateLetter'> { return this.aiRecord.updateLetter(i); }
  markLetterSent(i: In<'markLetterSent'>): Out<'markLetterSent'> { return this.aiRecord.markLetterSent(i); }
  startBackup(i: In<'startBackup'>): Out<'startBackup'> { return this.backup.startBackup(i); }
  getBackupStatus(): Out<'getBackupStatus'> { return this.backup.getBackupStatus(); }
  setBackupReminder(i: In<'setBackupReminder'>): Out<'setBackupReminder'> { return this.backup.setBackupReminder(i); }
  startRestore(i: In<'startRestore'>): Out<'startRestore'> { return this.backup.startRestore(i); }
  pickBackupPath(): Out<'pickBackupPath'> { return this.backup.pickBackupPath(); }
  /** Only the desktop app prints to a file itself (desktop-dialogs.ts); elsewhere the browser's print window does. */
  async savePageAsPdf(): Out<'savePageAsPdf'> { return { supported: false, saved: false }; }
  prepareShare(i: In<'prepareShare'>): Out<'prepareShare'> { return this.share.prepareShare(i); }
  getShareDraft(i: In<'getShareDraft'>): Out<'getShareDraft'> { return this.share.getShareDraft(i); }
  setShareDecisions(i: In<'setShareDecisions'>): Out<'setShareDecisions'> { return this.share.setShareDecisions(i); }
  previewShareFile(i: In<'previewShareFile'>): Out<'previewShareFile'> { return this.share.previewShareFile(i); }
  startExport(i: In<'startExport'>): Out<'startExport'> { return this.share.startExport(i); }
  discardShareDraft(i: In<'discardShareDraft'>): Out<'discardShareDraft'> { return this.share.discardShareDraft(i); }
  listShares(i: In<'listShares'>): Out<'listShares'> { return this.share.listShares(i); }
  getSharesCsv(i: In<'getSharesCsv'>): Out<'getSharesCsv'> { return this.share.getSharesCsv(i); }
  recordOutsideShare(i: In<'recordOutsideShare'>): Out<'recordOutsideShare'> { return this.share.recordOutsideShare(i); }
  getSigningKey(): Out<'getSigningKey'> { return this.share.getSigningKey(); }
  verifyExport(i: In<'verifyExport'>): Out<'verifyExport'> { return this.share.verifyExport(i); }
  pickExportDestination(): Out<'pickExportDestination'> { return this.share.pickExportDestination(); }
  startCompare(i: In<'startCompare'>): Out<'startCompare'> { return this.compare.startCompare(i); }
}
