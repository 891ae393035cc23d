import type { VaultDatabase } from '../database';

/** One schema step. `version` is the number in the file name (0010 -> 10). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: VaultDatabase): void;
}
