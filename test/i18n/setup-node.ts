// The e2e tests run in Node and read the words they expect (the options page's headings and
// labels) from the same modules the extension does, which ask the browser's i18n. There is no
// browser in Node, so this gives them one that has only i18n, over the messages the build makes
// from assets/locales/en_GB.yml (scripts/lib/locales.ts): the same words the browsers under test
// read from _locales/en_GB/messages.json.
import { vi } from 'vitest';
import { getMessageFrom, readLocale } from '../../scripts/lib/locales';

vi.stubGlobal('chrome', { i18n: { getMessage: getMessageFrom(readLocale()) } });
