/** The library feature's handlers: what the vault holds. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { OpenVault } from '../vault/vault';
import { listImportRows } from '../db/library-query';
import { listLibrary } from './list-library';
import { libraryFilters, queryStudies } from './query-studies';

export class LibraryFeature {
  constructor(private readonly vault: () => OpenVault) {}

  async listLibrary(): Promise<ApiOutput<'listLibrary'>> {
    return listLibrary(this.vault().db);
  }

  async queryStudies(input: ApiParsedInput<'queryStudies'>): Promise<ApiOutput<'queryStudies'>> {
    return queryStudies(this.vault().db, input);
  }

  async getLibraryFilters(): Promise<ApiOutput<'getLibraryFilters'>> {
    return libraryFilters(this.vault().db);
  }

  async listImports(): Promise<ApiOutput<'listImports'>> {
    return { imports: listImportRows(this.vault().db) };
  }
}
