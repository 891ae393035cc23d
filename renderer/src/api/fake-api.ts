/**
 * An in-memory ScanVaultApi for developing the UI before the core runs (loaded only in a Vite dev
 * server with ?fake=1; never part of a production build). URL switches:
 *   state=no-vault|locked|unlocked   where to start (locked/unlocked use passphrase "correct horse battery")
 *   host=electron                    pretend to be the desktop app (native pickers instead of uploads)
 *   empty=1                          start with an empty library
 *   corrupt=1                        "Check vault" finds problems
 *   lockAfterSeconds=N               auto-lock after N seconds without touch()
 */
import type { ApiInput, ApiMethod, ApiOutput, ScanVaultApi } from '../../../shared/api';
import type { Job, Library, Status, VaultState } from '../../../shared/domain';
import { apiError, type ErrorCode, type Result } from '../../../shared/errors';
import { estimateStrength } from '../../../shared/passphrase-strength';
import type { Services } from '../services';
import { fakeLibrary, fakeReport, fakeThumbnail } from './fake-library';
import { fakeLibraryQuery } from './fake-library-query';
import { fakePeople } from './fake-people';

const FAKE_PASSPHRASE = 'correct horse battery';
const FAKE_RECOVERY_KEY = '7K2M-9QXB-4TRV-C8HD-PZ3F-W6NJ-A1EY-5G0S-KM2R';

interface FakeJob { job: Job; startedAt: number; durationMs: number; willFail: boolean }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(code: ErrorCode, message?: string): Result<T> => ({ ok: false, error: apiError(code, message) });
const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');

export function createFakeServices(params: URLSearchParams): Services {
  const electron = params.get('host') === 'electron';
  let state: VaultState = (params.get('state') as VaultState | null) ?? 'no-vault';
  let passphrase = FAKE_PASSPHRASE;
  let autoLockMinutes = 15;
  let lastTouch = Date.now();
  const lockAfterMs = Number(params.get('lockAfterSeconds') ?? 0) * 1000;
  let library: Library = params.get('empty') === '1' ? { people: [] } : fakeLibrary();
  const jobs = new Map<string, FakeJob>();
  let batch = 1;
  let vaultDir = electron ? 'C:\\Users\\you\\Documents\\ScanVault' : '/home/you/ScanVault';

  const status = (): Status => {
    if (state === 'unlocked' && lockAfterMs > 0 && Date.now() - lastTouch > lockAfterMs) state = 'locked';
    return {
      state, vaultDir, vaultFolderMissing: false, autoLockMinutes,
      host: electron ? 'electron' : 'browser', capabilities: { nativeDialogs: electron, uploads: !electron },
    };
  };
  const unlocked = () => status().state === 'unlocked';

  function newJob(kind: Job['kind'], durationMs: number, willFail = false): string {
    const jobId = hex(32);
    const job: Job = { jobId, kind, state: 'running', progress: { phase: 'scanning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, bytesPerSecond: 0, etaSeconds: null } };
    jobs.set(jobId, { job, startedAt: Date.now(), durationMs, willFail });
    return jobId;
  }

  function advance(entry: FakeJob): Job {
    const { job } = entry;
    if (job.state !== 'running') return job;
    const elapsed = Date.now() - entry.startedAt;
    const total = job.kind === 'import' ? 240 : 1180;
    const bytesTotal = job.kind === 'import' ? 61_400_000 : 912_000_000;
    const f = Math.min(1, Math.max(0, (elapsed - 600) / entry.durationMs));
    const speed = bytesTotal / (entry.durationMs / 1000);
    job.progress = elapsed < 600
      ? { phase: 'scanning', filesDone: 0, filesTotal: Math.round(total * elapsed / 600), bytesDone: 0, bytesTotal: 0, bytesPerSecond: 0, etaSeconds: null }
      : { phase: f >= 1 ? 'finishing' : 'working', filesDone: Math.round(total * f), filesTotal: total, bytesDone: Math.round(bytesTotal * f), bytesTotal, bytesPerSecond: speed, etaSeconds: (1 - f) * entry.durationMs / 1000 };
    if (elapsed > entry.durationMs + 1100) finish(entry);
    return job;
  }

  function finish(entry: FakeJob): void {
    const { job } = entry;
    if (entry.willFail) {
      job.state = 'failed';
      job.error = apiError('PATH_NOT_FOUND');
      return;
    }
    job.state = 'done';
    if (job.kind === 'import') {
      job.importReport = fakeReport(batch++);
      if (library.people.length === 0) library = fakeLibrary();
    } else {
      const corrupt = params.get('corrupt') === '1';
      job.verifyReport = {
        ok: !corrupt, blobsChecked: 1180, eventsChecked: 57,
        problems: corrupt ? [
          { kind: 'blob-corrupt', message: 'One stored file does not match its fingerprint. Restore the vault folder from a backup.', blobId: 'ab12' },
          { kind: 'event-chain-broken', message: 'The history log was changed outside ScanVault after entry 41.' },
        ] : [],
      };
    }
  }

  const handlers: { [M in ApiMethod]: (input: ApiInput<M>) => Result<ApiOutput<M>> } = {
    getStatus: () => ok(status()),
    createVault: ({ passphrase: p }) => {
      if (state !== 'no-vault') return fail('VAULT_EXISTS');
      if (!estimateStrength(p).acceptable) return fail('WEAK_PASSPHRASE');
      passphrase = p;
      state = 'unlocked';
      lastTouch = Date.now();
      return ok({ recoveryKey: FAKE_RECOVERY_KEY });
    },
    unlock: ({ passphrase: p }) => {
      if (state === 'no-vault') return fail('NO_VAULT');
      if (p !== passphrase) return fail('WRONG_PASSPHRASE');
      state = 'unlocked';
      lastTouch = Date.now();
      return ok(status());
    },
    unlockWithRecoveryKey: ({ recoveryKey, newPassphrase }) => {
      const normal = (k: string) => k.toUpperCase().replace(/[\s-]+/g, '');
      if (normal(recoveryKey) !== normal(FAKE_RECOVERY_KEY)) return fail('WRONG_RECOVERY_KEY');
      if (!estimateStrength(newPassphrase).acceptable) return fail('WEAK_PASSPHRASE');
      passphrase = newPassphrase;
      state = 'unlocked';
      lastTouch = Date.now();
      return ok(status());
    },
    lock: () => {
      if (state === 'unlocked') state = 'locked';
      return ok(status());
    },
    changePassphrase: ({ oldPassphrase, newPassphrase }) => {
      if (oldPassphrase !== passphrase) return fail('WRONG_PASSPHRASE');
      if (!estimateStrength(newPassphrase).acceptable) return fail('WEAK_PASSPHRASE');
      passphrase = newPassphrase;
      return ok({ changed: true as const });
    },
    setAutoLock: ({ minutes }) => {
      autoLockMinutes = minutes;
      return ok(status());
    },
    touch: () => {
      if (unlocked()) lastTouch = Date.now();
      return ok({ state: status().state });
    },
    setVaultFolder: ({ dir }) => {
      if (state === 'unlocked') return fail('BAD_REQUEST', 'Lock the vault before switching to another folder.');
      vaultDir = dir;
      // Pretend folders whose name mentions "existing" already hold a vault.
      state = /existing/i.test(dir) ? 'locked' : 'no-vault';
      return ok(status());
    },
    pickVaultFolder: () => (electron ? ok({ dir: '/media/you/USB/ScanVault' }) : fail('BAD_REQUEST')),
    pickImportPaths: ({ kind }) => ok({ paths: [kind === 'folder' ? '/media/cdrom' : '/home/you/Downloads/scans.zip'] }),
    beginUpload: () => ok({ uploadId: hex(32) }),
    startImport: (req) => {
      if (req.paths?.some((p) => p.includes('missing'))) return fail('PATH_NOT_FOUND');
      return ok({ jobId: newJob('import', 4000, req.paths?.some((p) => p.includes('fail')) ?? false) });
    },
    startVerify: () => ok({ jobId: newJob('verify', 2500) }),
    getJob: ({ jobId }) => {
      const entry = jobs.get(jobId);
      return entry ? ok(structuredClone(advance(entry))) : fail('NOT_FOUND');
    },
    cancelJob: ({ jobId }) => {
      const entry = jobs.get(jobId);
      if (!entry) return fail('NOT_FOUND');
      advance(entry);
      if (entry.job.state === 'running') entry.job.state = 'cancelled';
      return ok(structuredClone(entry.job));
    },
    listLibrary: () => ok(structuredClone(library)),
    getSeriesThumbnail: ({ seriesId }) => ok(fakeThumbnail(seriesId)),
    ...fakePeople(() => library),
    ...fakeLibraryQuery(() => library),
  };

  const needsUnlock = new Set<ApiMethod>(['changePassphrase', 'setAutoLock', 'pickImportPaths', 'beginUpload', 'startImport', 'startVerify', 'getJob', 'cancelJob', 'listLibrary', 'queryStudies', 'getLibraryFilters', 'listImports', 'previewRemoval', 'removeFromVault', 'getSeriesThumbnail', 'listPeople', 'getPersonProfile', 'updatePersonProfile', 'linkRecords', 'unlinkRecord', 'renamePerson']);
  const api = {} as Record<ApiMethod, (input: unknown) => Promise<Result<unknown>>>;
  for (const method of Object.keys(handlers) as ApiMethod[]) {
    api[method] = async (input: unknown) => {
      await sleep(method === 'unlock' || method === 'createVault' ? 500 : 60);
      if (needsUnlock.has(method) && !unlocked()) return fail('VAULT_LOCKED');
      return (handlers[method] as (i: unknown) => Result<unknown>)(input);
    };
  }
  return {
    api: api as unknown as ScanVaultApi,
    uploadFile: async () => {
      await sleep(40);
      return { ok: true };
    },
    pathForFile: electron ? (file: File) => `/home/you/Desktop/${file.name}` : null,
  };
}
