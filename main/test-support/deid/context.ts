/** Test helper: a de-identification context for some files, with a fresh or given share secret. */
import { randomBytes } from 'node:crypto';
import type { DeidOptionName } from '../../../shared/share/options';
import { addIdentifiersFromFile, asShareSecret, buildTerms, emptyIdentifiers, makeProfile, shareKeys, type DeidContext, type PersonIdentifiers } from '../../core/share/deid';

export function deidContext(files: Uint8Array[], options: DeidOptionName[] = [], secret: Uint8Array = randomBytes(32), extra: Partial<PersonIdentifiers> = {}): DeidContext {
  const ids = emptyIdentifiers();
  for (const file of files) addIdentifiersFromFile(ids, file);
  for (const [key, values] of Object.entries(extra) as [keyof PersonIdentifiers, string[]][]) ids[key].push(...values);
  const profile = makeProfile(options);
  return { profile, keys: shareKeys(asShareSecret(secret)), terms: buildTerms(ids, profile.options.has('retain-institution-identity')) };
}
