/** Plain-text output of `scanvault show-tags` and `scanvault provenance`. */
import type { AttributeNode, InstanceAttributes, InstanceProvenance } from '../../../shared/api/details';

function tagLines(nodes: AttributeNode[], depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  for (const n of nodes) {
    const mark = n.identifying ? '  [can identify you]' : '';
    out.push(`${pad}${n.tag} ${n.vr ?? '??'} ${n.name}: ${n.value ?? n.note ?? ''}${n.truncated ? ' …' : ''}${mark}`);
    (n.items ?? []).forEach((item, i) => {
      out.push(`${pad}  Item ${i + 1} of ${n.items?.length ?? 0}`);
      tagLines(item, depth + 2, out);
    });
  }
}

export function formatAttributes(a: InstanceAttributes): string {
  const out = [`Transfer syntax: ${a.transferSyntax}`, `Character set: ${a.characterSet ?? 'default (ASCII)'}`];
  if (!a.complete) out.push('The file ends early or is partly garbled: attributes after that point are missing.');
  tagLines(a.attributes, 0, out);
  if (a.limited) out.push('… more attributes not shown.');
  out.push('[can identify you]: listed in DICOM PS3.15 Table E.1-1.');
  return `${out.join('\n')}\n`;
}

export function formatProvenance(p: InstanceProvenance): string {
  const out: string[] = [];
  for (const i of p.imports) {
    out.push(`Import "${i.sourceLabel}" (${i.sourceKind}) at ${i.importedAt}: ${i.outcome}`);
    out.push(`  received ${i.receivedDate ?? 'not recorded'}, handed over by ${i.handedOverBy ?? 'not recorded'}`);
    out.push(`  place in the source: ${i.originalPath}`);
  }
  out.push(`File SHA-256:     ${p.fileSha256}`);
  out.push(`Dataset SHA-256:  ${p.datasetSha256 ?? 'not recorded'}`);
  out.push(`Pixel digests:    ${p.pixel.status}, ${p.pixel.frameCount} frame(s)`);
  p.pixel.frameDigests.forEach((d, i) => out.push(`  frame ${i + 1}: ${d}`));
  return `${out.join('\n')}\n`;
}
