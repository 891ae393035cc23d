// `npm test`: typecheck, lint, unit tests, build, end-to-end tests. Ends with one plain line
// "N passed, N failed, N skipped" summing the unit and e2e suites (CI reads that line), and exits
// non-zero when any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const failures = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(`${name} (exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

function addVitest(file) {
  if (!existsSync(file)) return failures.push('unit (no report)');
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

function addPlaywright(file) {
  if (!existsSync(file)) return failures.push('e2e (no report)');
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
}

const only = process.argv[2];
if (!only || only === 'static') {
  step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  step('lint', 'npm', ['run', '--silent', 'lint']);
}
if (!only || only === 'unit') {
  rmSync('.tmp/vitest.json', { force: true });
  step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json']);
  addVitest('.tmp/vitest.json');
}
if (!only || only === 'e2e') {
  if (step('build', 'npm', ['run', '--silent', 'build'])) {
    rmSync('.tmp/playwright.json', { force: true });
    step('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json' });
    addPlaywright('.tmp/playwright.json');
  }
}

if (failures.length > 0) process.stdout.write(`\nFailed steps: ${failures.join(', ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
