/**
 * MANIFEST.json: what the bundle is (recipient, purpose, date, profile and options, the vault's
 * history anchor), every other file in it with size and SHA-256 (and encoding changes made on the
 * way), and the public key whose Ed25519 signature over these exact bytes is MANIFEST.sig.
 * docs/share-bundle.md describes it for whoever checks a bundle without ScanVault.
 */
import { z } from 'zod';

export const MANIFEST_FILE = 'MANIFEST.json';
export const SIGNATURE_FILE = 'MANIFEST.sig';
export const README_FILE = 'README.txt';
export const DICOMDIR_FILE = 'DICOMDIR';
export const MANIFEST_FORMAT = 'scanvault-share-manifest';

const ManifestFile = z.object({
  path: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  conversions: z.array(z.string()).optional(),
  masked: z.boolean().optional(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  date: z.string(),
  recipient: z.object({ name: z.string(), role: z.string().nullable(), org: z.string().nullable(), contact: z.string().nullable() }),
  purpose: z.string(),
  kind: z.enum(['de-identified', 'identified']),
  profile: z.string().nullable(),
  options: z.array(z.string()),
  burnedIn: z.string().nullable(),
  pseudonym: z.string().nullable(),
  anchor: z.string(),
  signingKey: z.object({ algorithm: z.literal('Ed25519'), publicKeyPem: z.string(), fingerprint: z.string() }),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;

export const PROFILE_NAME = 'DICOM PS3.15 Basic Application Level Confidentiality Profile';

/** Stable bytes: two-space JSON with a final newline (the signature covers exactly these). */
export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

export function parseManifest(bytes: Uint8Array): Manifest | null {
  try {
    const parsed = Manifest.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
