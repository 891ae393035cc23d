import { migration0010 } from './0010-initial-schema';
import type { Migration } from './migration';

/** In order. Add new files as 0020-..., 0030-... and append them here. */
export const MIGRATIONS: readonly Migration[] = [migration0010];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;
