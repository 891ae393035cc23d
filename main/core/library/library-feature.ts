/** The library feature's handlers: what the vault holds, and series previews made in memory. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { OpenVault } from '../vault/vault';
import { listLibrary } from './list-library';
import { seriesThumbnail } from './thumbnail';

export class LibraryFeature {
  constructor(private readonly vault: () => OpenVault) {}

  async listLibrary(): Promise<ApiOutput<'listLibrary'>> {
    return listLibrary(this.vault().db);
  }

  async getSeriesThumbnail(input: ApiParsedInput<'getSeriesThumbnail'>): Promise<ApiOutput<'getSeriesThumbnail'>> {
    return seriesThumbnail(this.vault(), input.seriesId);
  }
}
