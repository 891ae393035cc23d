/**
 * The post-flight's second half, worked out from the profile alone rather than from the plan the
 * transform made: in the re-read output, what the profile removes is gone, what it empties is
 * empty, what it replaces with a made-up value no longer holds the original, every instance UID
 * it replaces differs from the original, and no private attribute is
 * left unless Retain Safe Private allowed it. A mistake in the transform then cannot hide behind
 * a plan that agrees with it.
 */
import { tagText } from '../../dicom/dictionary';
import { isPrivateGroup } from '../../../../shared/standards/confidentiality';
import { DeidError } from './deid-error';
import type { DataElement } from './dataset-tree';
import { actionFor, isStandardUid, type Profile } from './profile';
import type { ShareKeys } from './keyed';
import { dummyValue } from './values';

/** For callers without the share's keys: a UI made-up value then never equals the original anyway. */
const NO_KEYS: ShareKeys = { uid: (original) => `${original}.0`, pseudonym: '', dateShiftDays: 0 };

function fail(path: string, what: string): never {
  throw new DeidError('EXPORT_CHECK_FAILED', `The check after de-identification found ${path} ${what}; nothing was exported. Please report this problem.`);
}

const text = (value: Uint8Array) => Buffer.from(value).toString('latin1').replace(/[\0 ]+$/, '').trim();

/** Walks original and output side by side (same paths); private elements are checked by group only. */
export function checkAgainstProfile(profile: Profile, original: readonly DataElement[], output: readonly DataElement[], prefix = '', keys: ShareKeys = NO_KEYS): void {
  const byTag = new Map(output.map((e) => [e.tag, e]));
  const keepsPrivate = profile.options.has('retain-safe-private');
  for (const out of output) {
    if (!keepsPrivate && isPrivateGroup(out.tag >>> 16)) fail(prefix + tagText(out.tag), 'still holds private data');
  }
  for (const element of original) {
    if (isPrivateGroup(element.tag >>> 16)) continue;
    const path = prefix + tagText(element.tag);
    const now = byTag.get(element.tag);
    const action = actionFor(profile, element.tag, element.vr, null);
    if (action === 'remove' && now !== undefined) fail(path, 'present although the profile removes it');
    if (action === 'empty' && now !== undefined && !(now.items?.length === 0 || (now.items === null && now.value.length === 0))) {
      // Patient ID and Name carry the pseudonym instead of nothing.
      if (element.tag !== 0x00100010 && element.tag !== 0x00100020) fail(path, 'not empty although the profile empties it');
    }
    // A made-up value (D) never keeps the original's, unless the original already was the made-up one.
    if (action === 'dummy' && now !== undefined && element.items === null && !element.encapsulated && element.value.length > 0) {
      const same = Buffer.from(now.value).equals(Buffer.from(element.value));
      if (same && !Buffer.from(dummyValue(element.vr, element.value, keys)).equals(Buffer.from(element.value))) fail(path, 'still holds its original value although the profile replaces it');
    }
    if (action === 'uid' && now !== undefined && element.items === null) {
      const before = text(element.value).split('\\').filter((uid) => uid !== '' && !isStandardUid(uid));
      const after = new Set(text(now.value).split('\\'));
      if (before.some((uid) => after.has(uid))) fail(path, 'still holds an original UID');
    }
    if (element.items !== null && now?.items != null) {
      element.items.forEach((item, i) => {
        const outItem = now.items?.[i];
        if (outItem !== undefined) checkAgainstProfile(profile, item, outItem, `${path}[${i}]`, keys);
      });
    }
  }
}
