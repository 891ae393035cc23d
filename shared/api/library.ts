/** What the vault holds: people, studies, series, and their previews. */
import { z } from 'zod';
import { Library, Thumbnail } from '../domain';
import { Empty, method } from './method';

export const libraryMethods = {
  listLibrary: method(Empty, Library, { needsUnlock: true }),
  getSeriesThumbnail: method(
    z.object({ seriesId: z.number().int().positive() }).strict(),
    Thumbnail.nullable(),
    { needsUnlock: true },
  ),
} as const;
