#!/usr/bin/env node
// `npm test`: everything CI checks, in order, ending with one plain line `N passed, N failed`
// that sums every suite (the vitest projects plus the build and lint checks).
//   node scripts/test.mjs            all of it
//   node scripts/test.mjs --no-e2e   without the real-browser suite (faster while editing)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, cmdArgs, { check } = {}) {
  const started = Date.now();
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  const ok = result.status === 0 && (!check || check(output));
  process.stdout.write(`-- ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

function step(label, cmd, cmdArgs, options) {
  if (run(label, cmd, cmdArgs, options)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('build chrome-mv3', 'npx', ['wxt', 'build']);
step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('web-ext lint (0 errors, 0 warnings)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'text'], {
  check: (out) => /errors\s+0\b/.test(out) && /warnings\s+0\b/.test(out),
});

step('content script size (isolated + MAIN world at most 60 kB)', 'node', ['scripts/check-size.mjs']);

const reportDir = mkdtempSync(join(tmpdir(), 'safe-send-vitest-'));
const report = join(reportDir, 'report.json');
const projects = args.has('--no-e2e') ? ['--project', 'unit', '--project', 'dom'] : [];
run('vitest', 'npx', ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails to load has no tests to count: count it as a failure, not as nothing.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      failed += 1;
      failures.push(`${file.name}: ${String(file.message ?? '').split('\n')[0]}`);
    }
  }
  for (const file of json.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') failures.push(`${t.ancestorTitles.join(' > ')} > ${t.title}`);
} catch (error) {
  failed += 1;
  failures.push(`vitest report unreadable: ${error.message}`);
}

// Ready to ship (issue 5): after the test suites, so its own builds can't disturb them.
if (!args.has('--no-e2e')) {
  // The packages, `web-ext lint` on the Firefox package as shipped, and a rebuild of the sources
  // zip in an empty folder that must match the packages byte for byte.
  step('npm run zip (packages, lint, sources rebuild identical)', 'node', ['scripts/zip.mjs']);
  // The README's pictures can still be made from the fixtures (into a temp folder; the committed
  // ones are not compared, fonts differ between machines).
  const shots = mkdtempSync(join(tmpdir(), 'safe-send-screenshots-'));
  step('npm run screenshots (README pictures from the fixtures)', 'npx', ['vite-node', 'scripts/screenshots.ts', '--no-build', '--out', shots], {
    check: () => {
      const pngs = readdirSync(shots).filter((f) => f.endsWith('.png'));
      return pngs.length === 6 && pngs.every((f) => statSync(join(shots, f)).size > 10_000);
    },
  });
}

if (failures.length) process.stdout.write(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
