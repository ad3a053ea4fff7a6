// Where the code meets the browser's i18n: every word a person reads is a message in
// assets/locales/<locale>.yml (en_GB is the default and the source), which @wxt-dev/i18n builds
// into _locales/<locale>/messages.json; the browser picks the file for its own language, so a
// translation is a file, not a code change (issue 5). A folder of its own because this is a
// concern of its own, shared by the content script, the warning chunk, the popup, the options
// page and the background, and the one place that knows how a key is spelt for the browser.
//
// `t('dialog.title')` is @wxt-dev/i18n's `i18n.t`, typed from en_GB.yml (`wxt prepare` writes
// .wxt/i18n/structure.d.ts): a key that is not in the file, or a missing `{name}`, does not
// type-check. Only the type comes from WXT's `#i18n` alias, so this module resolves the same way
// everywhere it is bundled or run (WXT's Vite build, wxt.config.ts's esbuild step for warning.js,
// vitest, vite-node).
//
// Tests: the fake browser of WXT's vitest plugin has no i18n, so test/i18n/setup.ts gives it
// `getMessage` over the built en_GB messages (scripts/lib/locales.ts); nothing English is
// bundled with the code as a fallback.
import { browser } from 'wxt/browser';
import type { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

/** @wxt-dev/i18n's typed `t` for this extension's messages. */
type Translate = ReturnType<typeof createI18n<GeneratedI18nStructure>>['t'];

/** `{name}` in a message, filled from `named`; a name it does not have stays as it is. */
export function fillNamed(message: string, named: Readonly<Record<string, string | number>>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(named, name) ? String(named[name]) : whole));
}

/**
 * A message in the browser's language (or the default, en_GB, where its file has none):
 * `t('dialog.title')`, `t('dialog.confirmAddress', { address })`, `t('dialog.stillToCheck', count)`.
 *
 * This is @wxt-dev/i18n's `i18n.t` (same arguments, types and results: `{name}` substitutions,
 * `a | b | c` plural forms chosen by a count that is also `$1`) without its argument checks and
 * console warnings, which cost content.js about 0.5 kB of its 60 kB (issue 3). Keys are typed, so
 * those checks have nothing left to catch; test/unit/i18n/translate.test.ts runs both on the
 * same calls.
 */
export const t = ((key: string, ...args: unknown[]): string => {
  let count: number | undefined;
  let substitutions: string[] | undefined;
  let named: Record<string, string | number> | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) substitutions = arg.map(String);
    else if (arg) named = arg as Record<string, string | number>;
  }
  substitutions ??= count === undefined ? undefined : [String(count)];
  let message = browser.i18n.getMessage(key.replaceAll('.', '_') as never, substitutions);
  if (count !== undefined) {
    const forms = message.split(' | ');
    message = forms[forms.length === 3 ? Math.min(count, 2) : forms.length === 2 && count !== 1 ? 1 : 0]!;
  }
  return named ? fillNamed(message, named) : message;
}) as Translate;

/** The language of the words being shown (the locale file's `lang`), for `lang=` and `Intl`. */
export const lang = (): string => t('lang');

/** A count as the words around it write numbers: `1,000` in en-GB. */
export const formatNumber = (count: number): string => count.toLocaleString(lang());
