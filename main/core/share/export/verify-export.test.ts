/** verify-export notices every kind of tampering with a bundle, folder or zip, and a wrong fingerprint. */
import { cpSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeShareVault, type ShareVault } from '../../../test-support/share/share-vault';
import { hashFile, verifyBundle } from './verify-bundle';

const IMAGE = 'DICOM/P0000001/S0000001/SE000001/IM000001';

describe('verify-export', () => {
  let v: ShareVault;
  let original: string;
  let zip: string;
  let fingerprint: string;
  let copies = 0;
  const copy = () => {
    const dir = path.join(v.root, `copy${copies++}`);
    cpSync(original, dir, { recursive: true });
    return dir;
  };
  beforeAll(async () => {
    v = await makeShareVault();
    const studyUid = await v.addStudy(2);
    const report = await v.exportTo((await v.prepare({ studyUids: [studyUid] })).draftId, 'folder', 'bundle');
    fingerprint = report.fingerprint;
    original = path.join(v.root, 'bundle');
    zip = path.join(v.root, 'bundle.zip');
    await v.exportTo((await v.prepare({ studyUids: [studyUid] })).draftId, 'zip', 'bundle.zip');
  });
  afterAll(() => v.cleanup());

  it('passes an untouched bundle and prints the fingerprint it checked against', async () => {
    expect(await verifyBundle(original)).toMatchObject({ ok: true, fingerprint, problems: [] });
    expect(await verifyBundle(original, fingerprint.replaceAll(' ', ':').toLowerCase())).toMatchObject({ ok: true, fingerprintMismatch: false });
  });

  it('finds a changed, a missing and an added file', async () => {
    const changed = copy();
    const bytes = readFileSync(path.join(changed, IMAGE));
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(path.join(changed, IMAGE), bytes);
    expect(await verifyBundle(changed)).toMatchObject({ ok: false, signatureValid: true, problems: [{ path: IMAGE, problem: 'changed' }] });
    const missing = copy();
    unlinkSync(path.join(missing, 'DICOMDIR'));
    expect(await verifyBundle(missing)).toMatchObject({ ok: false, problems: [{ path: 'DICOMDIR', problem: 'missing' }] });
    const added = copy();
    writeFileSync(path.join(added, 'DICOM', 'EXTRA'), 'x');
    expect(await verifyBundle(added)).toMatchObject({ ok: false, problems: [{ path: 'DICOM/EXTRA', problem: 'added' }] });
  });

  it('rejects a changed manifest, a bad signature and a key swapped for another', async () => {
    const edited = copy();
    const manifest = readFileSync(path.join(edited, 'MANIFEST.json'), 'utf8');
    writeFileSync(path.join(edited, 'MANIFEST.json'), manifest.replace('Dr Ada Second', 'Dr Eve Other'));
    expect(await verifyBundle(edited)).toMatchObject({ ok: false, signatureValid: false });
    const badSig = copy();
    const sig = readFileSync(path.join(badSig, 'MANIFEST.sig'));
    sig[0]! ^= 0x80;
    writeFileSync(path.join(badSig, 'MANIFEST.sig'), sig);
    expect(await verifyBundle(badSig)).toMatchObject({ ok: false, signatureValid: false });
    // Someone re-signs an edited manifest with their own key: the signature is valid, the fingerprint is not the patient's.
    const forged = copy();
    const pair = generateKeyPairSync('ed25519');
    const parsed = JSON.parse(manifest) as { recipient: { name: string }; signingKey: { publicKeyPem: string } };
    parsed.recipient.name = 'Dr Eve Other';
    parsed.signingKey.publicKeyPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const bytes = Buffer.from(JSON.stringify(parsed, null, 2) + '\n');
    writeFileSync(path.join(forged, 'MANIFEST.json'), bytes);
    writeFileSync(path.join(forged, 'MANIFEST.sig'), sign(null, bytes, pair.privateKey));
    expect(await verifyBundle(forged)).toMatchObject({ signatureValid: true });
    expect(await verifyBundle(forged, fingerprint)).toMatchObject({ ok: false, signatureValid: true, fingerprintMismatch: true, fingerprint });
    rmSync(path.join(forged, 'MANIFEST.sig'));
    expect(await verifyBundle(forged, fingerprint)).toMatchObject({ ok: false, problems: [{ path: 'MANIFEST.sig', problem: 'missing' }] });
  });

  it('checks a zip the same way: a flipped byte inside an entry is found', async () => {
    expect(await verifyBundle(zip, fingerprint)).toMatchObject({ ok: true, files: 4 });
    const bytes = readFileSync(zip);
    // The last byte of the first entry's data (pixel data of IM000001): headers and the directory stay intact.
    const nameLength = bytes.readUInt16LE(26);
    const size = bytes.readUInt32LE(18);
    const at = 30 + nameLength + size - 1;
    bytes[at]! ^= 1;
    const tampered = path.join(v.root, 'tampered.zip');
    writeFileSync(tampered, bytes);
    const report = await verifyBundle(tampered, fingerprint);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.path)).toContain(IMAGE);
  });

  it('hashes files of any size as a whole-file SHA-256 would (one read up to 8 MiB, pieces above)', async () => {
    for (const size of [0, 1, 65_537, 8 * 1024 * 1024 - 1, 8 * 1024 * 1024, 8 * 1024 * 1024 + 1, 9 * 1024 * 1024 + 3]) {
      const file = path.join(v.root, `hash-${size}`);
      const bytes = randomBytes(size);
      writeFileSync(file, bytes);
      expect(await hashFile(file)).toEqual({ size, sha256: createHash('sha256').update(bytes).digest('hex') });
      rmSync(file);
    }
  });

  it('says there is no share at a missing path', async () => {
    await expect(verifyBundle(path.join(v.root, 'nothing-here'))).rejects.toMatchObject({ code: 'PATH_NOT_FOUND' });
  });
});
