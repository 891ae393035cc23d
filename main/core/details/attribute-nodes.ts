/**
 * The attribute tree as the tag browser shows it: names in words, values as one line of text,
 * placeholders for binary and pixel data, and the PS3.15 E.1-1 flag with its plain explanation.
 */
import type { AttributeNode } from '../../../shared/api/details';
import { confidentialityRule, isPrivateCreator, isPrivateGroup, safePrivateAttribute } from '../../../shared/standards/confidentiality';
import { cleanName, describeAction, explainIdentifying } from '../../../shared/standards/identifying-words';
import type { DicomAttribute } from '../dicom/attribute-tree';
import { keywordToWords, tagText } from '../dicom/dictionary';

const count = new Intl.NumberFormat('en');

function sizeWords(bytes: number): string {
  return `${count.format(bytes)} byte${bytes === 1 ? '' : 's'}`;
}

function nameOf(attribute: DicomAttribute, safeMeaning: string | null): string {
  const group = attribute.tag >>> 16;
  if (isPrivateGroup(group)) {
    if (isPrivateCreator(attribute.tag)) return 'Private block owner (maker name)';
    if (safeMeaning !== null) return safeMeaning;
    return attribute.privateCreator === null ? 'Private attribute (owner unknown)' : `Private attribute of ${attribute.privateCreator}`;
  }
  if (attribute.keyword !== null) return keywordToWords(attribute.keyword);
  const rule = confidentialityRule(attribute.tag);
  return rule !== null && !rule.tag.includes('X') ? cleanName(rule.name) : 'Unknown attribute';
}

function noteOf(attribute: DicomAttribute): string | null {
  if (attribute.pixelData !== null) {
    const { encapsulated, fragments } = attribute.pixelData;
    if (encapsulated) return `Image pixels, compressed${fragments === null ? '' : ` (${count.format(fragments)} fragment${fragments === 1 ? '' : 's'})`}; shown in the viewer, not here`;
    return `Image pixels, ${sizeWords(attribute.binaryLength ?? 0)}; shown in the viewer, not here`;
  }
  if (attribute.items !== null) return `${count.format(attribute.items.length)} item${attribute.items.length === 1 ? '' : 's'}`;
  if (attribute.binaryLength !== null) return `Binary data, ${sizeWords(attribute.binaryLength)}`;
  if (attribute.length === null) return 'Value of undefined length, not shown';
  if (attribute.values === null || attribute.values.every((v) => v === '')) return 'Empty';
  return null;
}

function identifyingOf(attribute: DicomAttribute, safe: boolean): AttributeNode['identifying'] {
  const rule = confidentialityRule(attribute.tag);
  if (rule === null) return null;
  return { reason: explainIdentifying(rule), whenShared: describeAction(rule.actions.basic), safePrivate: safe };
}

export function toAttributeNodes(attributes: DicomAttribute[]): AttributeNode[] {
  return attributes.map((attribute) => {
    const safe = attribute.privateCreator === null ? null : safePrivateAttribute(attribute.privateCreator, attribute.tag);
    const value = attribute.values === null || attribute.values.every((v) => v === '') ? null : attribute.values.join(' \\ ');
    return {
      tag: tagText(attribute.tag),
      keyword: attribute.keyword,
      name: nameOf(attribute, safe?.meaning ?? null),
      vr: attribute.vr,
      value,
      note: noteOf(attribute),
      truncated: attribute.truncated,
      privateCreator: attribute.privateCreator,
      identifying: identifyingOf(attribute, safe !== null),
      items: attribute.items === null ? null : attribute.items.map((item) => toAttributeNodes(item.attributes)),
    };
  });
}
