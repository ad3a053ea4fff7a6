// Building the Chrome extension for the demo and the screenshots: always a fresh `wxt build`, so
// what people try (and what the README shows) is the code as it is now, not an old .output.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../../test/e2e/harness';

/**
 * Where `wxt build` puts the Chrome build. wxt.config.ts reads SAFE_SEND_OUT_DIR (a second build
 * beside the tests' one), so this does too.
 */
export function chromeBuildDir(): string {
  return resolve(REPO_ROOT, process.env.SAFE_SEND_OUT_DIR ?? '.output', 'chrome-mv3');
}

/** Runs `npx wxt build`; resolves with the build folder, rejects with WXT's output on failure. */
export async function buildChromeExtension(): Promise<string> {
  const child = spawn('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`\`npx wxt build\` failed (exit code ${code}):\n${output.trim()}`);
  return chromeBuildDir();
}
