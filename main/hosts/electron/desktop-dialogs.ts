import { API_METHODS, type ApiHandlers } from '../../../shared/api';

export type ShowOpenDialog = (kind: 'files' | 'folder') => Promise<{ canceled: boolean; filePaths: string[] }>;

/** The core's handlers (bound to the core) with the file picker supplied by the desktop host. */
export function withDesktopDialogs(core: ApiHandlers, showOpenDialog: ShowOpenDialog): ApiHandlers {
  const handlers: Record<string, unknown> = {};
  for (const method of API_METHODS) handlers[method] = (core[method] as (i: unknown) => unknown).bind(core);
  const bound = handlers as ApiHandlers;
  bound.pickImportPaths = async ({ kind }) => {
    const result = await showOpenDialog(kind);
    return { paths: result.canceled ? [] : result.filePaths };
  };
  return bound;
}
