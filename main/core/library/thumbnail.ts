/** A series preview: the middle image, decoded in memory and never written anywhere. */
import type { Thumbnail } from '../../../shared/domain';
import { CoreError } from '../core-error';
import { decodeFirstCompressedFrame, isCodecTransferSyntax } from '../dicom/decode-compressed';
import { seriesExists, seriesImages } from '../db/library';
import { readPixelAttributes } from '../dicom/pixel-attributes';
import { readDicom } from '../dicom/read-dicom';
import type { OpenVault } from '../vault/vault';
import { makePreview } from './pixel-preview';

const NATIVE_SYNTAXES = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);

export async function seriesThumbnail(vault: OpenVault, seriesId: number): Promise<Thumbnail | null> {
  if (!seriesExists(vault.db, seriesId)) throw new CoreError('NOT_FOUND');
  const previewable = seriesImages(vault.db, seriesId)
    .filter((r) => r.transferSyntax !== null && (NATIVE_SYNTAXES.has(r.transferSyntax) || isCodecTransferSyntax(r.transferSyntax)));
  const pick = previewable[Math.floor(previewable.length / 2)];
  if (!pick) return null;
  const bytes = await vault.blobs.readAll(pick.blobId);
  const syntax = pick.transferSyntax ?? '';
  return NATIVE_SYNTAXES.has(syntax) ? previewFromBytes(bytes, syntax) : previewFromCompressed(bytes);
}

/** Compressed images: the first frame, decoded in memory into the canonical little-endian, by-pixel form. */
async function previewFromCompressed(bytes: Buffer): Promise<Thumbnail | null> {
  const read = readDicom(bytes);
  if (read.kind !== 'instance') return null;
  const { image } = read.facts;
  if (image.rows === null || image.columns === null) return null;
  const frame = await decodeFirstCompressedFrame(bytes, read.facts).catch(() => null);
  const attrs = readPixelAttributes(bytes);
  if (!frame) return null;
  return toThumbnail(makePreview(frame, {
    rows: image.rows, columns: image.columns, bitsAllocated: image.bitsAllocated ?? 8, samplesPerPixel: image.samplesPerPixel ?? 1,
    pixelRepresentation: attrs.pixelRepresentation, planarConfiguration: 0,
    // Lossy colour JPEGs come out of the decoder as RGB.
    photometric: (image.samplesPerPixel ?? 1) === 3 ? 'RGB' : image.photometric ?? 'MONOCHROME2', littleEndian: true,
  }));
}

function toThumbnail(preview: ReturnType<typeof makePreview>): Thumbnail | null {
  return preview ? { width: preview.width, height: preview.height, grayBase64: Buffer.from(preview.gray).toString('base64') } : null;
}

export function previewFromBytes(bytes: Buffer, transferSyntax: string): Thumbnail | null {
  const read = readDicom(bytes);
  if (read.kind !== 'instance') return null;
  const { image } = read.facts;
  if (image.encapsulated || image.pixelDataOffset === null || image.pixelDataLength === null) return null;
  const attrs = readPixelAttributes(bytes);
  if (image.rows === null || image.columns === null) return null;
  const frameBytes = image.rows * image.columns * (image.samplesPerPixel ?? 1) * ((image.bitsAllocated ?? 8) / 8);
  const pixels = bytes.subarray(image.pixelDataOffset, image.pixelDataOffset + Math.min(frameBytes, image.pixelDataLength));
  const preview = makePreview(pixels, {
    rows: image.rows, columns: image.columns, bitsAllocated: image.bitsAllocated ?? 8, samplesPerPixel: image.samplesPerPixel ?? 1,
    pixelRepresentation: attrs.pixelRepresentation, planarConfiguration: attrs.planarConfiguration,
    photometric: image.photometric ?? 'MONOCHROME2', littleEndian: transferSyntax !== '1.2.840.10008.1.2.2',
  });
  return toThumbnail(preview);
}
