// Smoke test of the end-to-end harness with the PRODUCTION builds, unchanged: each browser loads
// the extension, its background is alive, and pages at the real OWA host name and at a non-OWA
// host arrive over HTTPS from the local server. The content scripts are placeholders for now, so
// their effects are not asserted here (guard tests will add that with this harness).
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { axeInShadowRoot, formatViolations, type AnyPage } from './harness/axe';
import { ensureBuilt, HARNESS_PAGES_DIR } from './harness/build';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { NON_OWA_HOST } from './harness/hosts';
import { startOwaServer, type OwaServer } from './harness/server';

// The extension APIs as seen from inside the browser (these callbacks run there, not in Node).
declare const chrome: { runtime: { id: string; getManifest(): { name: string } } };
declare const browser: { runtime: { getManifest(): { name: string } } };

const OWA_MAIL = 'https://outlook.office.com/mail/';
const NON_OWA_PAGE = `https://${NON_OWA_HOST}/mail/`;
const AXE_TEST_PAGE = `https://${NON_OWA_HOST}/mail/a11y.html`;
// A name the browsers were not pointed at: it must fail, proving nothing reaches the network.
const UNMAPPED_PAGE = 'https://unmapped.example.net/';

let server: OwaServer;

beforeAll(async () => {
  server = await startOwaServer({ routes: { '/mail/': HARNESS_PAGES_DIR } });
});

afterAll(async () => {
  await server?.close();
});

/** The request the server recorded for `url`, if it saw one. */
const requestFor = (url: string) => server.requests.find((request) => request.url === url);

/** The axe helper finds the unnamed button inside the shadow dialog, and only inside it. */
async function expectAxeHelperToSeeIntoShadowDialogs(page: AnyPage) {
  const faulty = await axeInShadowRoot(page, '#faulty-host', 'dialog');
  expect(faulty.map((violation) => violation.id), formatViolations(faulty)).toEqual(['button-name']);
  expect(faulty[0]!.nodes.map((node) => node.target)).toEqual([[['#faulty-host', 'button']]]);
  expect(await axeInShadowRoot(page, '#clean-host', 'dialog')).toEqual([]);
  await expect(axeInShadowRoot(page, '#closed-host', 'dialog')).rejects.toThrow(/no open shadow root/);
  await expect(axeInShadowRoot(page, '#clean-host', '.not-there')).rejects.toThrow(/nothing matches/);
}

/** What both drivers' pages offer these tests (Playwright's and Puppeteer's pages alike). */
interface SmokePage {
  evaluate<T>(fn: () => T): Promise<T>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

/** Both launchers' sessions, with their pages seen as SmokePage (the two drivers' typings differ). */
interface SmokeSession {
  openPage(url: string): Promise<SmokePage>;
  waitForPopup(opener: SmokePage, trigger: () => Promise<unknown>): Promise<SmokePage>;
}

/** One browser's half of the smoke test: the checks that differ between the browsers. */
interface BrowserSmoke<S extends ChromiumSession | FirefoxSession> {
  title: string;
  launch(): Promise<S>;
  background: { name: string; check(session: S, annotate: TestContext['annotate']): Promise<void> };
  /** More checks once https://outlook.office.com/mail/ has loaded. */
  owaPageLoaded?(session: S): void;
  extensionPage: { name: string; check(session: S): Promise<void> };
  unmappedHost(session: S): Promise<void>;
}

/** The smoke tests of one browser: the same pages and checks in both, in this order. */
function smokeSuite<S extends ChromiumSession | FirefoxSession>(browser: BrowserSmoke<S>): void {
  describe(browser.title, () => {
    let session: S | undefined;
    const pages = () => session as unknown as SmokeSession;

    beforeAll(async () => {
      server.clearRequests();
      session = await browser.launch();
    });

    afterAll(async () => {
      await session?.close();
    });

    it(browser.background.name, ({ annotate }) => browser.background.check(session!, annotate));

    it('loads https://outlook.office.com/mail/ from the local server over HTTPS', async () => {
      const page = await pages().openPage(OWA_MAIL);
      expect(await page.evaluate(() => [location.origin, document.documentElement.dataset.testPageScript])).toEqual([
        'https://outlook.office.com',
        'ran',
      ]);
      expect(requestFor(OWA_MAIL)).toMatchObject({ serverName: 'outlook.office.com', status: 200 });
      browser.owaPageLoaded?.(session!);
      await page.close();
    });

    it('loads a page at the non-OWA host', async () => {
      const page = await pages().openPage(NON_OWA_PAGE);
      expect(await page.evaluate(() => location.origin)).toBe(`https://${NON_OWA_HOST}`);
      expect(requestFor(NON_OWA_PAGE)).toMatchObject({ serverName: NON_OWA_HOST, status: 200 });
      await page.close();
    });

    it('drives a pop-out that an OWA page opened and wrote', async () => {
      const page = await pages().openPage(OWA_MAIL);
      const popout = await pages().waitForPopup(page, () => page.click('#open-popout'));
      await popout.click('#popout-button');
      expect(await popout.evaluate(() => [location.href, document.documentElement.dataset.popoutButton])).toEqual([
        'about:blank',
        'pressed',
      ]);
      await popout.close();
      await page.close();
    });

    it(browser.extensionPage.name, () => browser.extensionPage.check(session!));

    it('runs axe inside an open shadow root', async () => {
      const page = await session!.openPage(AXE_TEST_PAGE);
      await expectAxeHelperToSeeIntoShadowDialogs(page);
      await page.close();
    });

    it('cannot reach a host it was not pointed at', () => browser.unmappedHost(session!));
  });
}

smokeSuite<ChromiumSession>({
  title: 'Chromium with .output/chrome-mv3',
  launch: () => launchChromium({ extensionDir: ensureBuilt('chrome-mv3'), server }),
  background: {
    name: 'loads the extension and its service worker runs extension code',
    async check({ serviceWorker, extensionId, launchMs }, annotate) {
      await annotate(`Chromium launched with the extension in ${Math.round(launchMs)} ms`);
      const inWorker = await serviceWorker.evaluate(() => ({
        id: chrome.runtime.id,
        name: chrome.runtime.getManifest().name,
      }));
      expect(inWorker).toEqual({ id: extensionId, name: 'Safe Send for NHSmail' });
    },
  },
  extensionPage: {
    name: 'opens an extension page with the extension API available',
    async check(session) {
      const page = await session.openExtensionPage('manifest.json');
      expect(await page.evaluate(() => chrome.runtime.getManifest().name)).toBe('Safe Send for NHSmail');
      await page.close();
    },
  },
  async unmappedHost(session) {
    const page = await session.context.newPage();
    await expect(page.goto(UNMAPPED_PAGE)).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  },
});

smokeSuite<FirefoxSession>({
  title: 'Firefox ESR with .output/firefox-mv2',
  launch: () => launchFirefox({ extensionDir: ensureBuilt('firefox-mv2'), server }),
  background: {
    name: 'installs the extension and its background page is running',
    async check(session, annotate) {
      await annotate(`Firefox launched with the extension in ${Math.round(session.launchMs)} ms`);
      expect(session.extensionId).toBe('safe-send@safe-send.example');
      expect(await session.backgroundState()).toBe('running');
    },
  },
  owaPageLoaded(session) {
    expect(session.proxy.tunnelled).toContain('outlook.office.com:443');
  },
  extensionPage: {
    name: 'opens a moz-extension:// page with the extension API available',
    async check(session) {
      // Firefox shows a JSON file (its JSON viewer is off under Puppeteer) as text in a <pre>.
      const page = await session.openExtensionPage('manifest.json', 'pre');
      // page.url() stays about:blank after a navigation that was not awaited: ask the page.
      expect(await page.evaluate(() => [location.href, browser.runtime.getManifest().name])).toEqual([
        `${session.extensionOrigin}/manifest.json`,
        'Safe Send for NHSmail',
      ]);
      await page.close();
    },
  },
  async unmappedHost(session) {
    const page = await session.browser.newPage();
    await expect(page.goto(UNMAPPED_PAGE)).rejects.toThrow();
    expect(session.proxy.refused).toContain('CONNECT unmapped.example.net:443');
    await page.close();
  },
});
