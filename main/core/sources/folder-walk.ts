import { join } from 'node:path';
import { classifyDirectory, classifyFileName, isUnsupportedArchiveName, isZipName } from './classify';
import { applyDicomdirs, compareText } from './dicomdir-order';
import { errnoToCode, type EntryStat } from './fs-access';
import { asNested, failed, joinPath, skipped, type ScanContext, type TreeEntry } from './tree';
import type { SourceFile } from './types';
import { listZip } from './zip-list';

/**
 * Walks a folder the patient chose. Links are never followed (a link inside the root only leads
 * to files that are walked anyway, and one leading out of it must not be followed), special
 * files are skipped (reading a pipe would hang), and a folder or file that cannot be read fails
 * on its own while the rest of the walk goes on.
 */
export async function walkFolder(rootPath: string, prefix: string, ctx: ScanContext): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  await walkDirectory(rootPath, '', prefix, ctx, entries);
  return applyDicomdirs(entries, ctx);
}

async function walkDirectory(absDir: string, innerDir: string, prefix: string, ctx: ScanContext, out: TreeEntry[]): Promise<void> {
  ctx.signal?.throwIfAborted();
  let names: string[];
  try {
    names = (await ctx.fs.readdir(absDir)).sort(compareText);
  } catch (err) {
    const code = errnoToCode(err) === 'FILE_UNREADABLE' ? 'FOLDER_UNREADABLE' : 'FILE_READ_FAILED';
    out.push(failed(joinPath(prefix, innerDir), innerDir, code));
    return;
  }
  const stats = await Promise.all(names.map((name) => lstatOrError(join(absDir, name), ctx)));
  for (const [index, name] of names.entries()) {
    const inner = innerDir === '' ? name : `${innerDir}/${name}`;
    const abs = join(absDir, name);
    const stat = stats[index];
    if (stat instanceof Error || stat === undefined) {
      out.push(failed(joinPath(prefix, inner), inner, errnoToCode(stat) ?? 'FILE_READ_FAILED'));
    } else if (stat.isDirectory() && !stat.isSymbolicLink()) {
      const dirCode = classifyDirectory(name);
      if (dirCode) out.push(skipped(joinPath(prefix, inner), inner, dirCode));
      else await walkDirectory(abs, inner, prefix, ctx, out);
    } else {
      out.push(...(await fileEntries(abs, inner, prefix, stat, ctx)));
    }
  }
}

/** The entries one non-directory yields: itself, a skip, a failure, or a zip's whole listing. */
export async function fileEntries(abs: string, inner: string, prefix: string, stat: EntryStat, ctx: ScanContext): Promise<TreeEntry[]> {
  const relativePath = joinPath(prefix, inner);
  const name = inner.slice(inner.lastIndexOf('/') + 1);
  if (stat.isSymbolicLink()) return [skipped(relativePath, inner, 'LINK_NOT_FOLLOWED')];
  if (!stat.isFile()) return [skipped(relativePath, inner, 'NOT_A_REGULAR_FILE')];
  const skipCode = classifyFileName(name);
  if (skipCode) return [skipped(relativePath, inner, skipCode)];
  if (stat.size === 0) return [skipped(relativePath, inner, 'EMPTY_FILE')];
  try {
    await ctx.fs.checkReadable(abs);
  } catch (err) {
    return [failed(relativePath, inner, errnoToCode(err) ?? 'FILE_READ_FAILED')];
  }
  if (isZipName(name)) return asNested(await listZip(ctx.fs.openZip(abs), relativePath, ctx));
  if (isUnsupportedArchiveName(name)) return [failed(relativePath, inner, 'ARCHIVE_UNSUPPORTED')];
  const read = (): Promise<Buffer> => ctx.fs.readWholeFile(abs);
  const stream: SourceFile['stream'] = (consume) => consume(ctx.fs.streamFile(abs));
  return [{ kind: 'file', relativePath, innerPath: inner, size: stat.size, read, stream, hint: 'candidate' }];
}

async function lstatOrError(path: string, ctx: ScanContext): Promise<EntryStat | Error> {
  try {
    return await ctx.fs.lstat(path);
  } catch (err) {
    return err instanceof Error ? err : new Error('lstat failed');
  }
}
