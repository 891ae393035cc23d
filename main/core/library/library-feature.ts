/** The library feature's handlers: what the vault holds. */
import type { ApiOutput } from '../../../shared/api';
import type { OpenVault } from '../vault/vault';
import { listLibrary } from './list-library';

export class LibraryFeature {
  constructor(private readonly vault: () => OpenVault) {}

  async listLibrary(): Promise<ApiOutput<'listLibrary'>> {
    return listLibrary(this.vault().db);
  }
}
