// The unit and DOM tests' browser speaks en_GB. WXT's fake browser (wxt/testing/fake-browser)
// has no i18n: its getMessage throws "not implemented". This gives it the real thing's behaviour
// over the messages the build makes from assets/locales/en_GB.yml (scripts/lib/locales.ts), so
// the code under test reads its words exactly as it does in the extension, and ships no English
// of its own for tests to fall back on. fakeBrowser.reset() leaves it in place (i18n keeps no
// state to reset). test/dom/i18n/translation.test.ts swaps in another locale.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, readLocale } from '../../scripts/lib/locales';

fakeBrowser.i18n.getMessage = getMessageFrom(readLocale()) as typeof fakeBrowser.i18n.getMessage;
