// The permissions Safe Send asks for are the least it needs (issue 5), read from the manifests
// that ship: `.output/chrome-mv3/manifest.json` (Chrome and Edge) and
// `.output/firefox-mv2/manifest.json`. `npm test` builds both before vitest runs; a direct vitest
// run uses what is there and FAILS (never passes quietly) when a build is missing or older than
// the files that make the manifest.
//
// What the extension needs, and why that is all (product.md):
//   storage           the policy, the sent-to history (addresses only), daily counts;
//   the 4 OWA hosts   the content scripts run there, and the popup reads whether the active tab is
//                     one of them (host permissions give tabs.query the url; no "tabs" needed).
// Nothing else: no <all_urls>, tabs, webRequest, scripting, cookies, downloads, identity….
// The host patterns are written out here, not imported from src/outlook/hosts.ts, so that a
// change there has to be made here too, on purpose (as test/e2e/harness/hosts.ts does).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OWA_PATTERNS = [
  'https://email.nhs.net/*',
  'https://outlook.cloud.microsoft/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
];

/** Permissions that would let the extension see or send more than an OWA page (or run code). */
const NEVER = ['<all_urls>', 'tabs', 'activeTab', 'webRequest', 'webRequestBlocking', 'scripting', 'cookies', 'history', 'downloads', 'identity', 'management', 'debugger', 'nativeMessaging', 'clipboardRead', 'declarativeNetRequest'];

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT_DIR = resolve(ROOT, process.env.SAFE_SEND_OUT_DIR ?? '.output');

/** The files a build's manifest is made from: a manifest older than any of them is stale. */
function manifestInputs(): string[] {
  const files = ['wxt.config.ts', 'package.json', 'src/outlook/hosts.ts'].map((f) => join(ROOT, f));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(ROOT, 'entrypoints'));
  return files.filter((f) => existsSync(f));
}

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  version: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; exclude_matches?: string[]; js?: string[] }[];
  web_accessible_resources?: ({ resources: string[]; matches?: string[]; extension_ids?: string[] } | string)[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
};

function readManifest(target: 'chrome-mv3' | 'firefox-mv2'): Manifest {
  const path = join(OUT_DIR, target, 'manifest.json');
  const command = target === 'chrome-mv3' ? 'npm run build' : 'npm run build:firefox';
  if (!existsSync(path))
    throw new Error(`${path} is missing: this test reads the built manifest. Run \`${command}\` (npm test builds both first).`);
  const built = statSync(path).mtimeMs;
  const newer = manifestInputs().filter((file) => statSync(file).mtimeMs > built);
  if (newer.length > 0)
    throw new Error(
      `${path} is older than ${newer.map((f) => f.slice(ROOT.length + 1)).join(', ')}: run \`${command}\` so this test checks what would ship.`,
    );
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const sorted = (list: readonly string[]) => [...list].sort();

/** Every content script's match patterns, together. */
const contentScriptMatches = (manifest: Manifest) => [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches))];

/**
 * The directives of a CSP that allow code from somewhere other than the extension itself, or
 * code made from strings: `https:`, `*`, a host, 'unsafe-eval', 'unsafe-inline', data:/blob:.
 * Undefined CSP = the browser's default for extensions, which already forbids all of these.
 */
function remoteCodeAllowedBy(csp: string | undefined): string[] {
  if (csp === undefined) return [];
  const problems: string[] = [];
  for (const directive of csp.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    if (!['script-src', 'script-src-elem', 'script-src-attr', 'default-src', 'object-src', 'worker-src', 'child-src', 'frame-src'].includes(name!))
      continue;
    for (const source of sources)
      if (!["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source)) problems.push(`${name} ${source}`);
  }
  return problems;
}

describe.each([
  ['chrome-mv3', 'Chrome and Edge'],
  ['firefox-mv2', 'Firefox'],
] as const)('%s manifest (%s)', (target, _browsers) => {
  const manifest = () => readManifest(target);

  it('asks for storage and the four NHSmail hosts, nothing more', () => {
    const m = manifest();
    if (m.manifest_version === 3) {
      expect(m.permissions).toEqual(['storage']);
      expect(sorted(m.host_permissions ?? [])).toEqual(OWA_PATTERNS);
    } else {
      // MV2 has one list for both kinds.
      expect(sorted(m.permissions ?? [])).toEqual(sorted(['storage', ...OWA_PATTERNS]));
      expect(m.host_permissions).toBeUndefined();
    }
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
  });

  it('names no broad or sensitive permission anywhere', () => {
    const m = manifest();
    const asked = [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_permissions ?? [])];
    expect(asked.filter((p) => NEVER.includes(p))).toEqual([]);
    // Also in any other key (content scripts, web-accessible resources): no all-sites pattern.
    const text = JSON.stringify(m);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"(\*|https?):\/\/\*\/\*"/);
  });

  it('runs content scripts on the four NHSmail hosts only, the same hosts it has permission for', () => {
    const m = manifest();
    const scripts = m.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(sorted(script.matches)).toEqual(OWA_PATTERNS);
    const hostPermissions = m.manifest_version === 3 ? (m.host_permissions ?? []) : (m.permissions ?? []).filter((p) => p.includes('://'));
    expect(sorted(contentScriptMatches(m))).toEqual(sorted(hostPermissions));
  });

  it('lets only NHSmail pages load its web-accessible files, which are its own scripts by name', () => {
    const m = manifest();
    const entries = m.web_accessible_resources ?? [];
    const files = entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.resources));
    // By name: a wildcard would expose every file in the package (options page, schema, icons).
    for (const file of files) expect(file).toMatch(/^[\w./-]+\.js$/);
    for (const entry of entries) {
      if (typeof entry === 'string') continue; // MV2: no per-site list; Firefox's extension origin is a random per-install id
      expect(entry.extension_ids ?? []).toEqual([]);
      expect(sorted(entry.matches ?? [])).toEqual(OWA_PATTERNS);
    }
  });

  it('has a content security policy that allows no remote code and no eval', () => {
    const m = manifest();
    const csp = m.content_security_policy;
    const pages = typeof csp === 'string' ? csp : csp?.extension_pages;
    expect(remoteCodeAllowedBy(pages)).toEqual([]);
    if (typeof csp === 'object') expect(remoteCodeAllowedBy(csp.sandbox)).toEqual([]);
    // No web page can message the extension directly.
    expect(m.externally_connectable).toBeUndefined();
  });

  it('takes its version from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest().version).toBe(pkg.version);
  });
});

describe('the same permissions in every browser', () => {
  it('Firefox exposes no file that Chrome does not expose to NHSmail pages', () => {
    const chromeFiles = (readManifest('chrome-mv3').web_accessible_resources ?? []).flatMap((e) => (typeof e === 'string' ? [e] : e.resources));
    const firefoxFiles = (readManifest('firefox-mv2').web_accessible_resources ?? []).flatMap((e) => (typeof e === 'string' ? [e] : e.resources));
    for (const file of firefoxFiles) expect(chromeFiles).toContain(file);
    // The warning UI chunk: Firefox's content scripts import it without it being listed, and an
    // MV2 list (no per-site matches) would open it to every page (wxt.config.ts).
    expect(firefoxFiles).not.toContain('warning.js');
  });

  it('Firefox declares that Safe Send collects no data (data_collection_permissions)', () => {
    const gecko = (readManifest('firefox-mv2').browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('the CSP check itself', () => {
  it('finds remote and eval sources, and accepts the extension defaults', () => {
    expect(remoteCodeAllowedBy("script-src 'self'; object-src 'self'")).toEqual([]);
    expect(remoteCodeAllowedBy("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';")).toEqual([]);
    expect(remoteCodeAllowedBy("script-src 'self' https://cdn.example.org; object-src 'self'")).toEqual(['script-src https://cdn.example.org']);
    expect(remoteCodeAllowedBy("default-src * 'unsafe-eval'")).toEqual(['default-src *', "default-src 'unsafe-eval'"]);
    // Styles and images may come from anywhere without running code: not this check's business.
    expect(remoteCodeAllowedBy("script-src 'self'; img-src https:")).toEqual([]);
  });
});
