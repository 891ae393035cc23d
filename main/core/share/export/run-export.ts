/**
 * The startExport job: de-identifies (or copies, for an identified export) every file that leaves,
 * lays them out as standard media with a DICOMDIR, adds README.txt and the signed manifest, reads
 * the whole bundle back and checks it, moves it into place, and only then logs the share (a row
 * and a `share` event in the same transaction). Any failure before that removes what was written.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ExportReport, MaskRect, StartExportRequest } from '../../../../shared/share/share-domain';
import { CoreError } from '../../core-error';
import { insertShare } from '../../db/shares';
import type { ProgressSink } from '../../jobs/job-runner';
import { currentAnchor } from '../../verify/anchor';
import { appendEvent } from '../../vault/event-log';
import type { OpenVault } from '../../vault/vault';
import type { MaskPixels } from '../burned-in/types';
import { DeidError, deidentifyFile, type DeidContext, type DicomTree } from '../deid';
import { leakGuard } from '../deid/leak-guard';
import { findTerm } from '../deid/identifiers';
import { draftContext, leavingFiles, type Draft } from '../draft';
import { ensureSigningKey, fingerprintOf, publicKeyPem, signBytes } from '../signing-key';
import { folderSink, type BundleSink } from './bundle-sink';
import { zipSink } from './zip-sink';
import { writeDicomdir } from './dicomdir-writer';
import { DICOMDIR_FILE, MANIFEST_FILE, MANIFEST_FORMAT, PROFILE_NAME, README_FILE, SIGNATURE_FILE, serializeManifest, type ManifestFile } from './manifest';
import { MediaLayout, recordKeysOf, type PlacedFile } from './media-layout';
import { READ_AHEAD, readAhead, WriteQueue } from './pipeline';
import { buildReadme } from './readme';
import { verifyBundle } from './verify-bundle';

export interface ExportDeps {
  maskPixels?: MaskPixels | undefined;
  now: () => number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const UNREADABLE_REASON = 'unreadable';

function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function insideVault(vaultDir: string, target: string): boolean {
  const rel = path.relative(path.resolve(vaultDir), path.resolve(target));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A stop of the whole export, saying where (file number and row id, never a value or a UID). */
function stopped(error: DeidError, index: number, total: number, instanceId: number): CoreError {
  const code = error.code === 'LEAK_GUARD' ? 'LEAK_GUARD' : 'EXPORT_CHECK_FAILED';
  const next = code === 'LEAK_GUARD' ? ' Nothing was saved. Leave this picture out (or keep fewer details) and try again.' : ' Nothing was saved. Leave this picture out and try again, and please report this problem.';
  return new CoreError(code, `${error.message} (file ${index + 1} of ${total}, picture ${instanceId}).${next}`);
}

interface Built { bytes: Uint8Array; conversions: string[]; masked: MaskRect[] | null; tree?: DicomTree }

/** The accounting lists only what left: a study or series whose every picture was held back was not disclosed. */
function sharedItems(draft: Draft, going: readonly { studyUid: string; seriesUid: string }[]): Draft['items'] {
  return draft.items.filter((item) => going.some((f) => (item.level === 'study' ? f.studyUid : f.seriesUid) === item.uid));
}

function buildFile(original: Uint8Array, draft: Draft, instanceId: number, ctx: DeidContext | null, maskPixels: MaskPixels | undefined): Built {
  if (ctx === null) return { bytes: original, conversions: [], masked: null };
  const decision = draft.decisions.get(instanceId);
  if (decision?.action === 'mask') {
    if (maskPixels === undefined) throw new CoreError('BAD_REQUEST', 'Covering text in pictures is not available in this version. Leave those pictures out instead.');
    const masked = maskPixels(original, decision.masks);
    const out = deidentifyFile(masked.bytes, { ...ctx, pixelsCleaned: true });
    return { bytes: out.bytes, conversions: [...masked.conversions, ...out.conversions], masked: decision.masks, tree: out.tree };
  }
  const out = deidentifyFile(original, ctx);
  return { bytes: out.bytes, conversions: out.conversions, masked: null, tree: out.tree };
}

export async function runExport(vault: OpenVault, draft: Draft, input: StartExportRequest, deps: ExportDeps, signal: AbortSignal, progress: ProgressSink): Promise<ExportReport> {
  const target = path.resolve(input.destination.path);
  if (insideVault(vault.dir, target)) throw new CoreError('BAD_REQUEST', 'A share cannot be saved inside the vault folder. Choose another place, such as a USB stick.');
  const ctx = draftContext(draft);
  if (ctx !== null && findTerm(input.purpose, ctx.terms, false) !== null) {
    throw new CoreError('LEAK_GUARD', 'Stopped: the purpose you typed holds your name or another of your identifiers, and it is written into the share. Reword it and try again.');
  }
  const going = leavingFiles(draft);
  if (going.length === 0) throw new CoreError('BAD_REQUEST', 'No pictures are left to share: every one is held back or left out. Review the held-back pictures first.');
  const now = deps.now();
  const key = await ensureSigningKey(vault);
  const fingerprint = fingerprintOf(key.publicKeyRaw);
  const anchor = currentAnchor(vault.db) ?? '';
  const sink: BundleSink = input.destination.kind === 'zip' ? await zipSink(target, new Date(now)) : await folderSink(target);
  const heldBack: ExportReport['heldBack'] = [...draft.heldBack.values()].filter((h) => !going.some((g) => g.instanceId === h.instanceId)).map((h) => ({ sopInstanceUid: h.sopInstanceUid, reason: h.reason }));
  heldBack.push(...draft.leftOut.map((l) => ({ sopInstanceUid: l.sopInstanceUid, reason: UNREADABLE_REASON })));
  const masked: ExportReport['masked'] = [];
  const conversions = new Map<string, number>();
  const placed: PlacedFile[] = [];
  const files: ManifestFile[] = [];
  let committed = false;
  try {
    progress.set({ phase: 'working', filesTotal: going.length, filesDone: 0, bytesTotal: going.reduce((s, f) => s + f.size, 0), bytesDone: 0 });
    const layout = new MediaLayout();
    let bytesDone = 0;
    const writes = new WriteQueue();
    for await (const [file, original, i] of readAhead(going, (f) => vault.blobs.readAll(f.blobId), READ_AHEAD)) {
      if (signal.aborted) throw new CoreError('CANCELLED', 'The share was cancelled. Nothing was saved.');
      if (original.length !== file.size) throw new CoreError('BLOB_CORRUPT');
      let built: Built;
      try {
        built = buildFile(original, draft, file.instanceId, ctx, deps.maskPixels);
      } catch (error) {
        if (!(error instanceof DeidError)) throw error;
        if (error.code === 'LEAK_GUARD' || error.code === 'EXPORT_CHECK_FAILED') throw stopped(error, i, going.length, file.instanceId);
        heldBack.push({ sopInstanceUid: file.sopInstanceUid, reason: UNREADABLE_REASON }); // damaged or not an image file: it stays
        continue;
      }
      const keys = recordKeysOf(built.bytes, built.tree);
      const fileId = layout.place(keys);
      const rel = fileId.join('/');
      await writes.push(() => sink.add(rel, built.bytes));
      placed.push({ fileId, keys });
      files.push({ path: rel, size: built.bytes.length, sha256: sha256(built.bytes), ...(built.conversions.length > 0 ? { conversions: built.conversions } : {}), ...(built.masked !== null ? { masked: true } : {}) });
      for (const c of built.conversions) conversions.set(c, (conversions.get(c) ?? 0) + 1);
      if (built.masked !== null) masked.push({ sopInstanceUid: file.sopInstanceUid, regions: built.masked });
      bytesDone += file.size;
      progress.set({ filesDone: i + 1, bytesDone });
    }
    await writes.drain();
    if (placed.length === 0) throw new CoreError('BAD_REQUEST', 'None of the chosen pictures could be read, so nothing was shared.');
    progress.set({ phase: 'finishing' });
    const dicomdir = writeDicomdir(placed);
    if (ctx !== null) {
      try {
        leakGuard(dicomdir, ctx.terms);
      } catch (error) {
        if (error instanceof DeidError) throw new CoreError('LEAK_GUARD', `${error.message} (in the DICOMDIR). Nothing was saved.`);
        throw error;
      }
    }
    const date = localDate(now);
    const studies = new Set(placed.map((p) => p.keys.studyUid)).size;
    const seriesCount = new Set(placed.map((p) => p.keys.seriesUid)).size;
    const readme = buildReadme({
      kind: ctx === null ? 'identified' : 'de-identified', recipientName: input.recipient.name, purpose: input.purpose, date, files: placed.length,
      studies, series: seriesCount, pseudonym: ctx?.keys.pseudonym ?? null, options: draft.request.options, masked: masked.length, fingerprint,
    });
    for (const [name, bytes] of [[DICOMDIR_FILE, dicomdir], [README_FILE, readme]] as const) {
      await sink.add(name, bytes);
      files.push({ path: name, size: bytes.length, sha256: sha256(bytes) });
    }
    const manifestBytes = serializeManifest({
      format: MANIFEST_FORMAT, formatVersion: 1, createdAt: new Date(now).toISOString(), date,
      recipient: input.recipient, purpose: input.purpose,
      kind: ctx === null ? 'identified' : 'de-identified', profile: ctx === null ? null : PROFILE_NAME, options: ctx === null ? [] : [...draft.request.options],
      burnedIn: ctx === null ? null : draft.request.burnedIn, pseudonym: ctx?.keys.pseudonym ?? null, anchor,
      signingKey: { algorithm: 'Ed25519', publicKeyPem: publicKeyPem(key.publicKeyRaw), fingerprint },
      files,
    });
    await sink.add(MANIFEST_FILE, manifestBytes);
    await sink.add(SIGNATURE_FILE, signBytes(key, manifestBytes));
    await sink.close();
    const check = await verifyBundle(sink.partialPath, fingerprint);
    if (!check.ok) throw new CoreError('EXPORT_CHECK_FAILED', 'The share did not read back as written, so it was not kept. Check the drive (it may be full or failing) and try again.');
    await sink.commit();
    committed = true;
    const packageSha256 = sha256(manifestBytes);
    const shareId = await vault.writes.run((db) => {
      const id = insertShare(db, {
        date, recipient: input.recipient, purpose: input.purpose, method: `ScanVault export (${input.destination.kind})`, outside: false,
        identified: ctx === null, profile: ctx === null ? 'identified (originals)' : 'de-identified (PS3.15 basic profile)',
        options: ctx === null ? [] : draft.request.options, burnedIn: ctx === null ? null : draft.request.burnedIn, packageSha256,
        pseudonym: ctx?.keys.pseudonym ?? null, secret: draft.secret, followUpOf: draft.request.followUpOfShareId, fileCount: placed.length,
        anchor, note: null, documentId: null, personIds: draft.personIds, items: sharedItems(draft, going), now: new Date(now).toISOString(),
      });
      appendEvent(db, 'share', { shareId: id, outside: false, identified: ctx === null, files: placed.length, packageSha256, destination: input.destination.kind });
      return id;
    });
    return {
      shareId, pseudonym: ctx?.keys.pseudonym ?? null, files: placed.length, heldBack, masked, packageSha256, anchor, fingerprint,
      destination: { kind: input.destination.kind, path: target },
      conversions: [...conversions.entries()].map(([conversion, n]) => ({ conversion, files: n })),
    };
  } catch (error) {
    await sink.discard().catch(() => undefined);
    if (committed) throw new CoreError('INTERNAL', 'The share could not be written to your share log, so the saved copy was removed again. Try again.');
    throw error;
  }
}
