import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { VaultFolderPath } from '../../../shared/domain';
import { createDispatcher } from '../../api/dispatch';
import { FAST_KDF } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';
import { resolveVaultDir } from './vault-folder';

const PASS = 'correct horse battery staple';

describe('ScanVaultCore: switching the vault folder', () => {
  let root: string;
  let settingsFile: string;
  let firstDir: string;
  const newCore = (vaultDir: string) => new ScanVaultCore({ vaultDir, settingsFile, host: 'browser', log: silentLogger, ...FAST_KDF });

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-switch-'));
    settingsFile = path.join(root, 'config', 'settings.json');
    firstDir = path.join(root, 'first');
  });

  it('switches to an empty folder (no vault yet) and creates the new vault there', async () => {
    const core = newCore(firstDir);
    const empty = path.join(root, 'usb');
    mkdirSync(empty);
    const status = await core.setVaultFolder({ dir: empty });
    expect(status).toMatchObject({ state: 'no-vault', vaultDir: empty });
    await core.createVault({ passphrase: PASS });
    expect(existsSync(path.join(empty, 'vault.json'))).toBe(true);
    expect(existsSync(firstDir)).toBe(false);
    await core.lockNow();
  });

  it('does not create a vault in a chosen folder that has gone missing (a disconnected drive)', async () => {
    const drive = path.join(root, 'media', 'usb', 'ScanVault');
    const first = newCore(firstDir);
    await first.setVaultFolder({ dir: drive });
    expect(existsSync(drive)).toBe(true); // made when chosen
    // Next launch, with the drive unplugged: the mount point is empty, the folder is not there.
    rmSync(path.join(root, 'media', 'usb'), { recursive: true });
    const nextLaunch = newCore(resolveVaultDir({ settingsFile, fallback: firstDir }));
    expect(await nextLaunch.getStatus()).toMatchObject({ state: 'no-vault', vaultDir: drive, vaultFolderMissing: true });
    await expect(nextLaunch.createVault({ passphrase: PASS })).rejects.toMatchObject({ code: 'PATH_NOT_FOUND' });
    expect(existsSync(drive)).toBe(false);
    // The default folder, never chosen, is simply created.
    const fresh = new ScanVaultCore({ vaultDir: path.join(root, 'default'), settingsFile: path.join(root, 'none.json'), host: 'cli', log: silentLogger, ...FAST_KDF });
    expect((await fresh.getStatus()).vaultFolderMissing).toBe(false);
  });

  it('switches to a folder holding a vault: locked, and it unlocks there', async () => {
    const other = path.join(root, 'other');
    const maker = newCore(other);
    await maker.createVault({ passphrase: PASS });
    await maker.lockNow();

    const core = newCore(firstDir);
    expect((await core.getStatus()).state).toBe('no-vault');
    expect(await core.setVaultFolder({ dir: other })).toMatchObject({ state: 'locked', vaultDir: other });
    expect(await core.unlock({ passphrase: PASS })).toMatchObject({ state: 'unlocked', vaultDir: other });
    await core.lockNow();
  });

  it('accepts a folder holding other files, but creating a vault there is refused', async () => {
    const full = path.join(root, 'documents');
    mkdirSync(full);
    writeFileSync(path.join(full, 'letter.txt'), 'hello');
    const core = newCore(firstDir);
    expect(await core.setVaultFolder({ dir: full })).toMatchObject({ state: 'no-vault', vaultDir: full });
    await expect(core.createVault({ passphrase: PASS })).rejects.toMatchObject({ code: 'FOLDER_NOT_EMPTY' });
  });

  it('is refused while a vault is open, and while one is opening', async () => {
    const core = newCore(firstDir);
    await core.createVault({ passphrase: PASS });
    await expect(core.setVaultFolder({ dir: path.join(root, 'elsewhere') })).rejects.toMatchObject({
      code: 'BAD_REQUEST', message: 'Lock the vault before switching to another folder.',
    });
    expect((await core.getStatus()).vaultDir).toBe(firstDir);
    expect(existsSync(settingsFile)).toBe(false);

    await core.lockNow();
    const unlocking = core.unlock({ passphrase: PASS });
    await expect(core.setVaultFolder({ dir: path.join(root, 'elsewhere') })).rejects.toMatchObject({
      code: 'BAD_REQUEST', message: 'ScanVault is still opening or switching the vault folder. Wait a moment, then try again.',
    });
    expect(await unlocking).toMatchObject({ state: 'unlocked', vaultDir: firstDir });
    await core.lockNow();
  });

  it('remembers the choice: a new core resolving from the same settings file opens that folder', async () => {
    const usb = path.join(root, 'usb-vault');
    const core = newCore(firstDir);
    await core.setVaultFolder({ dir: usb });
    await core.createVault({ passphrase: PASS });
    await core.lockNow();
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ vaultDir: usb });

    const nextLaunch = newCore(resolveVaultDir({ settingsFile, fallback: firstDir }));
    expect(await nextLaunch.getStatus()).toMatchObject({ state: 'locked', vaultDir: usb });
    // An explicit folder (the CLI's --vault) still wins over the remembered one.
    const explicit = newCore(resolveVaultDir({ explicit: firstDir, settingsFile, fallback: '/unused' }));
    expect(await explicit.getStatus()).toMatchObject({ state: 'no-vault', vaultDir: firstDir });
  });

  it('without a settings file, switches only for this run', async () => {
    const core = new ScanVaultCore({ vaultDir: firstDir, host: 'cli', log: silentLogger, ...FAST_KDF });
    const other = path.join(root, 'other');
    expect(await core.setVaultFolder({ dir: other })).toMatchObject({ vaultDir: other });
    expect(existsSync(settingsFile)).toBe(false);
  });

  it('has no folder picker outside the desktop app', async () => {
    await expect(newCore(firstDir).pickVaultFolder()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('dispatcher: setVaultFolder validation', () => {
  let root: string;
  let core: ScanVaultCore;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-switch-'));
    core = new ScanVaultCore({ vaultDir: path.join(root, 'first'), settingsFile: path.join(root, 'settings.json'), host: 'browser', log: silentLogger, ...FAST_KDF });
  });

  it.each([
    ['a relative path', { dir: 'Documents/vault' }, 'Type the full path of the folder'],
    ['an empty path', { dir: '' }, 'Type the full path of a folder.'],
    ['a path over 4096 characters', { dir: `/${'a'.repeat(4096)}` }, 'That path is too long'],
    ['a NUL character', { dir: '/media/usb\0/x' }, 'cannot contain a NUL character'],
    ['a number', { dir: 42 }, '(field “dir”)'],
    ['no folder', {}, '(field “dir”)'],
    ['an extra field', { dir: '/media/usb', create: true }, 'The request was not valid'],
  ])('refuses %s before the core sees it', async (_name, input, message) => {
    const dispatch = createDispatcher(core, silentLogger, core);
    const result = await dispatch('setVaultFolder', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST');
      expect(result.error.message).toContain(message);
    }
    expect((await core.getStatus()).vaultDir).toBe(path.join(root, 'first'));
    expect(existsSync(path.join(root, 'settings.json'))).toBe(false);
  });

  it('lets a full path of up to 4096 characters through to the core, which checks it on this system', async () => {
    const dispatch = createDispatcher(core, silentLogger, core);
    const longest = path.join(root, 'v'.repeat(4096 - root.length - 1));
    expect(longest.length).toBe(4096);
    expect(await dispatch('setVaultFolder', { dir: longest })).toEqual({
      ok: false, error: { code: 'BAD_REQUEST', message: 'That path is too long. Choose a folder with a shorter path.' },
    });
    if (process.platform !== 'win32') {
      expect(await dispatch('setVaultFolder', { dir: 'D:\\ScanVault' })).toEqual({
        ok: false, error: { code: 'BAD_REQUEST', message: 'Type the full path of the folder, starting from the top of the drive.' },
      });
    }
    const ok = await dispatch('setVaultFolder', { dir: path.join(root, 'second') });
    expect(ok).toMatchObject({ ok: true, value: { state: 'no-vault', vaultDir: path.join(root, 'second') } });
  });

  it('the shared schema knows full paths on Linux, macOS and Windows', () => {
    for (const good of ['/media/usb', 'D:\\ScanVault', 'e:/ScanVault', '\\\\nas\\share\\vault']) expect(VaultFolderPath.safeParse(good).success).toBe(true);
    for (const bad of ['D:ScanVault', '~/vault', './vault', 'vault', '\\\\']) expect(VaultFolderPath.safeParse(bad).success).toBe(false);
  });
});
