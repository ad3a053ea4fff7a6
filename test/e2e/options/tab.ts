// One tab of a real browser, driven the same way whether Playwright drives Chromium or Puppeteer
// drives Firefox ESR, so each scenario is written once and run in both (test/e2e/harness/README.md).
//
// Controls are found the way a person finds them: by the words on their label or button, in the
// group (fieldset legend) they belong to. Every click is a real, trusted mouse click at a point
// the page's own hit test gives to the element, and typing is real key presses.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

/**
 * What to click: the first rendered `selector` whose text (spaces collapsed) is `text`; inside the
 * fieldset whose legend reads `group`, when given; inside the open shadow root of Safe Send's
 * warning, when `inDialog`.
 */
export interface Target {
  selector: string;
  text?: string;
  group?: string;
  inDialog?: boolean;
}

export const label = (text: string, group?: string): Target => ({ selector: 'label', text, group });
export const button = (text: string): Target => ({ selector: 'button', text });

export interface Tab {
  readonly browser: BrowserName;
  /** The Playwright or Puppeteer page (for the harness's helpers that take either). */
  readonly raw: PlaywrightPage | PuppeteerPage;
  /** Runs `fn` in the page. It is serialised: it can use only its argument. */
  run<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the page; fails naming `what`. */
  until<A = undefined>(what: string, fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  click(target: Target): Promise<void>;
  /** Clicks a text box's label (which focuses the box), selects what is in it and types `text`. */
  fillLabelled(labelText: string, text: string): Promise<void>;
  /** Presses `key` ('Enter', 'Escape', 'a') with `modifiers` held. */
  press(key: string, modifiers?: ReadonlyArray<'Control' | 'Shift'>): Promise<void>;
  type(text: string): Promise<void>;
  /** Chooses `path` in the file input that the label reading `labelText` belongs to. */
  chooseFile(labelText: string, path: string): Promise<void>;
  /** Makes this the active tab of its window (what tabs.query({active: true}) reports). */
  bringToFront(): Promise<void>;
  /** Reloads the page and waits until `ready` matches in the new document. */
  reload(ready: string): Promise<void>;
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
    (el) => el.getClientRects().length > 0 && (spec.text === undefined || norm(el.textContent) === spec.text),
  );
  if (!element) return { error: `nothing rendered matches ${spec.selector}${spec.text ? ` "${spec.text}"` : ''}` };
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const r = element.getBoundingClientRect();
  const hitRoot = element.getRootNode() as Document | ShadowRoot;
  for (const [fx, fy] of [[0.5, 0.5], [0.2, 0.5], [0.8, 0.5], [0.05, 0.5]] as const) {
    const x = r.left + r.width * fx;
    const y = r.top + r.height * fy;
    const hit = hitRoot.elementFromPoint(x, y);
    if (hit && element.contains(hit)) return { x, y };
  }
  return { error: `${spec.selector} "${spec.text ?? ''}" is covered: no point of it is hit-tested to it` };
}

/** In the page: the id of the control a label is for (`<label for>`). */
function controlIdFor(labelText: string): string | { error: string } {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const found = [...document.querySelectorAll('label')].find((l) => norm(l.textContent) === labelText);
  if (!found?.htmlFor) return { error: `no label "${labelText}" for a control` };
  return found.htmlFor;
}

interface Driver {
  browser: BrowserName;
  raw: PlaywrightPage | PuppeteerPage;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<unknown>;
  mouseClick(x: number, y: number): Promise<unknown>;
  keyDown(key: string): Promise<unknown>;
  keyUp(key: string): Promise<unknown>;
  keyPress(key: string): Promise<unknown>;
  type(text: string): Promise<unknown>;
  setFile(selector: string, path: string): Promise<unknown>;
  bringToFront(): Promise<unknown>;
  close(): Promise<unknown>;
}

function tabOver(d: Driver): Tab {
  const tab: Tab = {
    browser: d.browser,
    raw: d.raw,
    run: (fn, arg) => d.evaluate(fn, arg as never),
    async until(what, fn, arg, timeoutMs = 10_000) {
      await d.waitFor(fn, arg as never, timeoutMs).catch((error: Error) => {
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
    close: async () => void (await d.close()),
  };
  return tab;
}

export function playwrightTab(page: PlaywrightPage): Tab {
  return tabOver({
    browser: 'chromium',
    raw: page,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
    waitFor: (fn, arg, timeout) => page.waitForFunction(fn as never, arg as never, { timeout, polling: 100 }),
    mouseClick: (x, y) => page.mouse.click(x, y),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    keyPress: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setFile: (selector, path) => page.setInputFiles(selector, path),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  });
}

export function puppeteerTab(page: PuppeteerPage): Tab {
  return tabOver({
    browser: 'firefox',
    raw: page,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never),
    waitFor: (fn, arg, timeout) => page.waitForFunction(fn as never, { timeout, polling: 100 }, arg as never),
    mouseClick: (x, y) => page.mouse.click(x, y),
    keyDown: (key) => page.keyboard.down(key as never),
    keyUp: (key) => page.keyboard.up(key as never),
    keyPress: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    async setFile(selector, path) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no file input ${selector}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  });
}
