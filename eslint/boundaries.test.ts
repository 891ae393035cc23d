/**
 * The folder boundaries fail on deliberate violations (and leave allowed imports alone). Run with
 * the real rule and zone table that `npm run lint` uses.
 */
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { boundariesRule, sqlInDbRule } from './boundaries.js';

// RuleTester reports through the test framework's hooks when they are set on the class.
Object.assign(RuleTester, { afterAll, describe, it });

const root = path.resolve(import.meta.dirname, '..');
const at = (file: string, code: string) => ({ code, filename: path.join(root, file) });
const bad = (file: string, code: string, ...messages: RegExp[]) => ({ ...at(file, code), errors: messages.map((message) => ({ message })) });

new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } }).run('scanvault/boundaries', boundariesRule, {
  valid: [
    at('main/core/import/run-import.ts', "import { x } from '../vault/vault';"),
    at('main/core/session/x.test.ts', "import { createDispatcher } from '../../api/dispatch';"),
    at('main/hosts/electron/main.ts', "import { app } from 'electron'; import { h } from '../common/security-headers';"),
    at('main/hosts/cli/commands/serve-command.ts', "import { startBrowserHost } from '../../server/browser-host';"),
    at('main/core/dicom/read-dicom.ts', "import dcmjs from 'dcmjs';"),
    at('main/core/dicom/read-dicom.test.ts', "import { f } from '../../test-support/dicom-fixtures';"),
    at('shared/api/index.ts', "import { z } from 'zod';"),
    at('renderer/src/viewer/cornerstone/init.ts', "import { init } from '@cornerstonejs/core'; import * as p from 'dicom-parser';"),
    at('main/core/dicom/codecs/jpeg-ls.ts', "const c = await import('@cornerstonejs/codec-charls/decodewasmjs');"),
    at('e2e/support/decode-page/main.ts', "import { cache } from '@cornerstonejs/core';"),
  ],
  invalid: [
    bad('main/core/vault/vault.ts', "import { app } from 'electron';", /only main\/hosts\/electron/),
    bad('main/core/import/x.ts', "import type { S } from '../../hosts/server/uploads';", /never imports a host/),
    bad('main/core/import/x.ts', "import { d } from '../../api/dispatch';", /never imports a host/),
    bad('main/hosts/electron/app-protocol.ts', "import { s } from '../server/security';", /Hosts do not import each other/),
    bad('main/hosts/server/browser-host.ts', "import { c } from '../cli/context';", /Hosts do not import each other/),
    bad('main/hosts/cli/commands/data-commands.ts', "import { s } from '../../server/browser-host';", /Hosts do not import each other/),
    bad('main/core/vault/vault.ts', "import { h } from '../../test-support/vault/vault-helpers';", /never imports test support/),
    bad('renderer/src/App.tsx', "import { f } from '../../main/test-support/dicom-fixtures';", /renderer talks only/, /never imports test support/),
    bad('main/core/library/list-library.ts', "import dcmjs from 'dcmjs';", /dcmjs is used only/),
    bad('main/hosts/cli/main.ts', "const d = await import('dcmjs');", /dcmjs is used only/),
    bad('shared/domain.ts', "import { readFile } from 'node:fs/promises';", /shared\/ is pure/),
    bad('renderer/src/screens/study/StudyScreen.tsx', "import { RenderingEngine } from '@cornerstonejs/core';", /used only inside renderer\/src\/viewer\/cornerstone/),
    bad('renderer/src/components/Thumbnail.tsx', "import { ToolGroupManager } from '@cornerstonejs/tools';", /used only inside renderer\/src\/viewer\/cornerstone/),
    bad('renderer/src/viewer/tags/TagBrowser.tsx', "import * as dicomParser from 'dicom-parser';", /used only inside renderer\/src\/viewer\/cornerstone/),
    bad('main/core/dicom/read-dicom.ts', "import { init } from '@cornerstonejs/dicom-image-loader';", /used only inside renderer\/src\/viewer\/cornerstone/),
    bad('renderer/src/api/client.ts', "import path from 'path';", /never to Node/),
  ],
});

new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } }).run('scanvault/boundaries (SQLite)', boundariesRule, {
  valid: [
    at('main/core/db/database.ts', "import Database from 'better-sqlite3-multiple-ciphers';"),
    at('main/core/import/x.test.ts', "import Database from 'better-sqlite3-multiple-ciphers';"),
  ],
  invalid: [
    bad('main/core/import/x.ts', "import type { Database } from 'better-sqlite3-multiple-ciphers';", /used only inside main\/core\/db/),
    bad('main/core/library/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';", /used only inside main\/core\/db/),
  ],
});

new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } }).run('scanvault/sql-in-db', sqlInDbRule, {
  valid: [
    at('main/core/db/settings.ts', "db.prepare('SELECT 1').get();"),
    at('main/core/import/x.test.ts', "vault.db.prepare('SELECT 1').get();"),
    at('main/core/import/run-import.ts', "preparer.prepare(file); /^a$/.exec(s); vault.blobs.flush();"),
  ],
  invalid: [
    bad('main/core/import/x.ts', "vault.db.prepare('SELECT 1').get();", /SQL belongs in main\/core\/db/),
    bad('main/core/import/x.ts', "db.exec('BEGIN IMMEDIATE');", /SQL belongs in main\/core\/db/),
    bad('main/core/vault/x.ts', "this.database.pragma('user_version');", /SQL belongs in main\/core\/db/),
    bad('main/core/import/x.ts', "const t = state.vault.db.transaction(() => 1);", /SQL belongs in main\/core\/db/),
  ],
});

describe('eslint.config.js', () => {
  it('applies both rules to production code', async () => {
    const { ESLint } = await import('eslint');
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(path.join(root, 'main/core/import/run-import.ts'))) as { rules: Record<string, unknown> };
    expect(config.rules['scanvault/sql-in-db']).toEqual([2]);
    expect(config.rules['scanvault/boundaries']).toEqual([2]);
  });

  it('rejects a deliberate violation in a production file: SQL on vault.db and the SQLite package outside db/', async () => {
    const { ESLint } = await import('eslint');
    const code = [
      "import Database from 'better-sqlite3-multiple-ciphers';",
      "import type { OpenVault } from '../vault/vault';",
      'export function wipe(vault: OpenVault): unknown {',
      "  vault.db.prepare('DELETE FROM settings').run();",
      '  return Database;',
      '}',
      '',
    ].join('\n');
    const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: path.join(root, 'main/core/import/batch.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['scanvault/boundaries', 'scanvault/sql-in-db']);
  }, 60_000);
});
