// The builds that ship carry Safe Send's words as the browser's i18n expects them, and only there:
// `_locales/en_GB/messages.json` is what scripts/lib/locales.ts (and so every test) reads from
// assets/locales/en_GB.yml; the manifest names itself through it; and no script carries a copy of
// the words to fall back on, so a translation (a file) reaches every word. Reads .output/ like
// manifest.test.ts: `npm test` builds both targets first; a stale or missing build FAILS.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, readLocale } from '../../../scripts/lib/locales';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT_DIR = resolve(ROOT, process.env.SAFE_SEND_OUT_DIR ?? '.output');

function filesUnder(dir: string, match: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && match.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The build folder, refused when missing or older than what it is built from. */
function build(target: 'chrome-mv3' | 'firefox-mv2'): string {
  const dir = join(OUT_DIR, target);
  const command = target === 'chrome-mv3' ? 'npm run build' : 'npm run build:firefox';
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`${dir} has no build: run \`${command}\` (npm test builds both first).`);
  const inputs = [
    join(ROOT, 'wxt.config.ts'),
    join(ROOT, 'package.json'),
    ...['src', 'entrypoints', 'assets/locales'].flatMap((d) => filesUnder(join(ROOT, d), /./)),
  ];
  const newer = inputs.filter((file) => statSync(file).mtimeMs > statSync(manifest).mtimeMs);
  if (newer.length > 0)
    throw new Error(`${dir} is older than ${newer.map((f) => f.slice(ROOT.length + 1)).join(', ')}: run \`${command}\`.`);
  return dir;
}

const english = readLocale();

describe.each(['chrome-mv3', 'firefox-mv2'] as const)('%s build', (target) => {
  it('ships en_GB as the default locale, exactly as the tests read it', () => {
    const dir = build(target);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.default_locale).toBe(DEFAULT_LOCALE);
    expect(JSON.parse(readFileSync(join(dir, '_locales', DEFAULT_LOCALE, 'messages.json'), 'utf8'))).toEqual(english);
    expect(readdirSync(join(dir, '_locales'))).toEqual([DEFAULT_LOCALE]);
  });

  it('names and describes itself through i18n', () => {
    const manifest = JSON.parse(readFileSync(join(build(target), 'manifest.json'), 'utf8'));
    expect([manifest.name, manifest.description]).toEqual(['__MSG_extension_name__', '__MSG_extension_description__']);
    const action = manifest.action ?? manifest.browser_action;
    expect(action.default_title).toBe('__MSG_appName__');
    expect(english.extension_name!.message).toBe('Safe Send for NHSmail');
  });

  it('carries no copy of the words in its scripts and pages (the rules\' English aside)', () => {
    // Sentences only: a short word ("Cancel") could be in a script for another reason. The rule
    // engine's own words (rule_*, ruleDescription_*, finding_*) stay in the scripts that hold the
    // rules, because the rules are written in English and `Finding.message` is English by
    // contract (product.md); the locale files carry copies made from them (npm run locales).
    const engine = /^(rule|ruleDescription|finding|extension)_/;
    const sentences = Object.entries(english)
      .filter(([name, { message }]) => !engine.test(name) && message.includes(' ') && message.length > 30)
      .map(([, { message }]) => message.split(' | ')[0]!.replace(/\{\w+\}.*$|\$1.*$/, '').trim())
      .filter((start) => start.length > 20);
    expect(sentences.length).toBeGreaterThan(100);
    const dir = build(target);
    const found = filesUnder(dir, /\.(js|html)$/).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return sentences.filter((sentence) => text.includes(sentence)).map((sentence) => `${file.slice(dir.length + 1)}: ${sentence}`);
    });
    expect(found).toEqual([]);
  });
});
