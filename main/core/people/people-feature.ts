/** The people feature's handlers: persons above DICOM patient records, links and profiles. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { OpenVault } from '../vault/vault';
import * as people from './people-handlers';

export class PeopleFeature {
  constructor(private readonly vault: () => OpenVault) {}

  async listPeople(): Promise<ApiOutput<'listPeople'>> { return people.listPeople(this.vault()); }
  async getPersonProfile(i: ApiParsedInput<'getPersonProfile'>): Promise<ApiOutput<'getPersonProfile'>> { return people.getPersonProfile(this.vault(), i); }
  updatePersonProfile(i: ApiParsedInput<'updatePersonProfile'>): Promise<ApiOutput<'updatePersonProfile'>> { return people.updatePersonProfile(this.vault(), i); }
  linkRecords(i: ApiParsedInput<'linkRecords'>): Promise<ApiOutput<'linkRecords'>> { return people.linkRecords(this.vault(), i); }
  unlinkRecord(i: ApiParsedInput<'unlinkRecord'>): Promise<ApiOutput<'unlinkRecord'>> { return people.unlinkRecord(this.vault(), i); }
  renamePerson(i: ApiParsedInput<'renamePerson'>): Promise<ApiOutput<'renamePerson'>> { return people.renamePerson(this.vault(), i); }
}
