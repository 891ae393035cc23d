import type { ApiMethod, ApiInput, ApiOutput } from '../../../shared/api';
import { createDispatcher, type Dispatch } from '../../api/dispatch';
import { ScanVaultCore } from '../../core/scanvault-core';
import type { Logger } from '../../core/log';
import type { HostKind } from '../../../shared/domain';
import { CliExit, exitCodeFor } from './exit-codes';
import type { KdfCost, KdfPolicy } from '../../core/crypto/kdf-policy';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface CliContext extends CliIo {
  /** --vault, else the folder remembered in settingsFile, else the default. */
  vaultDir: string;
  /** Where a folder chosen in `serve` is remembered for the next launch. */
  settingsFile: string;
  json: boolean;
  passphraseFile: string | undefined;
  log: Logger;
  kdfPolicy?: KdfPolicy;
  kdfParams?: KdfCost;
  /** Aborted when the work must stop now (the launcher that started this process died). */
  stop: AbortSignal;
}

export interface CoreSession {
  core: ScanVaultCore;
  dispatch: Dispatch;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
}

/** One core per CLI run, reached through the same dispatcher as the other hosts. */
export function openSession(ctx: CliContext, host: HostKind = 'cli'): CoreSession {
  const core = new ScanVaultCore({
    vaultDir: ctx.vaultDir, settingsFile: ctx.settingsFile, host, log: ctx.log,
    ...(ctx.kdfPolicy ? { kdfPolicy: ctx.kdfPolicy } : {}),
    ...(ctx.kdfParams ? { kdfParams: ctx.kdfParams } : {}),
  });
  const dispatch = createDispatcher(core, ctx.log, core);
  return {
    core,
    dispatch,
    async call(method, input) {
      const result = await dispatch(method, input);
      if (!result.ok) throw new CliExit(exitCodeFor(result.error), result.error.message, result.error.code);
      return result.value as ApiOutput<typeof method>;
    },
  };
}

/**
 * Runs `work` on a session and always locks afterwards, also when `work` throws: a failed call
 * must not leave keys in memory or the vault lock held for longer than the command.
 */
export async function withSession<T>(ctx: CliContext, work: (session: CoreSession) => Promise<T>, host: HostKind = 'cli'): Promise<T> {
  const session = openSession(ctx, host);
  try {
    return await work(session);
  } finally {
    await session.core.lockNow();
  }
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
