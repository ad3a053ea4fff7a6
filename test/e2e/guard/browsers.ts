// The two browsers the guard is tested in, behind one interface: open an OWA fixture page as a
// tab, set the extension's stored policy, forget its sent-to history, read the toolbar badge.
// Chromium: Playwright with the MV3 build, storage and badge through the service worker.
// Firefox ESR: Puppeteer with the MV2 build, storage and badge through an extension page kept
// open for the whole file (an extension page has the `browser.*` API; README of the harness).
import type { Page as PuppeteerPage } from 'puppeteer-core';
import {
  ensureBuilt,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
  type OwaServer,
} from '../harness';
import { OWA } from './owa-server';
import { playwrightTab, puppeteerTab, type BrowserName, type GuardTab } from './tab';

// The extension APIs as seen from inside the browser (these callbacks run there, not in Node).
interface StorageArea {
  set(items: object): Promise<void>;
  remove(keys: string[]): Promise<void>;
}
interface TabsApi {
  query(info: object): Promise<Array<{ id?: number; url?: string }>>;
}
declare const chrome: {
  storage: { local: StorageArea; managed: { get(): Promise<object> } };
  tabs: TabsApi;
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
declare const browser: {
  storage: { local: StorageArea };
  tabs: TabsApi;
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
};

export interface GuardBrowser {
  readonly name: BrowserName;
  /** Opens `https://outlook.office.com/mail/<page>` in a new tab and waits for the fixture's
   * service calls (`window.__owaReady`), so every address layer has what it needs. */
  open(page: string): Promise<GuardTab>;
  /**
   * Saves `document` as the policy on this PC, in the shape the options page saves it
   * (src/policy/storage.ts: the document under `policy`, WXT's version meta under `policy$`);
   * null forgets it (the defaults apply).
   */
  setPolicy(document: object | null): Promise<void>;
  /** Forgets the saved policy and the sent-to history, so one test's policy or sends can't change
   * what a later test sees (a sent-to address becomes "known" to lookalike-address). */
  reset(): Promise<void>;
  /** The toolbar badge text of the tab whose URL contains `urlPart`. */
  badgeText(urlPart: string): Promise<string>;
  close(): Promise<void>;
}

const POLICY_KEYS = ['policy', 'policy$'];
const RESET_KEYS = [...POLICY_KEYS, 'sentToHistory'];

async function openOwa(tab: GuardTab): Promise<GuardTab> {
  await tab.run(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
  return tab;
}

export async function startChromium(server: OwaServer): Promise<GuardBrowser> {
  const session: ChromiumSession = await launchChromium({ extensionDir: ensureBuilt('chrome-mv3'), server });
  const worker = session.serviceWorker;
  // The background reads managed storage before the saved policy for every content script's
  // request, and in a fresh headless Chromium profile the first storage.managed.get() takes about
  // 3 s when the browser is idle — and did not finish within 30 s while tabs kept opening (it
  // seems to wait for low-priority startup work). Until it does, every tab checks with the
  // built-in defaults and a saved policy is not applied. Wait for it here, while nothing else
  // runs, so policy tests see what a user's warmed-up browser does.
  await worker.evaluate(() => chrome.storage.managed.get());
  return {
    name: 'chromium',
    open: async (page) => openOwa(playwrightTab(await session.openPage(`${OWA}/${page}`), session)),
    async setPolicy(document) {
      await worker.evaluate(
        async ({ document, keys }) =>
          document ? chrome.storage.local.set({ policy: document, policy$: { v: 1 } }) : chrome.storage.local.remove(keys),
        { document, keys: POLICY_KEYS },
      );
    },
    reset: () => worker.evaluate((keys) => chrome.storage.local.remove(keys), RESET_KEYS),
    badgeText: (urlPart) =>
      worker.evaluate(async (urlPart) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url?.includes(urlPart));
        if (tab?.id === undefined) throw new Error(`no tab at ${urlPart}`);
        return chrome.action.getBadgeText({ tabId: tab.id });
      }, urlPart),
    close: () => session.close(),
  };
}

export async function startFirefox(server: OwaServer): Promise<GuardBrowser> {
  const session: FirefoxSession = await launchFirefox({ extensionDir: ensureBuilt('firefox-mv2'), server });
  let control: PuppeteerPage;
  try {
    control = await session.openExtensionPage('manifest.json', 'pre');
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    name: 'firefox',
    open: async (page) => openOwa(puppeteerTab(await session.openPage(`${OWA}/${page}`), session)),
    async setPolicy(document) {
      await control.evaluate(
        async (document, keys) =>
          document ? browser.storage.local.set({ policy: document, policy$: { v: 1 } }) : browser.storage.local.remove(keys),
        document,
        POLICY_KEYS,
      );
    },
    reset: () => control.evaluate((keys) => browser.storage.local.remove(keys), RESET_KEYS),
    badgeText: (urlPart) =>
      control.evaluate(async (urlPart) => {
        const tab = (await browser.tabs.query({})).find((t) => t.url?.includes(urlPart));
        if (tab?.id === undefined) throw new Error(`no tab at ${urlPart}`);
        return browser.browserAction.getBadgeText({ tabId: tab.id });
      }, urlPart),
    close: () => session.close(),
  };
}
