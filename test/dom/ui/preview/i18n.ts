// The preview page shows the dialog in a plain browser page, which has no extension i18n to read
// the dialog's words from: this gives it one, over en_GB's messages as the build makes them
// (screenshot.mjs passes them in). preview.ts imports it first, before any module reads its words.
import { getMessageFrom, type ChromeMessages } from '../../../../scripts/lib/get-message';

declare const __SAFE_SEND_MESSAGES__: ChromeMessages;

(globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: getMessageFrom(__SAFE_SEND_MESSAGES__) } };
