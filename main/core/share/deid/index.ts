/** The de-identification engine for shares: one file in, one de-identified, checked file out. */
export { deidentifyFile, type DeidentifiedFile } from './deidentify';
export { DeidError, type DeidErrorCode } from './deid-error';
export { makeProfile, type Profile } from './profile';
export { asShareSecret, shareKeys, type ShareKeys, type ShareSecret } from './keyed';
export { addIdentifiersFromFile, addIdentifiersFromTree, buildTerms, emptyIdentifiers, isMakerName, type PersonIdentifiers, type Term } from './identifiers';
export type { DeidContext } from './transform';
export { holdReason, type HoldReason } from './release-rules';
export { readDicomTree, type DicomTree } from './dataset-tree';
