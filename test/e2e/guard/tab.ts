// One tab of a real browser, the same to the guard scenarios whether Playwright drives Chromium or
// Puppeteer drives Firefox ESR (test/e2e/harness/README.md). Their APIs differ in small ways
// (waitForFunction's argument order, key chords, pop-out events); the scenarios only see this.
//
// Every click is a real, trusted mouse click at a point where the page's own hit test finds the
// element (`elementFromPoint`), so a test that says "click the icon inside Send" really does put
// the event's target on the icon, as a user's click would. Keys are real key presses too.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { ChromiumSession, FirefoxSession } from '../harness';

export type BrowserName = 'chromium' | 'firefox';
export type Modifier = 'Control' | 'Alt' | 'Meta' | 'Shift';

/** What to click: the first rendered match of `selector` (with `text`, if given, as its text or
 * aria-label), in the page or inside Safe Send's dialog. `exact`: the hit test must land on the
 * element itself, not on a child (the Send button vs the icon inside it). */
export interface Target {
  selector: string;
  text?: string;
  inDialog?: boolean;
  exact?: boolean;
}

export interface GuardTab {
  readonly browser: BrowserName;
  /** The Playwright or Puppeteer page, for harness helpers that take either (axe). */
  readonly raw: PlaywrightPage | PuppeteerPage;
  /** Runs `fn` in the page's main world. It is serialised: it can use only its argument. */
  run<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the page; fails with `what` after `timeoutMs`. */
  until<A = undefined>(what: string, fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  click(target: Target): Promise<void>;
  /** Presses `key` (Playwright/Puppeteer key names: 'Enter', 'Space', 'Escape', 'KeyS') with modifiers held. */
  press(key: string, modifiers?: readonly Modifier[]): Promise<void>;
  /** Types text where the focus is, key by key. */
  type(text: string): Promise<void>;
  /** Runs `trigger` and returns the pop-out window it opens, as a tab. */
  popup(trigger: () => Promise<unknown>): Promise<GuardTab>;
  close(): Promise<void>;
}

/** The point to click for `target`, from inside the page (serialised: self-contained). */
function pointFor(spec: Target): { x: number; y: number } | { error: string } {
  const host = document.querySelector('safe-send-dialog');
  const root: Document | ShadowRoot | null | undefined = spec.inDialog ? host?.shadowRoot : document;
  if (!root) return { error: 'no Safe Send dialog is open' };
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const element = [...root.querySelectorAll(spec.selector)].find(
    (el) =>
      el.getClientRects().length > 0 &&
      (spec.text === undefined || norm(el.textContent) === spec.text || el.getAttribute('aria-label') === spec.text),
  );
  if (!element) return { error: `nothing rendered matches ${spec.selector}${spec.text ? ` "${spec.text}"` : ''}` };
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const r = element.getBoundingClientRect();
  const hits = (hit: Element | null) => (spec.exact ? hit === element : !!hit && element.contains(hit));
  for (const [fx, fy] of [
    [0.5, 0.5], [0.85, 0.5], [0.15, 0.5], [0.5, 0.25], [0.5, 0.75], [0.95, 0.5], [0.05, 0.5], [0.95, 0.15], [0.05, 0.85],
  ] as const) {
    const x = r.left + r.width * fx;
    const y = r.top + r.height * fy;
    if (hits(root.elementFromPoint(x, y))) return { x, y };
  }
  return { error: `${spec.selector} is covered: no point of it is hit-tested to it` };
}

async function clickVia(
  locate: (spec: Target) => Promise<{ x: number; y: number } | { error: string }>,
  mouse: { click(x: number, y: number): Promise<unknown> },
  target: Target,
): Promise<void> {
  const point = await locate(target);
  if ('error' in point) throw new Error(`click: ${point.error}`);
  await mouse.click(point.x, point.y);
}

export function playwrightTab(page: PlaywrightPage, session: ChromiumSession): GuardTab {
  const tab: GuardTab = {
    browser: 'chromium',
    raw: page,
    run: (fn, arg) => page.evaluate(fn as never, arg as never),
    async until(what, fn, arg, timeoutMs = 5000) {
      await page.waitForFunction(fn as never, arg as never, { timeout: timeoutMs, polling: 'raf' }).catch((error: Error) => {
        throw new Error(`Timed out waiting for ${what}: ${error.message.split('\n')[0]}`);
      });
    },
    click: (target) => clickVia((spec) => page.evaluate(pointFor, spec), page.mouse, target),
    async press(key, modifiers = []) {
      for (const m of modifiers) await page.keyboard.down(m);
      await page.keyboard.press(key);
      for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
    },
    type: (text) => page.keyboard.type(text),
    popup: async (trigger) => playwrightTab(await session.waitForPopup(page, trigger), session),
    close: () => page.close(),
  };
  return tab;
}

export function puppeteerTab(page: PuppeteerPage, session: FirefoxSession): GuardTab {
  const tab: GuardTab = {
    browser: 'firefox',
    raw: page,
    run: (fn, arg) => page.evaluate(fn as never, arg as never),
    async until(what, fn, arg, timeoutMs = 5000) {
      await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 'raf' }, arg as never).catch((error: Error) => {
        throw new Error(`Timed out waiting for ${what}: ${error.message.split('\n')[0]}`);
      });
    },
    click: (target) => clickVia((spec) => page.evaluate(pointFor, spec), page.mouse, target),
    async press(key, modifiers = []) {
      for (const m of modifiers) await page.keyboard.down(m);
      // Puppeteer names the space bar ' ' (Playwright: 'Space').
      await page.keyboard.press((key === 'Space' ? ' ' : key) as never);
      for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
    },
    type: (text) => page.keyboard.type(text),
    popup: async (trigger) => puppeteerTab(await session.waitForPopup(page, trigger), session),
    close: () => page.close(),
  };
  return tab;
}
