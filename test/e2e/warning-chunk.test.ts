// The warning UI as a lazily loaded chunk (`warning.js`, src/ui/warning.ts; issue 3), in the
// PRODUCTION builds in real Chromium and Firefox ESR: the content script imports it and the
// warning opens, also under a strict Content-Security-Policy; no page can fetch it; and when it
// is missing, the send is still held and the page says so. The first-warning times are written
// to the test's annotations (measured, not asserted: speed belongs to benchmarks).
//
// The guard scenarios themselves (every send path, fixes, pop-outs) are in test/e2e/guard/ and
// run on the same builds, so they exercise the chunk too.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureBuilt,
  launchChromium,
  launchFirefox,
  NON_OWA_HOST,
  REPO_ROOT,
  startOwaServer,
  type BuildTarget,
  type OwaServer,
} from './harness';

const OWA_PAGE = 'https://outlook.office.com/mail/new-message.html';
const STRICT_CSP_PAGE = 'https://outlook.office.com/strict-csp/new-message.html';
/** As strict as a page gets while its own scripts still run: nothing from outside 'self'. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";
const SEND = '[data-testid="ComposeSendButton"] button';

/** What these tests need of a Playwright or Puppeteer page. */
interface TestPage {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}
interface Session {
  openPage(url: string): Promise<TestPage>;
  /** The extension's own origin: chrome-extension://<id> or moz-extension://<uuid>. */
  origin: string;
  close(): Promise<void>;
}

async function launch(target: BuildTarget, extensionDir: string, server: OwaServer): Promise<Session> {
  if (target === 'chrome-mv3') {
    const s = await launchChromium({ extensionDir, server });
    return {
      origin: `chrome-extension://${s.extensionId}`,
      openPage: (url) => s.openPage(url) as unknown as Promise<TestPage>,
      close: () => s.close(),
    };
  }
  const s = await launchFirefox({ extensionDir, server });
  return {
    origin: s.extensionOrigin,
    openPage: (url) => s.openPage(url) as unknown as Promise<TestPage>,
    close: () => s.close(),
  };
}

// ---- In-page helpers (these run in the page's own world) ----

/** Waits for OWA's imitation to be ready, then for `ms` more (the guard's self-check runs after 400 ms of quiet). */
const settled = (ms: number) =>
  (window as unknown as { __owaReady: Promise<void> }).__owaReady.then(() => new Promise((r) => setTimeout(r, ms)));

/** Resolves with what Safe Send showed after a send: the dialog, the notice, or nothing in 5 s. */
function shown(): Promise<{ dialog: string | null; notice: string | null; sent: number }> {
  const read = () => {
    const dialog = document.querySelector('safe-send-dialog')?.shadowRoot?.querySelector('[role="alertdialog"]');
    const notice = document.querySelector('safe-send-notice')?.shadowRoot?.textContent ?? null;
    const sent = (window as unknown as { __owaSent: unknown[] }).__owaSent.length;
    if (!dialog && !notice) return undefined;
    const title = dialog ? (dialog.getRootNode() as ShadowRoot).getElementById(dialog.getAttribute('aria-labelledby')!) : null;
    return { dialog: title?.textContent ?? (dialog ? '' : null), notice, sent };
  };
  return new Promise((resolve) => {
    const now = read();
    if (now) return resolve(now);
    const observer = new MutationObserver(() => {
      const result = read();
      if (result) (observer.disconnect(), resolve(result));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    setTimeout(() => (observer.disconnect(), resolve({ dialog: null, notice: null, sent: 0 })), 5000);
  });
}

/** Clicks Send from the page and times it until the dialog is open (ms). */
function timeFirstWarning(selector: string): Promise<number> {
  const button = document.querySelector(selector) as HTMLElement;
  const start = performance.now();
  button.click();
  return new Promise((resolve) => {
    const open = () => !!document.querySelector('safe-send-dialog')?.shadowRoot?.querySelector('dialog[open]');
    if (open()) return resolve(performance.now() - start);
    const observer = new MutationObserver(() => {
      if (open()) (observer.disconnect(), resolve(performance.now() - start));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    setTimeout(() => (observer.disconnect(), resolve(Number.NaN)), 5000);
  });
}

const tryFetch = (url: string) =>
  fetch(url).then(
    (r) => `status ${r.status}`,
    () => 'refused',
  );

const sentCount = () => (window as unknown as { __owaSent: unknown[] }).__owaSent.length;

// ---- The tests, once per browser ----

let server: OwaServer;
const scratchDirs: string[] = [];

beforeAll(async () => {
  server = await startOwaServer({
    routes: { '/mail/': 'test/fixtures/owa' },
    handlers: [
      // The same fixture, served with a strict CSP header.
      async (request) => {
        if (!request.path.startsWith('/strict-csp/')) return undefined;
        const name = request.path.slice('/strict-csp/'.length).split('?')[0]!;
        if (!/^[\w-]+\.(html|js|css)$/.test(name)) return { status: 404 };
        const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(name)]!;
        const body = await readFile(join(REPO_ROOT, 'test/fixtures/owa', name));
        return { headers: { 'content-type': type, 'content-security-policy': STRICT_CSP }, body };
      },
    ],
  });
});

afterAll(async () => {
  await server?.close();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a production build without its warning chunk: what a failed load looks like. */
function buildWithoutChunk(target: BuildTarget): string {
  const dir = mkdtempSync(join(tmpdir(), 'safe-send-no-chunk-'));
  scratchDirs.push(dir);
  cpSync(ensureBuilt(target), dir, { recursive: true });
  rmSync(join(dir, 'warning.js'));
  return dir;
}

describe.each([['chrome-mv3' as const], ['firefox-mv2' as const]])('%s', (target) => {
  describe('with the warning chunk', () => {
    let session: Session | undefined;
    beforeAll(async () => {
      session = await launch(target, ensureBuilt(target), server);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('opens the warning on a send that needs one, and the page is not sent', async ({ annotate }) => {
      const page = await session!.openPage(OWA_PAGE);
      await page.evaluate(settled, 600);
      const ms = await page.evaluate(timeFirstWarning, SEND);
      await annotate(`first warning, compose open 600 ms: dialog open ${ms.toFixed(1)} ms after the click`);
      expect(await page.evaluate(shown, undefined)).toEqual({ dialog: 'Check before you send', notice: null, sent: 0 });
      await page.close();
    });

    it('opens the warning on a send made as soon as the page is ready', async ({ annotate }) => {
      const page = await session!.openPage(OWA_PAGE);
      await page.evaluate(settled, 0);
      const ms = await page.evaluate(timeFirstWarning, SEND);
      await annotate(`first warning, Send at once: dialog open ${ms.toFixed(1)} ms after the click`);
      expect(await page.evaluate(shown, undefined)).toMatchObject({ dialog: 'Check before you send', sent: 0 });
      await page.close();
    });

    it('opens the warning under a strict Content-Security-Policy', async () => {
      const page = await session!.openPage(STRICT_CSP_PAGE);
      await page.evaluate(settled, 0);
      await page.click(SEND);
      expect(await page.evaluate(shown, undefined)).toEqual({ dialog: 'Check before you send', notice: null, sent: 0 });
      await page.close();
    });

    it('no page can fetch the chunk: not an NHSmail page at its address, not another site', async () => {
      const url = `${session!.origin}/warning.js`;
      const owa = await session!.openPage(OWA_PAGE);
      await owa.evaluate(settled, 600); // the content script has loaded it by now
      expect(await owa.evaluate(tryFetch, url)).toBe('refused');
      await owa.close();
      const other = await session!.openPage(`https://${NON_OWA_HOST}/mail/new-message.html`);
      expect(await other.evaluate(tryFetch, url)).toBe('refused');
      await other.close();
    });
  });

  describe('with the warning chunk missing', () => {
    let session: Session | undefined;
    beforeAll(async () => {
      session = await launch(target, buildWithoutChunk(target), server);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('holds the send, says so in the page, and the next press of Send sends it', async () => {
      const page = await session!.openPage(OWA_PAGE);
      await page.evaluate(settled, 0);
      await page.click(SEND);
      const first = await page.evaluate(shown, undefined);
      expect(first.dialog).toBeNull();
      expect(first.sent).toBe(0);
      expect(first.notice).toContain('Safe Send could not open its warning, so this email has not been sent.');
      expect(first.notice).toContain('press Send again to send it anyway');
      await page.click(SEND);
      expect(await page.evaluate(sentCount, undefined)).toBe(1);
      await page.close();
    });
  });
});
