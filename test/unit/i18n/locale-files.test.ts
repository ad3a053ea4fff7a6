// The locale files are the only place Safe Send's words live (issue 5). The code asks for them by
// key, typed from en_GB.yml (so a key that is not there does not compile); these tests cover what
// the compiler cannot see: names browsers refuse, `__MSG_…__` in the manifest and pages, words
// left in en_GB.yml that nothing shows, and translations that do not match en_GB.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeMessagesFrom, DEFAULT_LOCALE, localeNames, readLocale, type ChromeMessages } from '../../../scripts/lib/locales';

const ROOT = resolve(import.meta.dirname, '../../..');
const english = readLocale();

/** The extension's own source: what ships (not tests, not scripts). */
function sourceFiles(): string[] {
  const files = [join(ROOT, 'wxt.config.ts')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|html)$/.test(entry.name)) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'entrypoints'));
  return files;
}

/** `{names}` a message fills in, and its `$1`. */
const slots = (message: string) => [...new Set(message.match(/\{\w+\}|\$[1-9]/g) ?? [])].sort();

/** What is wrong with a translation, compared with en_GB: names en_GB does not have, `{names}` that differ. */
function translationProblems(translation: ChromeMessages, base: ChromeMessages = english): string[] {
  const problems: string[] = [];
  for (const [name, { message }] of Object.entries(translation)) {
    const original = base[name];
    if (!original) problems.push(`${name}: not in ${DEFAULT_LOCALE}`);
    else if (slots(message).join() !== slots(original.message).join())
      problems.push(`${name}: fills in ${slots(message).join(' ') || 'nothing'}, ${DEFAULT_LOCALE} ${slots(original.message).join(' ') || 'nothing'}`);
    else if (message.split(' | ').length > 3) problems.push(`${name}: more than three plural forms`);
  }
  return problems;
}

describe('locale files', () => {
  it.each(localeNames())('%s: every message has a name browsers accept, unique without case', (locale) => {
    // Chrome refuses to load an extension whose messages.json has a name outside [A-Za-z0-9_@]
    // (a rule id's `-`, say); names are case-insensitive.
    const names = Object.keys(readLocale(locale));
    expect(names.filter((name) => !/^[A-Za-z0-9_@]+$/.test(name))).toEqual([]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it.each(localeNames().filter((locale) => locale !== DEFAULT_LOCALE))('%s matches en_GB', (locale) => {
    expect(translationProblems(readLocale(locale))).toEqual([]);
  });

  it('catches a translation that misnames a message or a {name}', () => {
    const translation = chromeMessagesFrom(
      ['dialog:', '  title: Vérifiez avant d’envoyer', '  confirmAddress: J’ai vérifié {adresse}', '  titel: Faute de frappe'].join('\n'),
    );
    expect(translationProblems(translation)).toEqual([
      'dialog_confirmAddress: fills in {adresse}, en_GB {address}',
      'dialog_titel: not in en_GB',
    ]);
  });

  it('has every __MSG_…__ the manifest and pages use', () => {
    const used = sourceFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));
    expect(used).toEqual(expect.arrayContaining(['extension_name', 'extension_description']));
    const names = new Set(Object.keys(english).map((name) => name.toLowerCase()));
    expect(used.filter((name) => !names.has(name.toLowerCase()))).toEqual([]);
  });

  it('has no message the extension never shows', () => {
    // Keys are written out in full where they are used (`t('dialog.title')`), so a search finds
    // them; the rules' messages are looked up by rule id (test/unit/i18n/rule-messages.test.ts).
    const source = sourceFiles().map((file) => readFileSync(file, 'utf8')).join('\n');
    const used = new Set([
      ...[...source.matchAll(/'([\w.]+)'/g)].map((m) => m[1]!.replaceAll('.', '_')),
      ...[...source.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!),
    ]);
    const unused = Object.keys(english).filter((name) => !name.startsWith('rule_') && !used.has(name));
    expect(unused).toEqual([]);
  });
});
