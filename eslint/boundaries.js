// A local ESLint rule: which folder may import which. One table for every boundary the README
// claims, checked on every import, export-from, dynamic import() and require() of a string.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith('main/test-support/') || file.startsWith('e2e/');
const isProduction = (file) => /^(main|renderer|shared)\//.test(file) && !isTest(file);

/**
 * Each zone: the files it applies to (`from`), and what they may not import. A target is a repo
 * path (for relative imports) or a package name. `forbid` returns a message, or null when allowed.
 */
export const ZONES = [
  {
    from: (f) => f.startsWith('shared/'),
    forbid: ({ pkg, target }) => (pkg && (NODE.has(pkg) || ['electron', 'react', 'react-dom'].includes(pkg))) || /^(main|renderer)\//.test(target ?? '')
      ? 'shared/ is pure: no Node, DOM, Electron, main/ or renderer/ imports.' : null,
  },
  {
    from: (f) => f.startsWith('main/core/'),
    forbid: ({ target }, file) => {
      // Tests may drive the core through the dispatcher, as a host would.
      if (/^main\/(hosts|api)\//.test(target ?? '') && !isTest(file)) return 'The core never imports a host or the dispatcher: hosts call the core, not the other way round.';
      return null;
    },
  },
  {
    from: (f) => f.startsWith('main/') && !f.startsWith('main/hosts/electron/'),
    forbid: ({ pkg }) => (pkg === 'electron' ? 'The core and the other hosts are plain Node: only main/hosts/electron may import electron.' : null),
  },
  {
    from: (f) => f.startsWith('main/'),
    forbid: ({ target }) => (/^renderer\//.test(target ?? '') ? 'main/ must not import the renderer.' : null),
  },
  ...['electron', 'server', 'cli', 'common'].map((host) => ({
    from: (f) => f.startsWith(`main/hosts/${host}/`),
    forbid: ({ target }, file) => {
      const other = /^main\/hosts\/(electron|server|cli|common)\//.exec(target ?? '')?.[1];
      if (!other || other === host || other === 'common') return null;
      // The CLI's `serve` command is how the browser host is started: the one allowed crossing.
      if (file === 'main/hosts/cli/commands/serve-command.ts' && other === 'server') return null;
      return `Hosts do not import each other (${host} -> ${other}); move shared host code to main/hosts/common/.`;
    },
  })),
  {
    from: (f) => f.startsWith('renderer/'),
    forbid: ({ pkg, target }) => {
      if (pkg && (NODE.has(pkg) || pkg === 'electron')) return 'The renderer talks only to the API contract, never to Node or Electron.';
      if (/^main\//.test(target ?? '')) return 'The renderer talks only to the API contract (shared/), never to main/.';
      return null;
    },
  },
  {
    from: isProduction,
    forbid: ({ target }) => (/(^|\/)test-support\//.test(target ?? '') ? 'Production code never imports test support.' : null),
  },
  {
    from: (f) => isProduction(f) && !f.startsWith('main/core/dicom/') && !f.startsWith('main/core/types/'),
    forbid: ({ pkg }) => (pkg === 'dcmjs' ? 'dcmjs is used only inside main/core/dicom/ (and tests); the core reads DICOM with its own walker.' : null),
  },
  {
    // Cornerstone3D sits behind one adapter folder: the rest of the app sees only its functions.
    // The core's own codecs (main/core/dicom/codecs) load the codec WASM packages directly.
    from: (f) => isProduction(f) && !f.startsWith('renderer/src/viewer/cornerstone/'),
    forbid: ({ pkg }, file) => {
      if (pkg === null || !(pkg.startsWith('@cornerstonejs/') || pkg === 'dicom-parser')) return null;
      if (file.startsWith('main/core/dicom/codecs/') && pkg.startsWith('@cornerstonejs/codec-')) return null;
      return 'Cornerstone3D and dicom-parser are used only inside renderer/src/viewer/cornerstone/: call the adapter\'s functions.';
    },
  },
  {
    from: (f) => isProduction(f) && !f.startsWith('main/core/db/') && !f.startsWith('main/core/types/'),
    forbid: ({ pkg }) => (pkg === 'better-sqlite3-multiple-ciphers'
      ? 'The database is used only inside main/core/db/: call its functions, and write through vault.writes.' : null),
  },
];

/** Calls that run SQL or open a transaction on a database handle (`db.prepare`, `vault.db.exec`, ...). */
const SQL_METHODS = new Set(['prepare', 'exec', 'pragma', 'transaction']);
const DB_NAMES = /^(db|database)$/;

function isDatabaseHandle(node) {
  if (node.type === 'Identifier') return DB_NAMES.test(node.name);
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && DB_NAMES.test(node.property.name);
}

/** Outside main/core/db/ (and tests) no SQL runs on a database handle: the rest of the core calls db/ functions. */
export const sqlInDbRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'SQL only inside main/core/db/.' } },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (!isProduction(file) || file.startsWith('main/core/db/')) return {};
    return {
      CallExpression: (n) => {
        const callee = n.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (!SQL_METHODS.has(callee.property.name) || !isDatabaseHandle(callee.object)) return;
        context.report({ node: n, message: `SQL belongs in main/core/db/ (a typed function per statement); writes go through vault.writes. Found .${callee.property.name}() on a database.` });
      },
    };
  },
};

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.startsWith('node:') ? spec : spec.split('/')[0];
}

/** What an import specifier points at, seen from `file` (a repo-relative path). */
export function describeImport(file, spec) {
  if (spec.startsWith('.')) {
    return { pkg: null, target: path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) };
  }
  return { pkg: packageName(spec), target: null };
}

export function violations(file, spec) {
  const imported = describeImport(file, spec);
  return ZONES.filter((z) => z.from(file)).map((z) => z.forbid(imported, file)).filter((m) => m !== null);
}

export const boundariesRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Enforce the folder boundaries of ScanVault.' } },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      for (const message of violations(file, node.value)) context.report({ node, message });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0]);
      },
    };
  },
};

export const boundariesPlugin = { rules: { boundaries: boundariesRule, 'sql-in-db': sqlInDbRule } };
