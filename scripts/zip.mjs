#!/usr/bin/env node
// `npm run zip`: the packages to publish, and proof that the Firefox sources rebuild them.
//
//   .output/safe-send-<version>-chrome.zip    Chrome Web Store and Edge Add-ons (one MV3 build)
//   .output/safe-send-<version>-firefox.zip   addons.mozilla.org (MV2)
//   .output/safe-send-<version>-sources.zip   the source code Mozilla's reviewers ask for
//
// Then, unless `--no-verify`:
//   1. `web-ext lint` on the Firefox package exactly as it ships (unzipped): 0 errors, 0 warnings;
//   2. the sources zip is unpacked into an empty folder, `npm ci` and `wxt build` run there as a
//      reviewer would run them, and every file of both builds is compared with the packages.
// Mozilla rejects an add-on whose sources do not rebuild it ("Source code submission"); this
// finds a missing file (wxt.config.ts's zip.includeSources is an allow-list) before they do.
//
//   node scripts/zip.mjs              make the packages and check them (about a minute)
//   node scripts/zip.mjs --no-verify  make the packages only
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
// Where WXT puts builds and zips; SAFE_SEND_OUT_DIR (wxt.config.ts) moves both.
const OUT = resolve(ROOT, process.env.SAFE_SEND_OUT_DIR ?? '.output');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const packages = {
  chrome: join(OUT, `${name}-${version}-chrome.zip`),
  firefox: join(OUT, `${name}-${version}-firefox.zip`),
  sources: join(OUT, `${name}-${version}-sources.zip`),
};

/** Runs a command; on failure prints its output and stops the script. Returns stdout + stderr. */
function run(cmd, cmdArgs, cwd = ROOT, { quiet = false } = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    process.stdout.write(output);
    fail(`\`${cmd} ${cmdArgs.join(' ')}\` failed${cwd === ROOT ? '' : ` in ${cwd}`} (exit ${result.status ?? result.signal}).`);
  }
  if (!quiet) process.stdout.write(output.split('\n').filter((line) => /✔|├─|└─|Σ/.test(line)).join('\n') + '\n');
  return output;
}

function fail(message) {
  process.stdout.write(`\nzip: ${message}\n`);
  process.exit(1);
}

function unzip(zip, dir) {
  run('unzip', ['-q', '-o', zip, '-d', dir], ROOT, { quiet: true });
}

/** Every file under `dir`, as `relative path → sha256`. */
function hashes(dir) {
  const out = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Differences between two folders' files, as lines a person can act on; empty when identical. */
function compareFolders(expectedDir, actualDir) {
  const expected = hashes(expectedDir);
  const actual = hashes(actualDir);
  const problems = [];
  for (const [file, hash] of expected) {
    if (!actual.has(file)) problems.push(`missing from the rebuild: ${file}`);
    else if (actual.get(file) !== hash) problems.push(`different in the rebuild: ${file}`);
  }
  for (const file of actual.keys()) if (!expected.has(file)) problems.push(`only in the rebuild: ${file}`);
  return { problems, files: expected.size };
}

const kB = (path) => `${(statSync(path).size / 1000).toFixed(1)} kB`;

// A package made from a working tree with uncommitted edits cannot be rebuilt from git later.
const status = spawnSync('git', ['status', '--porcelain', '--', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints', 'src', 'assets'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (status.status === 0 && status.stdout.trim())
  process.stdout.write(`Note: these files have uncommitted changes, and the packages include them:\n${status.stdout}\n`);

process.stdout.write('== Chrome and Edge package (wxt zip)\n');
run('npx', ['wxt', 'zip']);
process.stdout.write('== Firefox package and sources (wxt zip -b firefox)\n');
run('npx', ['wxt', 'zip', '-b', 'firefox']);
for (const path of Object.values(packages)) if (!existsSync(path)) fail(`expected ${relative(ROOT, path)}, which WXT did not make.`);

if (!args.has('--no-verify')) {
  const work = mkdtempSync(join(tmpdir(), 'safe-send-zip-'));
  try {
    process.stdout.write('== web-ext lint on the Firefox package as shipped\n');
    const shippedFirefox = join(work, 'shipped-firefox');
    unzip(packages.firefox, shippedFirefox);
    const lint = run('npx', ['web-ext', 'lint', '--source-dir', shippedFirefox, '--output', 'text'], ROOT, { quiet: true });
    const counts = /errors\s+(\d+)[\s\S]*?notices\s+(\d+)[\s\S]*?warnings\s+(\d+)/.exec(lint);
    if (!counts || counts[1] !== '0' || counts[3] !== '0') {
      process.stdout.write(lint);
      fail('web-ext lint must report 0 errors and 0 warnings.');
    }
    process.stdout.write(`errors 0, notices ${counts[2]}, warnings 0\n`);

    process.stdout.write('== Rebuilding from the sources zip (npm ci, wxt build) in an empty folder\n');
    const sources = join(work, 'sources');
    unzip(packages.sources, sources);
    for (const forbidden of ['node_modules', '.output', 'test', '.git'])
      if (existsSync(join(sources, forbidden))) fail(`the sources zip must not contain ${forbidden}/.`);
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], sources, { quiet: true });
    // The rebuild goes to the folder's own .output, whatever SAFE_SEND_OUT_DIR says here.
    delete env.SAFE_SEND_OUT_DIR;
    const shippedChrome = join(work, 'shipped-chrome');
    unzip(packages.chrome, shippedChrome);
    for (const [label, buildArgs, shipped, built] of [
      ['Firefox', ['-b', 'firefox'], shippedFirefox, 'firefox-mv2'],
      ['Chrome/Edge', [], shippedChrome, 'chrome-mv3'],
    ]) {
      run('npx', ['wxt', 'build', ...buildArgs], sources, { quiet: true });
      const { problems, files } = compareFolders(shipped, join(sources, '.output', built));
      if (problems.length > 0) {
        process.stdout.write(problems.map((line) => `  ${line}\n`).join(''));
        fail(`the ${label} build from the sources zip differs from the package (see above).`);
      }
      process.stdout.write(`${label}: all ${files} files byte-identical to the package\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.stdout.write('\nPackages:\n');
for (const path of Object.values(packages)) process.stdout.write(`  ${relative(ROOT, path)}  ${kB(path)}\n`);
