import { EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE, type Encoding } from './element-walker';

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';
export const DEFLATED_IMAGE_FRAME_COMPRESSION = '1.2.840.10008.1.2.8.1';
export const ENCAPSULATED_UNCOMPRESSED_EXPLICIT_LE = '1.2.840.10008.1.2.1.98';

/** How the dataset after the File Meta group is encoded. Unknown UIDs are explicit VR LE (PS3.5 10). */
export function encodingOf(transferSyntaxUid: string): Encoding {
  if (transferSyntaxUid === IMPLICIT_VR_LITTLE_ENDIAN) return IMPLICIT_LE;
  if (transferSyntaxUid === EXPLICIT_VR_BIG_ENDIAN) return EXPLICIT_BE;
  return EXPLICIT_LE;
}

export function uidForEncoding(enc: Encoding): string {
  if (!enc.explicitVr) return IMPLICIT_VR_LITTLE_ENDIAN;
  return enc.littleEndian ? EXPLICIT_VR_LITTLE_ENDIAN : EXPLICIT_VR_BIG_ENDIAN;
}

export function describeEncoding(enc: Encoding): string {
  if (!enc.explicitVr) return 'implicit VR little endian';
  return enc.littleEndian ? 'explicit VR little endian' : 'explicit VR big endian';
}

export function isDeflatedDataset(transferSyntaxUid: string): boolean {
  return transferSyntaxUid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
}

/** Implicit LE, explicit LE and explicit BE: pixel data stored uncompressed, not in fragments. */
export function isNativeTransferSyntax(transferSyntaxUid: string): boolean {
  return (
    transferSyntaxUid === IMPLICIT_VR_LITTLE_ENDIAN ||
    transferSyntaxUid === EXPLICIT_VR_LITTLE_ENDIAN ||
    transferSyntaxUid === EXPLICIT_VR_BIG_ENDIAN
  );
}
