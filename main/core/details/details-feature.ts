/**
 * The study view's details: an instance's attributes (tag browser), its structured report as
 * text, and its provenance. Files are decrypted into memory for the answer and dropped after.
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import { CoreError } from '../core-error';
import { instanceDetails, instanceImports, type InstanceDetailsRow } from '../db/details';
import { DEFAULT_TREE_LIMITS, readAttributeTree, type AttributeTree, type TreeLimits } from '../dicom/attribute-tree';
import type { OpenVault } from '../vault/vault';
import { toAttributeNodes } from './attribute-nodes';
import { toProvenance } from './provenance';
import { readStructuredReport } from './structured-report';

const UNREADABLE = 'This file could not be read as a medical image file, so its details cannot be shown. It is still kept unchanged in the vault.';
const NOT_A_REPORT = 'This file is not a structured report. Open it in the image view or the attributes list instead.';
/** Reports keep long free text whole (findings can run to pages), still bounded. */
const REPORT_LIMITS: TreeLimits = { ...DEFAULT_TREE_LIMITS, maxTextChars: 65_536, maxNodes: 100_000 };
const SR_CLASS_PREFIX = '1.2.840.10008.5.1.4.1.1.88.';

export class DetailsFeature {
  constructor(private readonly vault: () => OpenVault) {}

  private row(instanceId: number): InstanceDetailsRow {
    const row = instanceDetails(this.vault().db, instanceId);
    if (row === null) throw new CoreError('NOT_FOUND');
    return row;
  }

  private async tree(row: InstanceDetailsRow, limits: TreeLimits): Promise<AttributeTree> {
    const bytes = await this.vault().blobs.readAll(row.blobId);
    if (bytes.length !== row.size) throw new CoreError('BLOB_CORRUPT');
    const tree = readAttributeTree(bytes, limits);
    if (tree === null) throw new CoreError('BAD_REQUEST', UNREADABLE);
    return tree;
  }

  async getInstanceAttributes(input: ApiParsedInput<'getInstanceAttributes'>): Promise<ApiOutput<'getInstanceAttributes'>> {
    const tree = await this.tree(this.row(input.instanceId), DEFAULT_TREE_LIMITS);
    return {
      transferSyntax: tree.transferSyntaxUid,
      characterSet: tree.characterSet,
      attributes: toAttributeNodes([...tree.meta, ...tree.dataset]),
      complete: tree.outcome === 'end' || tree.outcome === 'stopped',
      limited: tree.limited,
    };
  }

  async getStructuredReport(input: ApiParsedInput<'getStructuredReport'>): Promise<ApiOutput<'getStructuredReport'>> {
    const row = this.row(input.instanceId);
    if (row.sopClassUid?.startsWith(SR_CLASS_PREFIX) !== true) throw new CoreError('BAD_REQUEST', NOT_A_REPORT);
    const tree = await this.tree(row, REPORT_LIMITS);
    const report = readStructuredReport(tree.dataset);
    return { ...report, truncated: report.truncated || tree.limited };
  }

  async getInstanceProvenance(input: ApiParsedInput<'getInstanceProvenance'>): Promise<ApiOutput<'getInstanceProvenance'>> {
    const row = this.row(input.instanceId);
    return toProvenance(row, instanceImports(this.vault().db, input.instanceId));
  }
}
