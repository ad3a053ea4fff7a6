// Privacy, proven (issue 5; README "Privacy"): during a full session — an OWA compose page, a
// draft that warns, a one-click fix, Send, the settings page with a setting saved, the toolbar
// popup — Safe Send makes no network request of its own and stores nothing of what was written.
//
// Three witnesses, so that one blind spot cannot hide a request:
//   1. Playwright's context `request` events: every page (OWA and the extension's own) and the
//      extension's service worker (`request.serviceWorker()`);
//   2. a CDP session on each OWA page (`Network.requestWillBeSent`): the JavaScript stack that
//      started each request, which tells the page's own script (owa.js) from ours — a content
//      script's fetch carries the page's origin, so only the stack can tell them apart;
//   3. Chromium's NetLog (netlog.ts): the network stack's own record for the whole browser, with
//      each request's initiator origin; read after the browser closes.
// The harness maps only the fixture's host names to the local server; any other name fails at
// once, so nothing can leave the machine even if a check here were wrong, and the attempt is
// still recorded. Before the browser closes, the test plants one request in the service worker and
// one in an extension page and requires the witnesses to find exactly those: a recorder that saw
// nothing cannot pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, OWA_FIXTURES_URL, startFixtureServer, type ChromiumSession, type OwaServer } from '../harness';
import { launchChromiumWithNetLog, readNetLog } from './netlog';
import { DRAFT_WORDS, SENT_TO, SESSION_PATH, TYPED_TEXT, sessionPageHandler } from './session-page';

// The extension APIs, as seen inside the browser (these callbacks run there, not in Node).
declare const chrome: {
  storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
};

const OWA_ORIGIN = new URL(OWA_FIXTURES_URL).origin;
/** What the fixture page itself asks its server for (test/fixtures/owa/README.md). */
const FIXTURE_REQUESTS = [
  /^\/mail\/privacy-session\.html\?sample=\d$/,
  /^\/mail\/owa\.(css|js)$/,
  /^\/owa\/service\.svc\?action=(GetMailTips|FindPeople)&app=Mail&n=\d+$/,
  /^\/favicon\.ico$/,
];
const isFixtureRequest = (url: string) => {
  const parsed = new URL(url);
  return parsed.origin === OWA_ORIGIN && FIXTURE_REQUESTS.some((pattern) => pattern.test(parsed.pathname + parsed.search));
};
const isNetwork = (url: string) => /^(https?|wss?|ftp):/i.test(url);

const CANARY = {
  serviceWorker: 'https://canary.invalid/planted-in-the-service-worker',
  extensionPage: 'https://canary.invalid/planted-in-an-extension-page',
};

interface SeenRequest {
  url: string;
  from: 'service worker' | 'extension page' | 'web page';
  frameUrl: string;
}

/** A request an OWA page made, with the scripts on the stack that started it (CDP). */
interface PageRequest {
  url: string;
  initiatorType: string;
  initiatorUrl: string | undefined;
  scripts: string[];
}

type StackTrace = { callFrames: Array<{ url: string }>; parent?: StackTrace };

function scriptsOn(stack: StackTrace | undefined): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) urls.push(...s.callFrames.map((frame) => frame.url).filter(Boolean));
  return urls;
}

let server: OwaServer;
let session: ChromiumSession | undefined;
let browserClosed = false;
const netLogDir = mkdtempSync(join(tmpdir(), 'safe-send-netlog-'));
const netLogPath = join(netLogDir, 'netlog.json');

const seen: SeenRequest[] = [];
const pageRequests: PageRequest[] = [];
const consoleText: string[] = [];
const pagesSeen: Page[] = [];
const owaNavigations: string[] = [];
let pagesOpenedByTest = 0;

function recordRequest(request: Request): void {
  if (request.serviceWorker()) {
    seen.push({ url: request.url(), from: 'service worker', frameUrl: request.serviceWorker()!.url() });
    return;
  }
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    // Not from a frame (and not from our service worker): still recorded, as a web page's.
  }
  // A navigation starts in the frame's old document (about:blank): attribute by the URL asked for.
  const extensionPage = frameUrl.startsWith('chrome-extension://') || (request.isNavigationRequest() && request.url().startsWith('chrome-extension://'));
  seen.push({ url: request.url(), from: extensionPage ? 'extension page' : 'web page', frameUrl });
}

/** A new tab the test opens; OWA tabs get a CDP witness before they load anything. */
async function openTab(url: string): Promise<Page> {
  pagesOpenedByTest++;
  const page = await session!.context.newPage();
  if (url.startsWith(OWA_ORIGIN)) {
    owaNavigations.push(url);
    const cdp: CDPSession = await session!.context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (event) => {
      const initiator = event.initiator as { type: string; url?: string; stack?: StackTrace };
      pageRequests.push({ url: event.request.url, initiatorType: initiator.type, initiatorUrl: initiator.url, scripts: scriptsOn(initiator.stack) });
    });
    await cdp.send('Network.enable');
  }
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const words = [...DRAFT_WORDS.subjects, ...DRAFT_WORDS.bodies, ...DRAFT_WORDS.attachments];
/** The draft words found in `text`, ignoring case. */
const draftWordsIn = (text: string) => words.filter((word) => text.toLowerCase().includes(word.toLowerCase()));

beforeAll(async () => {
  const extensionDir = ensureBuilt('chrome-mv3');
  server = await startFixtureServer();
  server.addHandler(sessionPageHandler());
  session = await launchChromiumWithNetLog({ extensionDir, server, netLogPath });
  const { context, serviceWorker } = session;
  context.on('request', recordRequest);
  for (const page of context.pages()) pagesSeen.push(page);
  context.on('page', (page) => {
    pagesSeen.push(page);
    page.on('console', (message) => consoleText.push(message.text()));
  });
  serviceWorker.on('console', (message) => consoleText.push(message.text()));
});

afterAll(async () => {
  if (!browserClosed) await session?.context.close();
  await server?.close();
  rmSync(netLogDir, { recursive: true, force: true });
});

describe('a full session in Chromium', () => {
  const ctx = () => session!;

  it('warns about a draft, applies a fix, sends it, sends a second one, saves a setting and opens the popup', async () => {
    // 1. A draft that warns: fix the domain in one click, then send.
    const owa = await openTab(`${OWA_ORIGIN}${SESSION_PATH}?sample=0`);
    await owa.evaluate(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
    await owa.locator('[aria-label="Message body"]').click();
    await owa.keyboard.press('End');
    await owa.keyboard.type(TYPED_TEXT);
    await owa.locator('[data-testid="ComposeSendButton"] button[aria-label="Send"]').click();
    const dialog = owa.getByRole('alertdialog', { name: 'Check before you send' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Change nhs.nte to nhs.net' }).click();
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await owa.waitForFunction(() => (window as unknown as { __owaSent: unknown[] }).__owaSent.length === 1);
    const [first] = await owa.evaluate(() => (window as unknown as { __owaSent: Array<{ to: string[]; subject: string }> }).__owaSent);
    expect(first).toMatchObject({ to: ['ward12.discharge@nhs.net'], subject: 'Zebrafinch review for Mrs Quillfeather' });

    // 2. An internal draft: no dialog, sent at once.
    const owa2 = await openTab(`${OWA_ORIGIN}${SESSION_PATH}?sample=1`);
    await owa2.evaluate(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
    await owa2.locator('[data-testid="ComposeSendButton"] button[aria-label="Send"]').click();
    await owa2.waitForFunction(() => (window as unknown as { __owaSent: unknown[] }).__owaSent.length === 1);

    // 3. The settings page: change a setting and save it.
    const options = await openTab(`chrome-extension://${ctx().extensionId}/options.html`);
    const threshold = options.getByLabel('Warn when To and Cc have more than this many people');
    await threshold.fill('30');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText('Settings saved.', { exact: false }).first().waitFor();

    // 4. The toolbar popup's page.
    const popup = await openTab(`chrome-extension://${ctx().extensionId}/popup.html`);
    await popup.getByRole('heading', { name: 'Today' }).waitFor();

    // The background recorded both sends (its sent-to history), so the session really ran.
    await expect
      .poll(async () => JSON.stringify(await ctx().serviceWorker.evaluate(() => chrome.storage.local.get(null))), { timeout: 5_000 })
      .toMatch(new RegExp(SENT_TO.map((a) => `(?=[\\s\\S]*${a.replace(/\./g, '\\.')})`).join('')));
  });

  it('stores no subject, body text or attachment name: only sent-to addresses, counts, dates and the policy', async () => {
    const stored = await ctx().serviceWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
      indexedDB: (await indexedDB.databases()).map((db) => db.name),
      caches: await caches.keys(),
    }));
    const extensionStorage = JSON.stringify(stored);
    expect(draftWordsIn(extensionStorage)).toEqual([]);
    expect(stored.sync).toEqual({});
    expect(stored.indexedDB).toEqual([]);
    expect(stored.caches).toEqual([]);
    // The only addresses kept are the ones sent to (not the mistyped one that was corrected).
    const addresses = [...new Set(extensionStorage.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])].sort();
    expect(addresses).toEqual([...SENT_TO].sort());
    // And the saved setting is there: this is the storage the settings page writes.
    expect(stored.local).toMatchObject({ policy: { rules: { 'large-audience': { threshold: 30 } } } });

    // Web storage, cookies and IndexedDB of every origin the session touched (OWA's and ours).
    const state = await ctx().context.storageState({ indexedDB: true });
    expect(draftWordsIn(JSON.stringify(state))).toEqual([]);
  });

  it('writes no draft text to any console (pages, extension pages, service worker)', () => {
    expect(consoleText.flatMap(draftWordsIn)).toEqual([]);
  });

  it('makes no request from its service worker or its own pages, other than to its own files', () => {
    const id = ctx().extensionId;
    const ours = seen.filter((r) => r.from !== 'web page');
    // The session did load the extension's pages: the witness saw their files.
    expect(ours.some((r) => r.url === `chrome-extension://${id}/options.html`)).toBe(true);
    expect(ours.filter((r) => !r.url.startsWith(`chrome-extension://${id}/`))).toEqual([]);
  });

  it('lets the OWA page make only the requests its own script makes, to its own server', () => {
    const network = pageRequests.filter((r) => isNetwork(r.url));
    expect(network.length).toBeGreaterThan(0);
    const notThePages = network.filter((r) => {
      if (!isFixtureRequest(r.url)) return true;
      if (r.initiatorType === 'other') return !owaNavigations.includes(r.url) && !r.url.endsWith('/favicon.ico');
      if (r.initiatorType === 'parser') return !r.initiatorUrl?.startsWith(`${OWA_ORIGIN}/mail/`);
      if (r.initiatorType === 'script') return !r.scripts.some((url) => url === `${OWA_ORIGIN}/mail/owa.js`);
      return true;
    });
    expect(notThePages).toEqual([]);
    // The stacks do show our code when it is on the way: OWA's own MailTips call passes through
    // the page bridge's fetch observer (src/outlook/page-bridge.ts), and the stack names both.
    const observed = network.find((r) => /GetMailTips/.test(r.url) && r.scripts.some((url) => url.startsWith('chrome-extension://')));
    expect(observed?.scripts).toContain(`${OWA_ORIGIN}/mail/owa.js`);
    // What the fixture server received is the same: only the fixture's own requests.
    expect(server.requests.filter((r) => !isFixtureRequest(r.url)).map((r) => r.url)).toEqual([]);
  });

  it('opens no tab or window of its own', () => {
    // The context's first blank tab, plus the four the test opened.
    expect(pagesSeen.length).toBe(1 + pagesOpenedByTest);
  });

  it('the browser-wide NetLog shows no request started by Safe Send except the two planted ones', async () => {
    const { context, serviceWorker, extensionId } = ctx();
    // Plant one request in each extension context; the witnesses must find them.
    await serviceWorker.evaluate((url) => fetch(url).then(() => undefined, () => undefined), CANARY.serviceWorker);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.evaluate((url) => fetch(url).then(() => undefined, () => undefined), CANARY.extensionPage);
    expect(seen.filter((r) => r.url.startsWith('https://canary.invalid/')).map((r) => [r.from, r.url])).toEqual([
      ['service worker', CANARY.serviceWorker],
      ['extension page', CANARY.extensionPage],
    ]);

    await context.close();
    browserClosed = true;
    const requests = readNetLog(netLogPath);
    const byExtension = requests.filter((r) => r.initiator === `chrome-extension://${extensionId}`).map((r) => r.url);
    expect(byExtension.sort()).toEqual([CANARY.extensionPage, CANARY.serviceWorker].sort());
    // Everything the OWA pages started went to their own server, for the fixture's own files and calls.
    const byOwa = requests.filter((r) => r.initiator === OWA_ORIGIN);
    expect(byOwa.length).toBeGreaterThan(0);
    expect(byOwa.filter((r) => !isFixtureRequest(r.url)).map((r) => r.url)).toEqual([]);
    // No other origin started anything: the rest is the browser itself (no initiator), which the
    // extension cannot drive without the tabs it did not open (previous test).
    const others = requests.filter((r) => r.initiator !== undefined && r.initiator !== OWA_ORIGIN && r.initiator !== `chrome-extension://${extensionId}`);
    expect(others).toEqual([]);
  });
});
