// The two browsers behind one interface for the options, popup and managed-policy tests: open an
// OWA fixture or one of the extension's own pages as a tab, read and write the extension's
// storage, read the toolbar badge.
// Chromium: Playwright with the MV3 build; storage and badge through the service worker.
// Firefox ESR: Puppeteer with the MV2 build; storage and badge through an extension page kept open
// for the session (extension pages have `browser.*`; test/e2e/harness/README.md).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { ensureBuilt, launchChromium, launchFirefox, type BuildTarget, type OwaServer } from '../harness';
import { playwrightTab, puppeteerTab, type BrowserName, type Tab } from './tab';

// The extension APIs as seen from inside the browser (these callbacks run there, not in Node).
interface StorageArea {
  get(keys?: string[] | null): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
  remove(keys: string[]): Promise<void>;
  clear(): Promise<void>;
}
interface ExtensionApi {
  storage: { local: StorageArea };
  tabs: { query(info: object): Promise<Array<{ id?: number; url?: string }>> };
}
declare const chrome: ExtensionApi & { action: { getBadgeText(details: { tabId: number }): Promise<string> } };
declare const browser: ExtensionApi & { browserAction: { getBadgeText(details: { tabId: number }): Promise<string> } };

export const OWA = 'https://outlook.office.com/mail';

/**
 * The build to test: `.output/<target>` (built if missing, test/e2e/harness/build.ts), or
 * `$SAFE_SEND_E2E_OUTPUT/<target>` when set — a build made with SAFE_SEND_OUT_DIR beside the
 * shared one, so a run is not broken by someone else rebuilding `.output` in the same checkout.
 */
export function buildOf(target: BuildTarget): string {
  const elsewhere = process.env.SAFE_SEND_E2E_OUTPUT;
  if (!elsewhere) return ensureBuilt(target);
  const dir = join(resolve(elsewhere), target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`SAFE_SEND_E2E_OUTPUT is set but ${dir} has no build`);
  return dir;
}

export interface OptionsBrowser {
  readonly name: BrowserName;
  /** Chromium: the 32-letter id (from the folder's path); Firefox: the manifest's gecko id. */
  readonly extensionId: string;
  readonly launchMs: number;
  /** Opens `https://outlook.office.com/mail/<page>` and waits for the fixture's own service calls. */
  openOwa(page: string): Promise<Tab>;
  /** Opens one of the extension's pages (`options.html`, `popup.html`) and waits for `ready`. */
  openExtensionPage(path: string, ready: string): Promise<Tab>;
  /** The extension's storage.local values for `keys` (all of it when omitted). */
  storage(keys?: string[]): Promise<Record<string, unknown>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  /** Empties storage.local: no saved policy, no history, no counts from an earlier test. */
  clearStorage(): Promise<void>;
  /** The toolbar badge text of the tab whose URL contains `urlPart`. */
  badgeText(urlPart: string): Promise<string>;
  close(): Promise<void>;
}

async function owaReady(tab: Tab): Promise<Tab> {
  await tab.run(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
  return tab;
}

export async function startChromium(server: OwaServer, extensionDir = buildOf('chrome-mv3')): Promise<OptionsBrowser> {
  const session = await launchChromium({ extensionDir, server });
  const worker = session.serviceWorker;
  return {
    name: 'chromium',
    extensionId: session.extensionId,
    launchMs: session.launchMs,
    openOwa: async (page) => owaReady(playwrightTab(await session.openPage(`${OWA}/${page}`))),
    async openExtensionPage(path, ready) {
      const page = await session.openExtensionPage(path);
      await page.waitForSelector(ready, { timeout: 10_000 });
      return playwrightTab(page);
    },
    storage: (keys) => worker.evaluate((keys) => chrome.storage.local.get(keys ?? null), keys),
    setStorage: (items) => worker.evaluate((items) => chrome.storage.local.set(items), items),
    clearStorage: () => worker.evaluate(() => chrome.storage.local.clear()),
    badgeText: (urlPart) =>
      worker.evaluate(async (urlPart) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url?.includes(urlPart));
        if (tab?.id === undefined) throw new Error(`no tab at ${urlPart}`);
        return chrome.action.getBadgeText({ tabId: tab.id });
      }, urlPart),
    close: () => session.close(),
  };
}

export async function startFirefox(server: OwaServer, extensionDir = buildOf('firefox-mv2')): Promise<OptionsBrowser> {
  const session = await launchFirefox({ extensionDir, server });
  let api: PuppeteerPage;
  try {
    api = await session.openExtensionPage('manifest.json', 'pre');
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    name: 'firefox',
    extensionId: session.extensionId,
    launchMs: session.launchMs,
    openOwa: async (page) => owaReady(puppeteerTab(await session.openPage(`${OWA}/${page}`))),
    openExtensionPage: async (path, ready) => puppeteerTab(await session.openExtensionPage(path, ready)),
    storage: (keys) => api.evaluate((keys) => browser.storage.local.get(keys ?? null), keys),
    setStorage: (items) => api.evaluate((items) => browser.storage.local.set(items), items),
    clearStorage: () => api.evaluate(() => browser.storage.local.clear()),
    badgeText: (urlPart) =>
      api.evaluate(async (urlPart) => {
        const tab = (await browser.tabs.query({})).find((t) => t.url?.includes(urlPart));
        if (tab?.id === undefined) throw new Error(`no tab at ${urlPart}`);
        return browser.browserAction.getBadgeText({ tabId: tab.id });
      }, urlPart),
    close: () => session.close(),
  };
}

export const startBrowser = (name: BrowserName, server: OwaServer, extensionDir?: string): Promise<OptionsBrowser> =>
  name === 'chromium' ? startChromium(server, extensionDir) : startFirefox(server, extensionDir);
