// One tab of a real browser, driven the same way whether Playwright drives Chromium or Puppeteer
// drives Firefox ESR, so each scenario is written once and run in both (README.md, "Scenarios in
// both browsers"). The two APIs differ in small ways (waitForFunction's argument order, key names,
// file inputs, pop-out events); only the two drivers at the bottom of this file know them.
//
// Controls are found the way a person finds them: by the words on their label or button (or its
// aria-label), in the group (fieldset legend) they belong to. Every click is a real, trusted mouse
// click at a point where the page's own hit test finds the element (`elementFromPoint`), so a test
// that says "click the icon inside Send" really does put the event's target on the icon, as a
// user's click would. Keys and typing are real key presses too.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { BrowserName } from './browsers';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';

export type Modifier = 'Control' | 'Alt' | 'Meta' | 'Shift';

/**
 * What to click: the first rendered `selector` whose text (spaces collapsed) or aria-label is
 * `text`; inside the fieldset whose legend reads `group`, when given; inside the open shadow root
 * of Safe Send's warning (role="alertdialog", product.md), when `inDialog`. `exact`: the hit test
 * must land on the element itself, not on a child (the Send button vs the icon inside it).
 */
export interface Target {
  selector: string;
  text?: string;
  group?: string;
  inDialog?: boolean;
  exact?: boolean;
}

export const label = (text: string, group?: string): Target => ({ selector: 'label', text, group });
export const button = (text: string): Target => ({ selector: 'button', text });

/** How `BrowserTab.until` waits when a call does not say. */
export interface Waits {
  timeoutMs: number;
  /**
   * 'raf': check on every animation frame (fast, but a tab in the background gets no frames);
   * a number: every that many milliseconds (works in a tab moved behind another).
   */
  polling: 'raf' | number;
}

/** Timer polling: for tests that move tabs to the back with bringToFront. */
export const TIMER_WAITS: Waits = { timeoutMs: 10_000, polling: 100 };

export interface BrowserTab {
  readonly browser: BrowserName;
  /** The Playwright or Puppeteer page, for the harness's helpers that take either (axe). */
  readonly raw: PlaywrightPage | PuppeteerPage;
  /** Runs `fn` in the page's main world. It is serialised: it can use only its argument. */
  run<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the page; fails naming `what` after `timeoutMs`. */
  until<A = undefined>(what: string, fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  click(target: Target): Promise<void>;
  /** Clicks a text box's label (which focuses the box), selects what is in it and types `text`. */
  fillLabelled(labelText: string, text: string): Promise<void>;
  /** Presses `key` (Playwright key names: 'Enter', 'Space', 'Escape', 'KeyS', 'a') with `modifiers` held. */
  press(key: string, modifiers?: readonly Modifier[]): Promise<void>;
  /** Types text where the focus is, key by key. */
  type(text: string): Promise<void>;
  /** Chooses `path` in the file input that the label reading `labelText` belongs to. */
  chooseFile(labelText: string, path: string): Promise<void>;
  /** Makes this the active tab of its window (what tabs.query({active: true}) reports). */
  bringToFront(): Promise<void>;
  /** Reloads the page and waits until `ready` matches in the new document. */
  reload(ready: string): Promise<void>;
  /** Runs `trigger` and returns the pop-out window it opens, as a tab. */
  popup(trigger: () => Promise<unknown>): Promise<BrowserTab>;
  close(): Promise<void>;
}

/** In the page: the element `spec` names, scrolled into view, and a point that hits it. */
function pointFor(spec: Target): { x: number; y: number } | { error: string } {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  let root: Document | ShadowRoot | Element = document;
  if (spec.inDialog) {
    const host = [...document.querySelectorAll('*')].find((el) => el.shadowRoot?.querySelector('[role="alertdialog"]'));
    if (!host?.shadowRoot) return { error: 'no Safe Send warning is open' };
    root = host.shadowRoot;
  }
  if (spec.group !== undefined) {
    const fieldset = [...root.querySelectorAll('fieldset')].find(
      (f) => norm(f.querySelector(':scope > legend')?.textContent) === spec.group,
    );
    if (!fieldset) return { error: `no group "${spec.group}"` };
    root = fieldset;
  }
  const element = [...root.querySelectorAll(spec.selector)].find(
    (el) =>
      el.getClientRects().length > 0 &&
      (spec.text === undefined || norm(el.textContent) === spec.text || el.getAttribute('aria-label') === spec.text),
  );
  if (!element) return { error: `nothing rendered matches ${spec.selector}${spec.text ? ` "${spec.text}"` : ''}` };
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const r = element.getBoundingClientRect();
  const hitRoot = element.getRootNode() as Document | ShadowRoot;
  const hits = (hit: Element | null) => (spec.exact ? hit === element : !!hit && element.contains(hit));
  // The centre first, then points towards the edges (a child such as an icon may cover the centre).
  for (const [fx, fy] of [
    [0.5, 0.5], [0.85, 0.5], [0.15, 0.5], [0.5, 0.25], [0.5, 0.75], [0.95, 0.5], [0.05, 0.5], [0.95, 0.15], [0.05, 0.85], [0.2, 0.5], [0.8, 0.5],
  ] as const) {
    const x = r.left + r.width * fx;
    const y = r.top + r.height * fy;
    if (hits(hitRoot.elementFromPoint(x, y))) return { x, y };
  }
  return { error: `${spec.selector}${spec.text ? ` "${spec.text}"` : ''} is covered: no point of it is hit-tested to it` };
}

/** In the page: the id of the control a label is for (`<label for>`). */
function controlIdFor(labelText: string): string | { error: string } {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const found = [...document.querySelectorAll('label')].find((l) => norm(l.textContent) === labelText);
  if (!found?.htmlFor) return { error: `no label "${labelText}" for a control` };
  return found.htmlFor;
}

/** What a tab needs of Playwright or Puppeteer. */
interface Driver {
  browser: BrowserName;
  raw: PlaywrightPage | PuppeteerPage;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, waits: Waits): Promise<unknown>;
  mouseClick(x: number, y: number): Promise<unknown>;
  keyDown(key: string): Promise<unknown>;
  keyUp(key: string): Promise<unknown>;
  keyPress(key: string): Promise<unknown>;
  type(text: string): Promise<unknown>;
  setFile(selector: string, path: string): Promise<unknown>;
  bringToFront(): Promise<unknown>;
  popup(trigger: () => Promise<unknown>): Promise<BrowserTab>;
  close(): Promise<unknown>;
}

function tabOver(d: Driver, waits: Waits): BrowserTab {
  const tab: BrowserTab = {
    browser: d.browser,
    raw: d.raw,
    run: (fn, arg) => d.evaluate(fn, arg as never),
    async until(what, fn, arg, timeoutMs = waits.timeoutMs) {
      await d.waitFor(fn, arg as never, { ...waits, timeoutMs }).catch((error: Error) => {
        throw new Error(`Timed out waiting for ${what}: ${error.message.split('\n')[0]}`);
      });
    },
    async click(target) {
      const point = await d.evaluate(pointFor, target);
      if ('error' in point) throw new Error(`click: ${point.error}`);
      await d.mouseClick(point.x, point.y);
    },
    async fillLabelled(labelText, text) {
      await tab.click(label(labelText));
      const id = await d.evaluate(controlIdFor, labelText);
      if (typeof id !== 'string') throw new Error(id.error);
      await tab.until(`the box labelled "${labelText}" to have focus`, (id) => document.activeElement?.id === id, id);
      await tab.press('a', ['Control']);
      await d.type(text);
    },
    async press(key, modifiers = []) {
      for (const m of modifiers) await d.keyDown(m);
      await d.keyPress(key);
      for (const m of [...modifiers].reverse()) await d.keyUp(m);
    },
    type: async (text) => void (await d.type(text)),
    async chooseFile(labelText, path) {
      const id = await d.evaluate(controlIdFor, labelText);
      if (typeof id !== 'string') throw new Error(id.error);
      await d.setFile(`#${id}`, path);
    },
    bringToFront: async () => void (await d.bringToFront()),
    async reload(ready) {
      // A marker on the old window tells the new document apart from the old one (Firefox's
      // moz-extension pages cannot be navigated with an awaited goto/reload under BiDi).
      await d.evaluate(() => {
        (window as unknown as { __beforeReload: boolean }).__beforeReload = true;
        setTimeout(() => location.reload(), 0);
      }, undefined);
      await tab.until(
        `the page to reload and show ${ready}`,
        (ready) =>
          !(window as unknown as { __beforeReload?: boolean }).__beforeReload &&
          document.readyState === 'complete' &&
          document.querySelector(ready) !== null,
        ready,
      );
    },
    popup: (trigger) => d.popup(trigger),
    close: async () => void (await d.close()),
  };
  return tab;
}

/** A Chromium tab; `session` opens its pop-outs. */
export function playwrightTab(page: PlaywrightPage, session: Pick<ChromiumSession, 'waitForPopup'>, waits: Waits = TIMER_WAITS): BrowserTab {
  return tabOver(
    {
      browser: 'chromium',
      raw: page,
      evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
      waitFor: (fn, arg, { timeoutMs, polling }) => page.waitForFunction(fn as never, arg as never, { timeout: timeoutMs, polling }),
      mouseClick: (x, y) => page.mouse.click(x, y),
      keyDown: (key) => page.keyboard.down(key),
      keyUp: (key) => page.keyboard.up(key),
      keyPress: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      setFile: (selector, path) => page.setInputFiles(selector, path),
      bringToFront: () => page.bringToFront(),
      popup: async (trigger) => playwrightTab(await session.waitForPopup(page, trigger), session, waits),
      close: () => page.close(),
    },
    waits,
  );
}

/** A Firefox tab; `session` opens its pop-outs. */
export function puppeteerTab(page: PuppeteerPage, session: Pick<FirefoxSession, 'waitForPopup'>, waits: Waits = TIMER_WAITS): BrowserTab {
  return tabOver(
    {
      browser: 'firefox',
      raw: page,
      evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
      waitFor: (fn, arg, { timeoutMs, polling }) => page.waitForFunction(fn as never, { timeout: timeoutMs, polling }, arg as never),
      mouseClick: (x, y) => page.mouse.click(x, y),
      keyDown: (key) => page.keyboard.down(key as never),
      keyUp: (key) => page.keyboard.up(key as never),
      // Puppeteer names the space bar ' ' (Playwright: 'Space').
      keyPress: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as never),
      type: (text) => page.keyboard.type(text),
      async setFile(selector, path) {
        const input = await page.$(selector);
        if (!input) throw new Error(`no file input ${selector}`);
        await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
      },
      bringToFront: () => page.bringToFront(),
      popup: async (trigger) => puppeteerTab(await session.waitForPopup(page, trigger), session, waits),
      close: () => page.close(),
    },
    waits,
  );
}
