// The content scripts' size budget (issue 3): everything injected into every OWA frame at
// document_start — content.js (isolated world) and page-bridge.js (MAIN world) — at most 60 kB
// together, minified, as built. The warning UI chunk (warning.js, src/ui/warning.ts) is loaded
// only when a compose screen is open, so it has a budget of its own, small enough that its first
// load stays well inside one frame.
//
// Usage: node scripts/check-size.mjs (after `wxt build` and `wxt build -b firefox`).
// Reads .output/ (or SAFE_SEND_OUT_DIR); exits 1 when a build is missing or over budget.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(ROOT, process.env.SAFE_SEND_OUT_DIR ?? '.output');
const TARGETS = ['chrome-mv3', 'firefox-mv2'];
/** Bytes, as WXT's build summary counts kB (1 kB = 1,000 bytes). */
const CONTENT_SCRIPTS_BUDGET = 60_000;
const WARNING_CHUNK_BUDGET = 30_000;

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
let failed = false;

for (const target of TARGETS) {
  const dir = join(OUT_DIR, target);
  const scriptsDir = join(dir, 'content-scripts');
  if (!existsSync(scriptsDir)) {
    console.error(`${relative(ROOT, dir)}: no build (run \`npx wxt build${target.startsWith('firefox') ? ' -b firefox' : ''}\`)`);
    failed = true;
    continue;
  }
  console.log(`${target}:`);
  let total = 0;
  for (const name of readdirSync(scriptsDir).filter((f) => f.endsWith('.js')).sort()) {
    const size = statSync(join(scriptsDir, name)).size;
    total += size;
    console.log(`  content-scripts/${name.padEnd(16)} ${kB(size).padStart(9)}`);
  }
  const overScripts = total > CONTENT_SCRIPTS_BUDGET;
  console.log(`  ${'content scripts in all'.padEnd(32)} ${kB(total).padStart(9)} of ${kB(CONTENT_SCRIPTS_BUDGET)}${overScripts ? '  OVER BUDGET' : ''}`);

  const chunk = join(dir, 'warning.js');
  if (!existsSync(chunk)) {
    console.error(`  warning.js is missing: the warning UI chunk was not built (wxt.config.ts)`);
    failed = true;
  } else {
    const size = statSync(chunk).size;
    const over = size > WARNING_CHUNK_BUDGET;
    console.log(`  ${'warning.js (loaded on demand)'.padEnd(32)} ${kB(size).padStart(9)} of ${kB(WARNING_CHUNK_BUDGET)}${over ? '  OVER BUDGET' : ''}`);
    failed ||= over;
  }
  failed ||= overScripts;
}

if (failed) {
  console.error('Size check failed.');
  process.exit(1);
}
console.log('Size check passed.');
