/**
 * The package's `exports` map has no "types" condition, so with moduleResolution
 * "bundler" TypeScript cannot find its index.d.ts (TS7016). This re-exposes those types
 * as an ES module: default export = the constructor, named types for the handles.
 * Project-wide effect: if the shared types folder gets its own shim, delete this one.
 */
/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module may not use relative import declarations; import() types are the only way to reach the package's own d.ts */
declare module 'better-sqlite3-multiple-ciphers' {
  type Upstream = typeof import('../../../node_modules/better-sqlite3-multiple-ciphers/index');
  const Database: Upstream;
  export default Database;
  export type Database = import('../../../node_modules/better-sqlite3-multiple-ciphers/index').Database;
  export type Statement<P extends unknown[] | object = unknown[], R = unknown> = import(
    '../../../node_modules/better-sqlite3-multiple-ciphers/index'
  ).Statement<P, R>;
  export type Options = import('../../../node_modules/better-sqlite3-multiple-ciphers/index').Options;
  export type RunResult = import('../../../node_modules/better-sqlite3-multiple-ciphers/index').RunResult;
  export type SqliteError = import('../../../node_modules/better-sqlite3-multiple-ciphers/index').SqliteError;
}
