// The small part of dcmjs ScanVault uses (dcmjs ships no type declarations).
declare module 'dcmjs' {
  export interface DicomElement { vr: string; Value?: unknown[] }
  export type DenaturalizedDataset = Record<string, DicomElement>;
  export type NaturalizedDataset = Record<string, unknown>;

  export class DicomDict {
    constructor(meta: DenaturalizedDataset);
    meta: DenaturalizedDataset;
    dict: DenaturalizedDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  export interface ReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }

  const dcmjs: {
    log: { setLevel(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'): void };
    data: {
      DicomMessage: { readFile(buffer: ArrayBuffer, options?: ReadOptions): DicomDict };
      DicomMetaDictionary: {
        naturalizeDataset(dataset: DenaturalizedDataset): NaturalizedDataset;
        denaturalizeDataset(dataset: NaturalizedDataset): DenaturalizedDataset;
        uid(): string;
        /** Keyed by '(GGGG,EEEE)' in upper-case hex; repeating groups answer for each group. */
        dictionary: Record<string, { tag: string; vr: string; vm: string; name: string; version: string } | undefined>;
      };
      DicomDict: typeof DicomDict;
    };
  };
  export default dcmjs;
}
