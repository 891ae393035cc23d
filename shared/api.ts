/**
 * The one API contract between the UI and the core. Every host (Electron IPC, the browser host,
 * the CLI) is generated from this table: a method missing from a host is a type error, and every
 * argument is parsed with the method's `input` schema before it reaches the core.
 */
import { z } from 'zod';
import {
  ImportRequest, Job, Library, Status, Thumbnail, VaultFolderPath,
} from './domain';
import type { Result } from './errors';

const Empty = z.object({}).strict();
const Passphrase = z.string().min(1).max(1024);
const JobRef = z.object({ jobId: z.string().regex(/^[a-f0-9]{16,64}$/) }).strict();

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, opts: { needsUnlock: boolean }) {
  return { input, output, ...opts };
}

export const apiContract = {
  getStatus: method(Empty, Status, { needsUnlock: false }),
  createVault: method(
    z.object({ passphrase: Passphrase }).strict(),
    z.object({ recoveryKey: z.string() }),
    { needsUnlock: false },
  ),
  unlock: method(z.object({ passphrase: Passphrase }).strict(), Status, { needsUnlock: false }),
  unlockWithRecoveryKey: method(
    z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: Passphrase }).strict(),
    Status,
    { needsUnlock: false },
  ),
  lock: method(Empty, Status, { needsUnlock: false }),
  /**
   * Uses another folder for the vault (e.g. on an external drive) and remembers it for the next
   * launch. Only while no vault is open. The folder may be missing (a new vault is created there),
   * hold a vault (state becomes 'locked') or hold other files (state 'no-vault'; creating refuses).
   */
  setVaultFolder: method(z.object({ dir: VaultFolderPath }).strict(), Status, { needsUnlock: false }),
  /** Desktop app only: the system's folder picker for the vault folder; null when cancelled. */
  pickVaultFolder: method(Empty, z.object({ dir: z.string().nullable() }), { needsUnlock: false }),
  changePassphrase: method(
    z.object({ oldPassphrase: Passphrase, newPassphrase: Passphrase }).strict(),
    z.object({ changed: z.literal(true) }),
    { needsUnlock: true },
  ),
  setAutoLock: method(
    z.object({ minutes: z.number().int().min(0).max(24 * 60) }).strict(),
    Status,
    { needsUnlock: true },
  ),
  /** Tells the core the person is still there (resets the auto-lock timer). */
  touch: method(Empty, z.object({ state: z.enum(['no-vault', 'locked', 'unlocked']) }), { needsUnlock: false }),
  /** Desktop app only: opens the system's file or folder picker and returns what the person chose. */
  pickImportPaths: method(
    z.object({ kind: z.enum(['files', 'folder']) }).strict(),
    z.object({ paths: z.array(z.string()) }),
    { needsUnlock: true },
  ),
  /** Browser host only: opens an in-memory staging area that files are then POSTed to. */
  beginUpload: method(Empty, z.object({ uploadId: z.string() }), { needsUnlock: true }),
  startImport: method(ImportRequest, z.object({ jobId: z.string() }), { needsUnlock: true }),
  startVerify: method(Empty, z.object({ jobId: z.string() }), { needsUnlock: true }),
  getJob: method(JobRef, Job, { needsUnlock: true }),
  cancelJob: method(JobRef, Job, { needsUnlock: true }),
  listLibrary: method(Empty, Library, { needsUnlock: true }),
  getSeriesThumbnail: method(
    z.object({ seriesId: z.number().int().positive() }).strict(),
    Thumbnail.nullable(),
    { needsUnlock: true },
  ),
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/** What the renderer calls: every method returns a Result, never throws for expected errors. */
export type ScanVaultApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>> };

/** What the core implements: parsed input in, plain value out (errors are thrown as CoreError). */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> };

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}
