/** What the vault holds: people, studies and series (previews are drawn by the viewer itself). */
import { Library } from '../domain';
import { Empty, method } from './method';

export const libraryMethods = {
  listLibrary: method(Empty, Library, { needsUnlock: true }),
} as const;
