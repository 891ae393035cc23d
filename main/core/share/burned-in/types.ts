/**
 * The seam between the share pipeline and burned-in text work: the pipeline asks a Screener whether
 * an image shows text and where, and asks maskPixels for a copy with rectangles blanked. The
 * implementations live beside this file (burned-in branch); the pipeline depends only on these types.
 */

/** A rectangle in image pixels (x: column, y: row, top-left origin); frame null: every frame. */
export interface TextRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  frame: number | null;
}

export interface ScreenResult {
  textFound: boolean;
  /** Where text was found, padded a little, as suggested masks. */
  regions: TextRegion[];
  /** Frames actually screened (a long cine is sampled). */
  framesScreened: number;
}

export interface Screener {
  /** One whole DICOM file (original bytes, any transfer syntax). Never writes to disk. */
  screen(file: Uint8Array, signal?: AbortSignal): Promise<ScreenResult>;
  close(): Promise<void>;
}

export interface MaskedFile {
  /** A complete DICOM file: the same dataset with the pixel data rewritten (masked rectangles set to the lowest value). */
  bytes: Uint8Array;
  /** The transfer syntax written (the original's when lossless and re-encodable, else explicit VR little endian). */
  transferSyntaxUid: string;
  /** e.g. "JPEG baseline decoded and written uncompressed (masked)", for the manifest. */
  conversions: string[];
}

export type MaskPixels = (file: Uint8Array, masks: readonly TextRegion[]) => MaskedFile;
