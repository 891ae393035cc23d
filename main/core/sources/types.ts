/** Public types of the import sources layer (see scan-sources.ts for the behaviour). */

export interface SourceFile {
  /**
   * As shown to the patient and stored as provenance. It starts with the name of what the patient
   * chose (folder, zip or file name), then the path inside it, always with '/':
   * "HOSPITAL_CD/IMAGES/IM0001", "archive.zip/inner/path", "scan.dcm".
   */
  relativePath: string;
  /** Bytes (uncompressed size for zip entries, as declared by the archive and enforced on read). */
  size: number;
  /** Whole file bytes, for files small enough to hold in memory. Zip entries are inflated with the limits enforced while streaming. Rejects with SourceReadError. */
  read(): Promise<Buffer>;
  /**
   * The same bytes in chunks (a few MiB at most are held at once), for files of any size. The
   * iteration throws SourceReadError when reading fails, a zip limit is passed, or (after the
   * last chunk, before the iteration ends) the size or CRC-32 turns out wrong, so a consumer
   * that writes as it goes never finishes on bad bytes. Resolves with what `consume` returns.
   */
  stream<T>(consume: (chunks: AsyncIterable<Buffer>) => Promise<T>): Promise<T>;
  /** 'dicomdir-listed': referenced by a DICOMDIR; 'candidate': found by walking. */
  hint: 'dicomdir-listed' | 'candidate';
}

export type SourceItem =
  | { kind: 'file'; file: SourceFile }
  | { kind: 'skipped'; relativePath: string; reason: string; code: SkipCode }
  | { kind: 'failed'; relativePath: string; error: string; code: SourceErrorCode };

export interface MediumInfo {
  kind: 'files' | 'folder' | 'zip' | 'cd';
  /** Basenames of what the patient chose. */
  names: string[];
  volumeLabel: string | null;
  /** relativePath of the DICOMDIR used (the first one when several were used), or null. */
  dicomdir: string | null;
  /** Plain-language warnings about DICOMDIRs (no paths); the parser's own warnings are passed through. */
  dicomdirWarnings: string[];
}

export interface SourceScan {
  medium: MediumInfo;
  /** Number of 'file' items. */
  totalFiles: number;
  /** Sum of the sizes of the 'file' items. */
  totalBytes: number;
  items: SourceItem[];
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  maxCompressionRatio: number;
  maxNestingDepth: number;
  /** A zip inside a zip is held in memory to be read; larger inner archives fail with a plain reason. */
  maxNestedArchiveBytes: number;
}

export interface DicomdirEntry {
  referencedFileId: string[];
  recordType: string;
}

/** Same shape as readDicomdir in main/core/dicom/dicomdir.ts; throws when the DICOMDIR is unreadable. */
export type DicomdirParser = (bytes: Uint8Array) => { entries: DicomdirEntry[]; warnings: string[] };

export type SkipCode =
  | 'VIEWER_PROGRAM'
  | 'DISC_SETTINGS'
  | 'VIEWER_FILE'
  | 'DISC_DOCUMENT'
  | 'SYSTEM_FILE'
  | 'LINK_NOT_FOLLOWED'
  | 'NOT_A_REGULAR_FILE'
  | 'EMPTY_FILE';

export type SourceErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FOLDER_UNREADABLE'
  | 'FILE_READ_FAILED'
  | 'FILE_CHANGED'
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_TOO_MANY_FILES'
  | 'ARCHIVE_UNSUPPORTED'
  | 'ARCHIVE_NESTED_TOO_DEEP'
  | 'ARCHIVE_NESTED_TOO_LARGE'
  | 'ZIP_ENTRY_UNSAFE_NAME'
  | 'ZIP_ENTRY_ENCRYPTED'
  | 'ZIP_ENTRY_UNSUPPORTED_METHOD'
  | 'ZIP_ENTRY_TOO_LARGE'
  | 'ZIP_ENTRY_RATIO'
  | 'ZIP_TOTAL_TOO_LARGE'
  | 'ZIP_ENTRY_CORRUPT'
  | 'UPLOAD_UNSAFE_NAME'
  | 'UPLOAD_NAME_CONFLICT';

export interface ScanOptions {
  limits?: Partial<ZipLimits>;
  /** Without a parser, DICOMDIRs are returned as plain files and the tree is walked. */
  parseDicomdir?: DicomdirParser;
  signal?: AbortSignal;
}
