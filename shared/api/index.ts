/**
 * The one API contract between the UI and the core, one file per feature merged into one table.
 * Every host (Electron IPC, the browser host, the CLI) is generated from this table: a method
 * missing from a host is a type error, and every argument is parsed with the method's `input`
 * schema before it reaches the core.
 */
import type { z } from 'zod';
import type { Result } from '../errors';
import { aiRecordMethods } from './ai-record';
import { backupMethods } from './backup';
import { compareMethods } from './compare';
import { detailsMethods } from './details';
import { importMethods } from './import';
import { jobMethods } from './jobs';
import { libraryMethods } from './library';
import { libraryQueryMethods } from './library-query';
import { peopleMethods } from './people';
import { printMethods } from './print';
import { sessionMethods } from './session';
import { shareMethods } from './share';
import { verifyMethods } from './verify';
import { viewerMethods } from './viewer';

export const apiContract = {
  ...sessionMethods,
  ...importMethods,
  ...jobMethods,
  ...libraryMethods,
  ...libraryQueryMethods,
  ...peopleMethods,
  ...verifyMethods,
  ...viewerMethods,
  ...detailsMethods,
  ...aiRecordMethods,
  ...backupMethods,
  ...printMethods,
  ...shareMethods,
  ...compareMethods,
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
