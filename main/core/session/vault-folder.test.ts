import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultVaultDir, settingsFilePath, userDataDir } from '../paths';
import { checkVaultFolder, readRememberedVaultDir, rememberVaultDir, resolveVaultDir } from './vault-folder';

describe('settings file (the remembered vault folder)', () => {
  let root: string;
  let settingsFile: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-folder-'));
    settingsFile = path.join(root, 'config', 'ScanVault', 'settings.json');
  });

  it('is absent at first: nothing is remembered', () => {
    expect(readRememberedVaultDir(settingsFile)).toBeNull();
  });

  it('holds only the folder, is written atomically and readable by this user only', async () => {
    await rememberVaultDir(settingsFile, '/media/usb/ScanVault');
    expect(readFileSync(settingsFile, 'utf8')).toBe('{\n  "vaultDir": "/media/usb/ScanVault"\n}\n');
    expect(statSync(settingsFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(settingsFile)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(settingsFile))).toEqual(['settings.json']);
    expect(readRememberedVaultDir(settingsFile)).toBe('/media/usb/ScanVault');
    await rememberVaultDir(settingsFile, '/srv/other');
    expect(readRememberedVaultDir(settingsFile)).toBe('/srv/other');
    expect(readdirSync(path.dirname(settingsFile))).toEqual(['settings.json']);
  });

  it('ignores a damaged or odd file instead of failing to start', () => {
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    for (const text of ['{not json', '[]', '{"vaultDir": 42}', '{"vaultDir": ""}', '{"vaultDir": "relative/folder"}']) {
      writeFileSync(settingsFile, text);
      expect(readRememberedVaultDir(settingsFile)).toBeNull();
    }
  });

  it('an explicit folder wins, then the remembered one, then the default', async () => {
    expect(resolveVaultDir({ settingsFile, fallback: '/default/vault' })).toBe('/default/vault');
    await rememberVaultDir(settingsFile, '/media/usb/ScanVault');
    expect(resolveVaultDir({ settingsFile, fallback: '/default/vault' })).toBe('/media/usb/ScanVault');
    expect(resolveVaultDir({ explicit: '/chosen/on/command/line', settingsFile, fallback: '/default/vault' })).toBe('/chosen/on/command/line');
    expect(resolveVaultDir({ explicit: 'relative', settingsFile, fallback: '/x' })).toBe(path.resolve('relative'));
  });
});

describe('checkVaultFolder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-folder-'));
  });

  it('accepts a missing folder, an empty one and a full one, normalised', async () => {
    expect(await checkVaultFolder(path.join(root, 'new', 'vault'))).toBe(path.join(root, 'new', 'vault'));
    expect(await checkVaultFolder(`${root}/./a/../`)).toBe(root);
    writeFileSync(path.join(root, 'photo.jpg'), 'x');
    expect(await checkVaultFolder(root)).toBe(root);
  });

  it('refuses a relative path and a file, with a message that names no path', async () => {
    await expect(checkVaultFolder('vault')).rejects.toMatchObject({
      code: 'BAD_REQUEST', message: 'Type the full path of the folder, starting from the top of the drive.',
    });
    const file = path.join(root, 'notes.txt');
    writeFileSync(file, 'x');
    const fileError = { code: 'BAD_REQUEST', message: 'That is a file, not a folder. Choose or type a folder for the vault.' };
    await expect(checkVaultFolder(file)).rejects.toMatchObject(fileError);
    await expect(checkVaultFolder(path.join(file, 'inside'))).rejects.toMatchObject(fileError);
  });
});

describe('per-user paths', () => {
  it('come from the environment only, so tests can point them at a temp folder', () => {
    expect(settingsFilePath({ HOME: '/h' }, 'linux')).toBe('/h/.config/ScanVault/settings.json');
    expect(settingsFilePath({ HOME: '/h', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/ScanVault/settings.json');
    expect(userDataDir({ HOME: '/Users/h' }, 'darwin')).toBe('/Users/h/Library/Application Support/ScanVault');
    expect(defaultVaultDir({ HOME: '/h' }, 'linux')).toBe('/h/.config/ScanVault/vault');
    expect(path.basename(settingsFilePath({ APPDATA: 'C:/Users/h/AppData/Roaming' }, 'win32'))).toBe('settings.json');
  });
});
