import { migration0010 } from './0010-initial-schema';
import { migration0020 } from './0020-people';
import { migration0030 } from './0030-library-query';
import { migration0040 } from './0040-ai-record';
import { migration0050 } from './0050-shares';
import type { Migration } from './migration';

/** In order. Add new files as 0020-..., 0030-... and append them here. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;
