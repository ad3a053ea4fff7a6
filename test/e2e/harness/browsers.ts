// The two browsers the extension is tested in, behind one interface: open an OWA fixture or one of
// the extension's own pages as a tab (tab.ts), read and write the extension's storage, read the
// toolbar badge. The guard and options suites are each written once against it and run in both.
// Chromium: Playwright with the MV3 build; storage and badge through the service worker.
// Firefox ESR: Puppeteer with the MV2 build; storage and badge through an extension page kept open
// for the session (an extension page has the `browser.*` API; README.md).
import { buildUnderTest, type BuildTarget } from './build';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { OWA_FIXTURES_URL } from './fixture-server';
import type { OwaServer } from './server';
import { playwrightTab, puppeteerTab, TIMER_WAITS, type BrowserTab, type Waits } from './tab';

export type BrowserName = 'chromium' | 'firefox';

/** The build each browser is tested with. */
export const BUILD_FOR: Record<BrowserName, BuildTarget> = { chromium: 'chrome-mv3', firefox: 'firefox-mv2' };

// The extension APIs as seen from inside the browser (these callbacks run there, not in Node).
// Chromium's service worker has only `chrome`; Firefox's extension page has `browser`, which the
// callbacks prefer. The badge is `action` in MV3 and `browserAction` in MV2.
interface StorageArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
  remove(keys: string[]): Promise<void>;
  clear(): Promise<void>;
}
interface BadgeApi {
  getBadgeText(details: { tabId: number }): Promise<string>;
}
interface ExtensionApi {
  storage: { local: StorageArea; managed: { get(): Promise<object> } };
  tabs: { query(info: object): Promise<Array<{ id?: number; url?: string }>> };
  action?: BadgeApi;
  browserAction?: BadgeApi;
}
declare const chrome: ExtensionApi;
declare const browser: ExtensionApi | undefined;

export interface TestBrowser {
  readonly name: BrowserName;
  /** Chromium: the 32-letter id (from the folder's path); Firefox: the manifest's gecko id. */
  readonly extensionId: string;
  readonly launchMs: number;
  /**
   * Opens `https://outlook.office.com/mail/<page>` in a new tab and waits for the fixture's own
   * service calls (`window.__owaReady`), so every address layer has what it needs.
   */
  openOwa(page: string): Promise<BrowserTab>;
  /** Opens one of the extension's pages (`options.html`, `popup.html`) and waits for `ready`. */
  openExtensionPage(path: string, ready: string): Promise<BrowserTab>;
  /** The extension's storage.local values for `keys` (all of it when omitted). */
  storage(keys?: string[]): Promise<Record<string, unknown>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  removeStorage(keys: string[]): Promise<void>;
  /** Empties storage.local: no saved policy, no history, no counts from an earlier test. */
  clearStorage(): Promise<void>;
  /**
   * Saves `document` as the policy on this PC, in the shape the options page saves it
   * (src/policy/storage.ts: the document under `policy`, WXT's version meta under `policy$`);
   * null forgets it (the defaults apply).
   */
  setPolicy(document: object | null): Promise<void>;
  /** The toolbar badge text of the tab whose URL contains `urlPart`. */
  badgeText(urlPart: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartBrowserOptions {
  /** The unpacked build; defaults to `buildUnderTest(BUILD_FOR[name])`. */
  extensionDir?: string;
  /** How the tabs' `until` waits when a call does not say; defaults to TIMER_WAITS. */
  waits?: Waits;
  /**
   * Chromium: return only once the extension's first storage.managed.get() has answered. The
   * background reads managed storage before the saved policy for every content script's request,
   * and in a fresh headless Chromium profile that first read took about 3 s with the browser idle
   * — and did not finish within 30 s while tabs kept opening (it seems to wait for low-priority
   * startup work). Until it does, every tab checks with the built-in defaults and a saved policy is
   * not applied; waiting here, while nothing else runs, makes policy tests see what a user's
   * warmed-up browser does. Firefox has no such wait.
   */
  waitForManagedStorage?: boolean;
}

/** What differs between the browsers; everything else is written once below. */
interface Launched {
  extensionId: string;
  launchMs: number;
  /** Runs `fn` where the extension API is: the service worker, or the kept-open extension page. */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  openTab(url: string): Promise<BrowserTab>;
  openExtensionPage(path: string, ready: string): Promise<BrowserTab>;
  close(): Promise<void>;
}

const POLICY_KEYS = ['policy', 'policy$'];

/** Runs `step`; if it fails, closes `session` before passing the error on. */
async function orClose<T>(session: { close(): Promise<void> }, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await session.close();
    throw error;
  }
}

async function owaReady(tab: BrowserTab): Promise<BrowserTab> {
  await tab.run(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
  return tab;
}

async function launchOne(name: BrowserName, server: OwaServer, options: StartBrowserOptions): Promise<Launched> {
  const extensionDir = options.extensionDir ?? buildUnderTest(BUILD_FOR[name]);
  const waits = options.waits ?? TIMER_WAITS;
  if (name === 'chromium') {
    const session = await launchChromium({ extensionDir, server });
    const worker = session.serviceWorker;
    if (options.waitForManagedStorage) await orClose(session, () => worker.evaluate(() => chrome.storage.managed.get()));
    return {
      extensionId: session.extensionId,
      launchMs: session.launchMs,
      inExtension: (fn, arg) => worker.evaluate(fn as never, arg as never),
      openTab: async (url) => playwrightTab(await session.openPage(url), session, waits),
      async openExtensionPage(path, ready) {
        const page = await session.openExtensionPage(path);
        await page.waitForSelector(ready, { timeout: 10_000 });
        return playwrightTab(page, session, waits);
      },
      close: () => session.close(),
    };
  }
  const session = await launchFirefox({ extensionDir, server });
  // Firefox shows a JSON file as text in a <pre>; any extension page has `browser.*`.
  const api = await orClose(session, () => session.openExtensionPage('manifest.json', 'pre'));
  return {
    extensionId: session.extensionId,
    launchMs: session.launchMs,
    inExtension: (fn, arg) => api.evaluate(fn as never, arg as never),
    openTab: async (url) => puppeteerTab(await session.openPage(url), session, waits),
    openExtensionPage: async (path, ready) => puppeteerTab(await session.openExtensionPage(path, ready), session, waits),
    close: () => session.close(),
  };
}

/** Launches `name` with the extension, pointed at `server`. Close it in afterAll. */
export async function startBrowser(name: BrowserName, server: OwaServer, options: StartBrowserOptions = {}): Promise<TestBrowser> {
  const launched = await launchOne(name, server, options);
  const { inExtension } = launched;
  const removeStorage = async (keys: string[]) =>
    inExtension((keys) => (typeof browser !== 'undefined' ? browser : chrome).storage.local.remove(keys), keys);
  const setStorage = async (items: Record<string, unknown>) =>
    inExtension((items) => (typeof browser !== 'undefined' ? browser : chrome).storage.local.set(items), items);
  return {
    name,
    extensionId: launched.extensionId,
    launchMs: launched.launchMs,
    openOwa: async (page) => owaReady(await launched.openTab(`${OWA_FIXTURES_URL}/${page}`)),
    openExtensionPage: (path, ready) => launched.openExtensionPage(path, ready),
    storage: (keys) => inExtension((keys) => (typeof browser !== 'undefined' ? browser : chrome).storage.local.get(keys ?? null), keys),
    setStorage,
    removeStorage,
    clearStorage: () => inExtension(() => (typeof browser !== 'undefined' ? browser : chrome).storage.local.clear(), undefined),
    setPolicy: (document) => (document ? setStorage({ policy: document, policy$: { v: 1 } }) : removeStorage(POLICY_KEYS)),
    badgeText: (urlPart) =>
      inExtension(async (urlPart) => {
        const api = typeof browser !== 'undefined' ? browser : chrome;
        const tab = (await api.tabs.query({})).find((t) => t.url?.includes(urlPart));
        if (tab?.id === undefined) throw new Error(`no tab at ${urlPart}`);
        return (api.action ?? api.browserAction)!.getBadgeText({ tabId: tab.id });
      }, urlPart),
    close: () => launched.close(),
  };
}
