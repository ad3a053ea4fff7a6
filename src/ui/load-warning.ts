// Loads the warning UI chunk (src/ui/warning.ts, built by wxt.config.ts as `warning.js`) the first
// time the guard needs it. A dynamic import() from a content script runs the module in the
// content script's own isolated world (with `browser.*` and the page's DOM) in Chromium MV3 and
// Firefox MV2 alike, and is not subject to the page's Content Security Policy
// (test/e2e/warning-chunk.test.ts checks these in both browsers).
import { browser } from 'wxt/browser';
import type { WarningUi } from './warning';
import { WARNING_CHUNK } from './warning-chunk';

/** After this long the guard stops waiting and says so with its fallback. */
const LOAD_TIMEOUT_MS = 3000;

declare const chrome: { runtime: { getURL(path: string): string } };

let loaded: Promise<WarningUi> | undefined;

/**
 * Resolves with the warning UI, loading it once. Rejects when it cannot be loaded (file missing,
 * extension updated or reloaded under this page, timeout); the next call tries again.
 */
export function loadWarningUi(): Promise<WarningUi> {
  loaded ??= new Promise<WarningUi>((resolve, reject) => {
    setTimeout(() => reject(new Error('timed out')), LOAD_TIMEOUT_MS);
    // Throws when this content script has lost its extension (updated or reloaded under the page).
    const { version } = browser.runtime.getManifest();
    // `chrome.runtime.getURL` by that name (Firefox has it too): Mozilla's linter accepts a dynamic
    // import only of that call (or browser.runtime.getURL), and the bundler renames `browser`.
    import(/* @vite-ignore */ chrome.runtime.getURL(`/${WARNING_CHUNK}`)).then((chunk: WarningUi) => {
      if (chunk.version === version && typeof chunk.showWarning === 'function') resolve(chunk);
      else reject(new Error('wrong version'));
    }, reject);
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
