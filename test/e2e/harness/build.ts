// Where the production builds are, and building them when they are missing.
//
// `npm test` (scripts/test.mjs) always builds both targets before vitest runs, so the e2e tests
// see the current code. A direct `npx vitest run --project e2e` uses whatever is in .output and
// builds only a target that is not there at all — rebuild by hand after changing the code.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type BuildTarget = 'chrome-mv3' | 'firefox-mv2' | 'firefox-mv3';

const BUILD_ARGS: Record<BuildTarget, string[]> = {
  'chrome-mv3': [],
  'firefox-mv2': ['-b', 'firefox'],
  'firefox-mv3': ['-b', 'firefox', '--mv3'],
};

/** Absolute folder of a build, built with `wxt build` first if it has no manifest yet. */
export function ensureBuilt(target: BuildTarget, root: string = REPO_ROOT): string {
  const dir = join(root, '.output', target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    const command = `npx wxt build ${BUILD_ARGS[target].join(' ')}`.trim();
    try {
      execFileSync('npx', ['wxt', 'build', ...BUILD_ARGS[target]], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      // Keep WXT's own error lines, drop its progress and warnings.
      const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      const reasons = output.split('\n').filter((line) => /\berror\b|✗/i.test(line)).slice(0, 5);
      throw new Error(`The e2e tests need .output/${target} and \`${command}\` failed:\n${reasons.join('\n')}`);
    }
  }
  return dir;
}

/**
 * The build to test: `.output/<target>` (built if missing, as `ensureBuilt`), or
 * `$SAFE_SEND_E2E_OUTPUT/<target>` when that is set — a build made with SAFE_SEND_OUT_DIR beside
 * the shared one, so a run is not broken by someone else rebuilding `.output` in the same checkout.
 */
export function buildUnderTest(target: BuildTarget): string {
  const elsewhere = process.env.SAFE_SEND_E2E_OUTPUT;
  if (!elsewhere) return ensureBuilt(target);
  const dir = join(resolve(elsewhere), target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`SAFE_SEND_E2E_OUTPUT is set but ${dir} has no build`);
  return dir;
}

/** The folder of the harness's own test pages. */
export const HARNESS_PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
