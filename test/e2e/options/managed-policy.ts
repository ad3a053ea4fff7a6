// Setting an organisation's (managed) policy for real, the way docs/deployment.md tells IT to:
//   Chromium on Linux: a JSON file in /etc/chromium/policies/managed/ with the policy under
//     "3rdparty" → "extensions" → the extension's id (read when Chromium starts);
//   Firefox: policies.json in the installation's distribution/ folder, with the policy under
//     "policies" → "3rdparty" → "Extensions" → the add-on's id (read when Firefox starts).
// Both are machine-wide: every browser started while the file is there reads it. So that other
// test runs on the same machine (which use the same builds) are not affected, the policy is filed
// under an id only this run's copy of the build has:
//   Chromium: an unpacked extension's id is derived from its folder's path (sha256 of the
//     absolute path, first 32 hex digits mapped 0-f → a-p; crx_file/id_util.cc), so a copy in a
//     fresh temporary folder gets its own id, computed here before launch and checked after;
//   Firefox: the copy's manifest gets its own gecko id (the only change made to the build).
// The file stays while that browser runs (Chromium watches the folder and would drop a removed
// policy mid-test) and is removed when it closes (remove() in a finally), again in afterAll, and
// on exit, whatever happened.
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILD_FOR, buildUnderTest, type BrowserName } from '../harness';

export const CHROMIUM_MANAGED_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_DISTRIBUTION_DIR = '/usr/lib/firefox-esr/distribution';
/** Firefox reads this one first when it exists (EnterprisePoliciesParent.sys.mjs, SysConfD). */
export const FIREFOX_SYSTEM_POLICIES = '/etc/firefox/policies/policies.json';
const E2E_GECKO_ID = /^safe-send-e2e-\d+@safe-send\.example$/;

/** Chromium's id for an unpacked extension loaded from `absolutePath`. */
export function chromiumExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** The nearest folder of `path` that exists (itself, or an ancestor). */
function nearestExisting(path: string): string {
  let dir = path;
  while (!existsSync(dir)) dir = dirname(dir);
  return dir;
}

function writable(path: string): boolean {
  try {
    accessSync(nearestExisting(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A policies.json this file wrote in an earlier run that was killed before it could clean up. */
function isOurLeftover(file: string): boolean {
  try {
    const extensions = JSON.parse(readFileSync(file, 'utf8'))?.policies?.['3rdparty']?.Extensions ?? {};
    const ids = Object.keys(extensions);
    return ids.length > 0 && ids.every((id) => E2E_GECKO_ID.test(id));
  } catch {
    return false;
  }
}

/** Why a managed policy cannot be set on this machine, or undefined when it can. */
export function managedPolicyUnavailable(name: BrowserName): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root, so the browsers’ machine-wide policy folders cannot be written';
  if (name === 'chromium') {
    if (!writable(CHROMIUM_MANAGED_DIR)) return `${CHROMIUM_MANAGED_DIR} cannot be written`;
    return undefined;
  }
  if (!existsSync(FIREFOX_DISTRIBUTION_DIR)) return `${FIREFOX_DISTRIBUTION_DIR} does not exist (Firefox ESR is installed elsewhere)`;
  if (!writable(FIREFOX_DISTRIBUTION_DIR)) return `${FIREFOX_DISTRIBUTION_DIR} cannot be written`;
  if (existsSync(FIREFOX_SYSTEM_POLICIES)) return `${FIREFOX_SYSTEM_POLICIES} exists and would be read instead`;
  const file = join(FIREFOX_DISTRIBUTION_DIR, 'policies.json');
  if (existsSync(file) && !isOurLeftover(file)) return `${file} already exists (this machine's own policy; not overwritten)`;
  return undefined;
}

export interface ManagedPolicy {
  /** The copy of the build to launch: the policy is filed under its id. */
  readonly extensionDir: string;
  /** The id the policy is filed under (Chromium: computed from the copy's path). */
  readonly extensionId: string;
  /** Writes `document` as the organisation's policy for the copy. */
  write(document: object): void;
  /** Removes the policy file (safe to call any number of times). */
  remove(): void;
  /** Removes the file, the folders made for it, and the copy of the build. */
  dispose(): void;
}

export function prepareManagedPolicy(name: BrowserName): ManagedPolicy {
  const copies = realpathSync(mkdtempSync(join(tmpdir(), 'safe-send-managed-e2e-')));
  const target = BUILD_FOR[name];
  const extensionDir = join(copies, target);
  cpSync(buildUnderTest(target), extensionDir, { recursive: true });

  let extensionId: string;
  let file: string;
  let content: (document: object) => object;
  if (name === 'chromium') {
    extensionId = chromiumExtensionId(extensionDir);
    file = join(CHROMIUM_MANAGED_DIR, `safe-send-e2e-${process.pid}.json`);
    content = (document) => ({ '3rdparty': { extensions: { [extensionId]: document } } });
  } else {
    extensionId = `safe-send-e2e-${process.pid}@safe-send.example`;
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.browser_specific_settings.gecko.id = extensionId;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    file = join(FIREFOX_DISTRIBUTION_DIR, 'policies.json');
    content = (document) => ({ policies: { '3rdparty': { Extensions: { [extensionId]: document } } } });
  }

  // Folders this run had to make (Chromium's policies/managed), removed again when empty.
  const made: string[] = [];
  const remove = () => rmSync(file, { force: true });
  const onExit = () => remove();
  process.on('exit', onExit);
  return {
    extensionDir,
    extensionId,
    write(document) {
      for (let dir = dirname(file); !existsSync(dir); dir = dirname(dir)) made.unshift(dir);
      mkdirSync(dirname(file), { recursive: true });
      // Readable by all, writable by root: what deployment.md tells IT to do.
      writeFileSync(file, `${JSON.stringify(content(document), null, 2)}\n`, { mode: 0o644 });
    },
    remove,
    dispose() {
      remove();
      process.off('exit', onExit);
      for (const dir of [...made].reverse()) {
        try {
          rmdirSync(dir);
        } catch {
          // Not empty: something else was put there meanwhile; leave it.
        }
      }
      rmSync(copies, { recursive: true, force: true });
    },
  };
}
