/** Plain-text output of the share commands (the --json shapes are the API's own). */
import type { ExportReport, ShareDraft, ShareRecord, VerifyExportReport } from '../../../shared/share/share-domain';

export function formatExportReport(report: ExportReport, draft: ShareDraft): string {
  const lines = [
    `Shared ${report.files} file(s) to ${report.destination.path} (${report.destination.kind}).`,
    report.pseudonym !== null ? `The doctor sees you as ${report.pseudonym}.` : 'This is an identified copy: it shows your name and details.',
  ];
  if (draft.screeningAvailable === false && !draft.identified && draft.burnedIn !== 'trust-headers') {
    lines.push('Pictures were not screened for burned-in text (not available here); only the file headers were checked.');
  }
  if (draft.burnedIn === 'trust-headers' && !draft.identified) lines.push('Burned-in text: only the file headers were checked (--burned-in trust-headers), which is weaker than screening.');
  if (report.heldBack.length > 0) {
    lines.push(`Held back (not shared): ${report.heldBack.length} file(s). Review them in the app, or use --burned-in exclude or mask:`);
    for (const h of report.heldBack) lines.push(`  ${h.sopInstanceUid}  ${h.reason}`);
  }
  if (report.masked.length > 0) lines.push(`Text covered in ${report.masked.length} picture(s).`);
  for (const c of report.conversions) lines.push(`Converted: ${c.conversion} (${c.files} file(s)).`);
  lines.push(`Share ${report.shareId} is in your share log. Package SHA-256: ${report.packageSha256}`);
  lines.push(`History anchor: ${report.anchor}`);
  lines.push(`Key fingerprint (give it to the doctor by phone or letter): ${report.fingerprint}`);
  return lines.join('\n') + '\n';
}

/**
 * Why nothing would leave (every chosen picture held back or left out), each picture with its
 * plain reason, and what to do next: the app's review is the one way to release a held-back picture.
 */
export function formatNothingToShare(draft: ShareDraft): string {
  const leftOut = draft.leftOut ?? [];
  const lines = [`Nothing was shared: all ${draft.heldBack.length + leftOut.length} chosen file(s) are held back or left out.`];
  const excluded = new Set(draft.decisions.filter((d) => d.action === 'exclude').map((d) => d.instanceId));
  for (const h of draft.heldBack) lines.push(`  ${h.sopInstanceUid}  ${excluded.has(h.instanceId) ? 'left out (--burned-in exclude)' : 'held back'}: ${h.explanation}`);
  for (const l of leftOut) lines.push(`  ${l.sopInstanceUid}  left out: ${l.reason}`);
  if (draft.heldBack.length > 0) {
    lines.push('To share held-back pictures, review them in the app ("scanvault serve", then Share): look at each one, cover any text, then include or leave it out.');
    if (draft.burnedIn !== 'mask') lines.push('Or use --burned-in mask to cover the text that screening finds, without review.');
  }
  return lines.join('\n');
}

export function formatShares(shares: readonly ShareRecord[]): string {
  if (shares.length === 0) return 'No shares recorded yet.\n';
  const lines: string[] = [];
  for (const s of shares) {
    const who = [s.recipient.name, s.recipient.role, s.recipient.org].filter(Boolean).join(', ');
    lines.push(`#${s.id}  ${s.date}  ${who}${s.outside ? '  (recorded by hand)' : ''}`);
    lines.push(`    purpose: ${s.purpose}; method: ${s.method}`);
    if (s.recipient.contact !== null) lines.push(`    contact: ${s.recipient.contact}`);
    for (const i of s.items) lines.push(`    ${i.level} ${i.label ?? i.uid}`);
    if (s.profile !== null) lines.push(`    ${s.profile}${s.options.length > 0 ? `; kept: ${s.options.join(', ')}` : ''}`);
    if (s.pseudonym !== null) lines.push(`    pseudonym: ${s.pseudonym}`);
    if (s.packageSha256 !== null) lines.push(`    package SHA-256: ${s.packageSha256}`);
    if (s.note !== null) lines.push(`    note: ${s.note}`);
  }
  return lines.join('\n') + '\n';
}

/** `fingerprintGiven`: checked against --fingerprint; otherwise only against the key the share carries, which proves nothing about who made it. */
export function formatVerifyExport(r: VerifyExportReport, fingerprintGiven: boolean): string {
  const lines = [r.ok ? 'The share checks out: signature valid, every file as signed.' : 'The share does NOT check out.'];
  if (r.recipient !== null) lines.push(`Made for ${r.recipient} on ${r.date ?? '?'}; ${r.files} file(s) listed; history anchor ${r.anchor ?? '-'}.`);
  lines.push(`Fingerprint verified against: ${r.fingerprint ?? '(none: no readable key)'}`);
  if (!fingerprintGiven && r.fingerprint !== null) {
    lines.push('That is the key the share carries itself. To know the patient made it, compare it with the fingerprint they gave you by phone or letter, or run again with --fingerprint.');
  }
  if (!r.signatureValid) lines.push('The signature is missing or does not match the manifest.');
  if (r.fingerprintMismatch) lines.push('The key that signed this share is NOT the one with the fingerprint given: it was not made by that vault.');
  for (const p of r.problems) lines.push(`  ${p.problem}: ${p.path}`);
  return lines.join('\n') + '\n';
}
