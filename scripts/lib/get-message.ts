// `browser.i18n.getMessage` over messages.json objects, for code that runs where there is no
// extension: tests in Node (test/i18n/setup*.ts), the docs generator, the dialog's preview page
// in a plain browser (test/dom/ui/preview). No Node imports, so it bundles for a page too.
// What it does is Chrome's extension i18n reference: names are case-insensitive, `$NAME$`
// placeholders, `$1`…`$9` substitutions, `$$` for a dollar sign, "" for a name no file has; a
// message missing from the browser's language comes from the default locale.
import type { ChromeMessage } from '@wxt-dev/i18n/build';

/** A `_locales/<locale>/messages.json`, as an object. */
export type ChromeMessages = Record<string, ChromeMessage>;

export type GetMessage = (name: string, substitutions?: string | number | Array<string | number>) => string;

/**
 * `browser.i18n.getMessage` over these messages files, first to last: the browser's language
 * first, the default locale last.
 */
export function getMessageFrom(...locales: ChromeMessages[]): GetMessage {
  const byName = locales.map(
    (messages) => new Map(Object.entries(messages).map(([name, message]) => [name.toLowerCase(), message])),
  );
  return (name, substitutions) => {
    const message = byName.map((messages) => messages.get(String(name).toLowerCase())).find(Boolean);
    if (!message) return '';
    const subs = (Array.isArray(substitutions) ? substitutions : substitutions === undefined ? [] : [substitutions]).map(String);
    // Placeholders are replaced first (their content may be `$1`), then substitutions and `$$`.
    const text = Object.entries(message.placeholders ?? {}).reduce(
      (out, [placeholder, { content }]) => out.replace(new RegExp(`\\$${placeholder}\\$`, 'gi'), () => content),
      message.message,
    );
    return text.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}

/**
 * `t` as @wxt-dev/i18n's `i18n.t` works, over `getMessage`, for Node code that needs the words
 * (the docs generator): `{name}` from `named`, one of `a | b | c` by `count`.
 */
export function translatorFrom(getMessage: GetMessage) {
  return (key: string, options: { count?: number; substitutions?: Array<string | number>; named?: Record<string, string | number> } = {}): string => {
    const { count, named } = options;
    const substitutions = options.substitutions ?? (count === undefined ? [] : [count]);
    let message = getMessage(key.replaceAll('.', '_'), substitutions);
    if (message === '') throw new Error(`No message "${key}" in the locale files`);
    if (count !== undefined) {
      const forms = message.split(' | ');
      message = forms.length === 3 ? forms[Math.min(count, 2)]! : forms.length === 2 ? forms[count === 1 ? 0 : 1]! : forms[0]!;
    }
    return named ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in named ? String(named[name]) : whole)) : message;
  };
}

