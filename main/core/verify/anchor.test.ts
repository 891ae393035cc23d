import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRun, makeSmallVault } from '../../test-support/verify/small-vault';
import { formatAnchor, parseAnchor } from './anchor';

describe('the anchor <seq>:<sha256 hex>', () => {
  let root = '';
  let vault = '';
  beforeAll(async () => ({ root, vault } = await makeSmallVault(1)));
  afterAll(() => { rmSync(root, { recursive: true, force: true }); });

  it('round-trips and refuses malformed text', () => {
    const hash = Buffer.alloc(32, 0xab);
    expect(parseAnchor(formatAnchor(7, hash))).toEqual({ seq: 7, hash });
    for (const bad of ['0:' + 'ab'.repeat(32), '7:' + 'AB'.repeat(32), '7:' + 'ab'.repeat(31), '7' + 'ab'.repeat(32), '']) expect(parseAnchor(bad)).toBeNull();
  });

  it('verify prints the head; a later verify --anchor proves the log still holds it, a wrong one exits 4', async () => {
    const first = JSON.parse((await cliRun(['--vault', vault, '--json', 'verify'])).stdout) as { anchor: string; eventsChecked: number };
    expect(first.anchor).toMatch(new RegExp(`^${first.eventsChecked}:[0-9a-f]{64}$`));
    const text = await cliRun(['--vault', vault, 'verify']);
    expect(text.stdout).toContain(`Anchor (note it down to prove later that history was not rewritten): ${first.anchor}`);

    const good = await cliRun(['--vault', vault, '--json', 'verify', '--anchor', first.anchor]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, anchorCheck: { anchor: first.anchor, found: true } });

    const [seq, hash] = first.anchor.split(':') as [string, string];
    const forged = `${seq}:${hash.slice(0, 63)}${hash.endsWith('0') ? '1' : '0'}`;
    const bad = await cliRun(['--vault', vault, '--json', 'verify', '--anchor', forged]);
    expect(bad.code).toBe(4);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, anchorCheck: { found: false }, problems: [{ kind: 'anchor-not-found' }] });

    const beyond = await cliRun(['--vault', vault, '--json', 'verify', '--anchor', `${Number(seq) + 5}:${hash}`]);
    expect(beyond.code).toBe(4);

    const malformed = await cliRun(['--vault', vault, 'verify', '--anchor', 'yesterday']);
    expect(malformed.code).toBe(2);
  });
});
