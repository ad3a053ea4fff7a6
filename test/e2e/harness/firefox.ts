// Launches Firefox ESR with the extension installed as a temporary add-on, pointed at the local
// OWA server through the CONNECT proxy (proxy.ts).
//
// Recipe from toolchain.md ("Browsers"): puppeteer-core over WebDriver BiDi driving the system
// Firefox ESR; `browser.installExtension(dir)` installs the unpacked build unsigned.
// `--remote-allow-system-access` lets BiDi evaluate in Firefox's own (chrome) scope, which is how
// this file reads the add-on's background state and its moz-extension:// host name.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SERVED_HOSTS } from './hosts';
import { startConnectProxy, type ConnectProxy } from './proxy';
import type { OwaServer } from './server';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

// The moz-extension:// host name is random per install unless this pref fixes it for the add-on's
// id (toolchain.md); a fixed one keeps URLs in test output stable from run to run.
export const FIXED_EXTENSION_UUID = '5afe5e2d-0000-4000-8000-e2e7e5750001';

export interface LaunchFirefoxOptions {
  /** Folder of the unpacked build, e.g. `.output/firefox-mv2`. */
  extensionDir: string;
  server: Pick<OwaServer, 'port'>;
  /** Default true. */
  headless?: boolean;
  /** Host names tunnelled to the server; defaults to every OWA host plus the non-OWA host. */
  hosts?: readonly string[];
  /** Extra prefs, merged last. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id (the manifest's gecko id). */
  extensionId: string;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  /** What the proxy tunnelled and refused (a refused entry means something tried to leave). */
  proxy: ConnectProxy;
  /** Milliseconds from launch until the add-on was installed and its background running. */
  launchMs: number;
  /** Opens a new tab at `url` and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /**
   * Opens `moz-extension://<uuid>/<path>` in a new tab and waits until `ready` (a CSS selector
   * the page renders) matches; without `ready`, until the document has loaded.
   */
  openExtensionPage(path: string, ready?: string): Promise<Page>;
  /** Runs `trigger` (e.g. a click that calls window.open) and returns the pop-out `opener` opened. */
  waitForPopup(opener: Page, trigger: () => Promise<unknown>): Promise<Page>;
  /**
   * The background's state as Firefox tracks it: 'running' once the background page (MV2) or
   * event page has started; 'stopped'/'suspending' otherwise.
   */
  backgroundState(): Promise<string>;
  /** Runs privileged JavaScript in Firefox's chrome scope and returns its (JSON-able) value. */
  evaluateInChrome<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

async function geckoIdOf(extensionDir: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  return manifest.browser_specific_settings?.gecko?.id;
}

export async function launchFirefox(options: LaunchFirefoxOptions): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir);
  const started = performance.now();
  const geckoId = await geckoIdOf(extensionDir);
  const hosts = options.hosts ?? SERVED_HOSTS;
  const proxy = await startConnectProxy(Object.fromEntries(hosts.map((host) => [`${host}:443`, options.server.port])));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      // The local server's certificate is self-signed (server.ts explains why that is enough).
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      // Release builds ignore a changed remote-settings server unless this is set
      // (services-settings/Utils.sys.mjs, allowServerURL); with it, the data: URL below keeps
      // Firefox's own blocklist/settings sync off the network instead of hammering the proxy.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        // Every http and https connection goes through the proxy, loopback included
        // (allow_hijacking_localhost), and nothing bypasses it (no_proxies_on).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // The proxy resolves names, not Firefox: no DNS lookups, no DNS-over-HTTPS, no prefetch.
        'network.proxy.socks_remote_dns': true,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.http.http3.enable': false,
        // Background connections Firefox makes on its own (they would only be refused).
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.region.network.url': '',
        'browser.region.update.enabled': false,
        'extensions.blocklist.enabled': false,
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIXED_EXTENSION_UUID }) } : {}),
        ...options.prefs,
      },
    });
    const activeBrowser = browser;
    const extensionId = await activeBrowser.installExtension(extensionDir);
    // Puppeteer exposes the raw BiDi connection as `browser.connection` (not in its typings).
    const connection = (activeBrowser as unknown as { connection: BidiConnection }).connection;

    const evaluateInChrome = async <T>(expression: string): Promise<T> => {
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
      const context = tree.result.contexts[0]?.context as string | undefined;
      if (!context) throw new Error('No chrome window to evaluate in (is --remote-allow-system-access set?)');
      const { result } = await connection.send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (result.type !== 'success') throw new Error(`Chrome-scope evaluation failed: ${JSON.stringify(result.exceptionDetails?.text ?? result)}`);
      return JSON.parse(result.result.value as string) as T;
    };
    const policy = `WebExtensionPolicy.getByID(${JSON.stringify(extensionId)})`;
    const backgroundState = () => evaluateInChrome<string>(`${policy}.extension.backgroundState`);
    const hostName = await evaluateInChrome<string>(`${policy}.mozExtensionHostname`);
    const extensionOrigin = `moz-extension://${hostName}`;
    // Firefox sets the state to 'running' once the background page has loaded (its scripts ran):
    // parent/ext-backgroundPage.js, setBgStateRunning. Poll: a persistent MV2 page has no promise
    // to wait on.
    const deadline = performance.now() + 10_000;
    while ((await backgroundState()) !== 'running') {
      if (performance.now() > deadline) throw new Error(`Background did not start: ${await backgroundState()}`);
      await new Promise((done) => setTimeout(done, 20));
    }
    const launchMs = performance.now() - started;

    const openPage = async (url: string) => {
      const page = await activeBrowser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
    const openExtensionPage = async (path: string, ready?: string) => {
      const page = await activeBrowser.newPage();
      // An awaited goto to a moz-extension:// URL never resolves under BiDi (toolchain.md), so
      // navigate without waiting and wait for the page itself instead. The navigation's own
      // promise rejects with "Frame detached" when the tab later closes: that is expected.
      page.goto(`${extensionOrigin}/${path.replace(/^\//, '')}`).catch(() => {});
      const loaded = (origin: string) => location.origin === origin && document.readyState === 'complete';
      // Polled by hand, not with waitForFunction: while the tab moves from about:blank to the
      // moz-extension:// document, Firefox's script.evaluate can fail outright ("right-hand side
      // of 'in' should be an object, got null", about 1 call in 20), and Puppeteer's wait gives up
      // on that error instead of asking again.
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          if (await page.evaluate(loaded, extensionOrigin)) break;
        } catch {
          /* the document was swapped during the evaluation: ask again */
        }
        if (Date.now() > deadline) throw new Error(`${path} did not load within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (ready) await page.waitForSelector(ready, { timeout: 10_000 });
      return page;
    };
    const waitForPopup = async (opener: Page, trigger: () => Promise<unknown>) => {
      let timer: NodeJS.Timeout | undefined;
      const popup = new Promise<Page>((done, fail) => {
        opener.once('popup', (page) => (page ? done(page) : fail(new Error('Pop-out closed before it could be used'))));
        timer = setTimeout(() => fail(new Error('No pop-out opened within 10 s')), 10_000);
      });
      try {
        const [page] = await Promise.all([popup, trigger()]);
        return page;
      } finally {
        clearTimeout(timer);
      }
    };
    return {
      browser: activeBrowser,
      extensionId,
      extensionOrigin,
      proxy,
      launchMs,
      openPage,
      openExtensionPage,
      waitForPopup,
      backgroundState,
      evaluateInChrome,
      async close() {
        try {
          await activeBrowser.close();
        } finally {
          await proxy.close();
        }
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await proxy.close();
    throw error;
  }
}
