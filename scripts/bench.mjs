#!/usr/bin/env node
// `npm run bench`: how long checkDraft takes, with the default policy (every rule on).
//   typical — 5 recipients, 2 KB body, 1,000 known addresses       target: median < 0.5 ms
//   heavy   — 500 recipients, 100 KB body, 10 attachments,
//             20,000 known addresses                                target: median < 16 ms (a frame)
// The TypeScript sources are bundled with esbuild (the bundler WXT and Vite already use), so the
// code measured is the code a content script runs, with no test-runner transform in between.
// Each scenario runs in a fresh Node process so its first call is truly cold (no JIT, no index);
// then warm-up calls, then timed calls, reported as median and 95th percentile.
// Exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'safe-send-bench-'));
const bundle = join(dir, 'bench.mjs');

try {
  await build({
    entryPoints: [join(root, 'test/bench/check-draft.bench.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
  });

  const run = (scenario) => {
    const result = spawnSync(process.execPath, [bundle, scenario], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    if (result.status !== 0) throw new Error(`bench ${scenario} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop());
  };

  const ms = (n) => (n < 1 ? n.toFixed(3) : n.toFixed(2)).padStart(9);
  const TARGETS = { typical: 0.5, heavy: 16 };
  let missed = 0;
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; times in ms`);
  console.log('first: the row\'s first call — for the top row of a scenario, the first call in a fresh process');
  console.log('(nothing compiled, every index built); for later rows, the first with that policy object.\n');
  for (const [scenario, title] of [
    ['typical', 'typical — 5 recipients, 2 KB body, 1,000 known addresses'],
    ['heavy', 'heavy — 500 recipients, 100 KB body, 10 attachments, 20,000 known addresses'],
    ['distance', 'edit distance — bounded (ours) vs the damerau-levenshtein package'],
  ]) {
    const rows = run(scenario);
    console.log(title);
    console.log(`${'what'.padEnd(44)} ${'first'.padStart(9)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'runs'.padStart(6)} findings`);
    for (const row of rows) {
      console.log(
        `${row.label.padEnd(44)} ${ms(row.first)} ${ms(row.median)} ${ms(row.p95)} ${String(row.iterations).padStart(6)} ${(row.findings < 0 ? '-' : String(row.findings)).padStart(8)}`,
      );
    }
    const target = TARGETS[scenario];
    if (target !== undefined) {
      const median = rows[0].median;
      const ok = median < target;
      if (!ok) missed += 1;
      console.log(`target: median under ${target} ms — ${ok ? 'met' : 'MISSED'} (${median.toFixed(3)} ms)`);
    }
    console.log('');
  }
  process.exitCode = missed > 0 ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
