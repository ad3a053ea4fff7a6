// README.md's "Install" and "Reporting a broken Outlook page" sections, and CHANGELOG.md, tell
// people what they will see and what they will get. These tests keep them true to the code: the
// words quoted are the words shown, the packages named are the ones `npm run zip` makes, and the
// version in package.json has its changelog entry.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_TEXT } from '../../../src/activity/badge';
import { t } from '../../../src/i18n/index';
import { POPUP_TEXT } from '../../../src/popup/messages';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
/** Curly and straight apostrophes are the same words to a reader. */
const plain = (text: string) => text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

const readme = read('README.md');
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README.md has a "## ${heading}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return plain(readme.slice(start, end === -1 ? undefined : end));
}
const pkg = JSON.parse(read('package.json')) as { name: string; version: string };

describe('README: Reporting a broken Outlook page', () => {
  const report = () => section('Reporting a broken Outlook page');

  it('quotes the toolbar tooltip, the popup and its details as Safe Send shows them', () => {
    for (const shown of [BADGE_TEXT.unreadable, POPUP_TEXT.unreadable, POPUP_TEXT.unreadableDetails, POPUP_TEXT.unreadableMissing])
      expect(report()).toContain(plain(shown));
  });

  it('quotes the in-page notice as the guard writes it', () => {
    // The notice is the guard's `guard.unreadableScreen` message; the README elides its list.
    expect(report()).toContain(plain(t('guard.unreadableScreen', { parts: '…' })));
  });

  it('names every part of the compose screen the popup can list as not found', () => {
    const parts = /export type ComposePart = ([^;]+);/.exec(read('src/outlook/diagnose.ts'))![1]!.match(/'[^']+'/g)!.map((p) => p.slice(1, -1));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(report()).toContain(`**${part}**`);
  });

  it('asks for no part of the email itself', () => {
    expect(report()).toMatch(/Never send the email itself/);
  });
});

describe('README: Install', () => {
  it('names the packages npm run zip makes, and points to the deployment guide and the policy reference', () => {
    const install = section('Install');
    expect(install).toContain(`${pkg.name}-<version>-chrome.zip`);
    expect(install).toContain(`${pkg.name}-<version>-firefox.zip`);
    expect(install).toContain(`${pkg.name}-<version>-sources.zip`);
    expect(install).toContain('](docs/deployment.md)');
    expect(install).toContain('](docs/policy.md)');
    expect(JSON.parse(read('package.json')).scripts.zip).toBe('node scripts/zip.mjs');
  });
});

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md');
  const released = [...changelog.matchAll(/^## \[(.+?)\](.*)$/gm)].map((m) => ({ version: m[1]!, rest: m[2]! }));

  it('keeps an Unreleased section first and dates every release, newest first, in SemVer', () => {
    expect(released[0]?.version).toBe('Unreleased');
    const versions = released.slice(1);
    for (const { version, rest } of versions) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
    }
    const order = versions.map(({ version }) => version.split('.').map(Number));
    const newerFirst = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    expect([...order].sort((a, b) => newerFirst(b, a))).toEqual(order);
  });

  it("has an entry for package.json's version: released, or the one Unreleased is to become", () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    const unreleased = changelog.slice(changelog.indexOf('## [Unreleased]')).split(/\n## \[/)[0]!;
    const isReleased = released.some(({ version }) => version === pkg.version);
    expect(isReleased || unreleased.includes(`to be ${pkg.version}`)).toBe(true);
  });
});
