// `npm run screenshots`: the README's pictures, made from the production build on the demo
// fixtures (test/fixtures/owa/demo.html) in headless Chromium, into docs/images/.
//
//   npm run screenshots                   build, then write docs/images/*.png
//   npm run screenshots -- --no-build     use the build already in .output/chrome-mv3
//   npm run screenshots -- --out <folder> write somewhere else (e.g. to compare with the committed ones)
//
// Same input, same output: fixed window sizes, no opening animation (reduced motion), the same
// steps in the same order every time (the popup's "Today" counts are the three warnings shown
// here), and nothing dated in any picture.
import { mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../test/e2e/harness';
import { buildChromeExtension, chromeBuildDir } from './lib/build';
import { DEMO_PAGE, loadDemoSamples, type DemoSample } from './lib/demo-samples';
import {
  closeWarning,
  openSample,
  pressSend,
  readShownFindings,
  startDemoBrowser,
  warningDialog,
  type DemoBrowser,
} from './lib/owa-demo';

/** The pictures, by file name; README.md's "What it looks like" shows them. */
export const IMAGES = {
  inContext: 'warning-in-outlook.png',
  mistypedDomain: 'warning-mistyped-domain.png',
  visibleRecipients: 'warning-visible-recipients.png',
  unsecuredRecipient: 'warning-unsecured-recipient.png',
  options: 'options-page.png',
  popup: 'popup.png',
} as const;

/** A laptop-sized window: the size most care staff see Outlook at. */
const WINDOW = { width: 1280, height: 800 };
/** For pictures of the warning alone: its longest sample fits without scrolling. */
const TALL_WINDOW = { width: 1280, height: 1400 };
/** The toolbar popup's width (src/popup/popup.css: body 22rem at 16 px). */
const POPUP_WIDTH = 352;
/** README pictures bigger than this are too heavy for a page people scroll through. */
const MAX_BYTES = 200 * 1024;

const written: string[] = [];

async function save(target: Page | Locator, outDir: string, name: string): Promise<void> {
  const path = join(outDir, name);
  await target.screenshot({ path, animations: 'disabled', caret: 'hide' });
  const bytes = statSync(path).size;
  if (bytes > MAX_BYTES) throw new Error(`${name} is ${Math.round(bytes / 1024)} kB, over the ${MAX_BYTES / 1024} kB limit`);
  written.push(path);
}

/** Opens a sample, presses Send and returns its warning, checked to show what the sample is for. */
async function warningFor(page: Page, sample: DemoSample): Promise<Locator> {
  await openSample(page, sample.index);
  // A throwaway picture first, so Chromium has drawn the page before the dialog opens over it.
  // Without it the page behind the backdrop came out in 2 or 3 versions (anti-aliased corners
  // off by one shade) over 8 runs; with it, 16 runs out of 16 were the same.
  await page.screenshot();
  if ((await pressSend(page)) !== 'caught') throw new Error(`"${sample.title}" was not stopped by Safe Send`);
  const dialog = warningDialog(page);
  await dialog.waitFor();
  const rules = (await readShownFindings(dialog)).map((finding) => finding.ruleId);
  if (sample.rule && !rules.includes(sample.rule))
    throw new Error(`"${sample.title}" showed ${rules.join(', ')}, not ${sample.rule}`);
  return dialog;
}

async function warnings(demo: DemoBrowser, outDir: string): Promise<Page> {
  const samples = loadDemoSamples();
  const byRule = (rule: string) => {
    const sample = samples.find((s) => s.rule === rule);
    if (!sample) throw new Error(`No demo sample shows ${rule}`);
    return sample;
  };
  const page = await demo.chromium.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize(WINDOW);

  // Outlook with the warning over it, as on a laptop; then the warning alone, in a window tall
  // enough for it to show whole (no inner scroll bar).
  let dialog = await warningFor(page, byRule('mistyped-domain'));
  await save(page, outDir, IMAGES.inContext);
  await page.setViewportSize(TALL_WINDOW);
  await save(dialog, outDir, IMAGES.mistypedDomain);
  await closeWarning(page);

  dialog = await warningFor(page, byRule('visible-recipients'));
  await save(dialog, outDir, IMAGES.visibleRecipients);
  await closeWarning(page);

  dialog = await warningFor(page, byRule('unsecured-recipient'));
  await save(dialog, outDir, IMAGES.unsecuredRecipient);
  await closeWarning(page);
  return page;
}

/** The little of the extension API used in the service worker below (this project has no @types/chrome). */
interface ExtensionApi {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
}

/** Waits until the background has this tab's guard status as "ok" (compose screen readable). */
async function waitForGuardOk(demo: DemoBrowser, url: string): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const ok = await demo.chromium.serviceWorker.evaluate(async (pageUrl) => {
      const { chrome } = globalThis as unknown as { chrome: ExtensionApi };
      // Host permissions let the extension see the OWA tab's url (src/popup/popup.ts).
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const tabs = (await chrome.storage.session.get('guardTabs')).guardTabs as
        | Record<string, Record<string, { state: string }>>
        | undefined;
      const frames = tab?.id === undefined ? undefined : tabs?.[tab.id];
      return frames !== undefined && Object.values(frames).every((frame) => frame.state === 'ok');
    }, url);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('Safe Send did not report the demo tab as checked within 10 s');
}

/**
 * The toolbar popup, opened as a page. The popup shows the ACTIVE tab of ITS window, so it is
 * opened in the OWA tab's window and loaded again while the OWA tab is the active one: what it
 * then shows is the status Safe Send really reported for that tab ("Checking this NHSmail tab").
 */
async function popup(demo: DemoBrowser, owaPage: Page, outDir: string): Promise<void> {
  await waitForGuardOk(demo, owaPage.url());
  const page = await demo.chromium.openExtensionPage('popup.html');
  await page.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  await owaPage.bringToFront();
  await page.reload({ waitUntil: 'load' });
  const status = page.locator('#popup .status__headline');
  await status.waitFor();
  const headline = await status.textContent();
  if (headline !== 'Checking this NHSmail tab')
    throw new Error(`The popup says "${headline}", not "Checking this NHSmail tab"`);
  await page.bringToFront();
  await save(page.locator('body'), outDir, IMAGES.popup);
}

/**
 * The options page at its "Checks" section: what each check does and the four severities, with
 * "Try a draft" beside it. (The top of the page is a table of contents; further down are the
 * sent-to history and the activity chart, which carry today's date.)
 */
async function optionsPage(demo: DemoBrowser, outDir: string): Promise<void> {
  const page = await demo.chromium.openExtensionPage('options.html');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: WINDOW.width, height: 900 });
  const checks = page.getByRole('heading', { name: 'Checks', exact: true });
  await checks.waitFor();
  await checks.evaluate((heading) => {
    heading.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -24);
  });
  await save(page, outDir, IMAGES.options);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'no-build': { type: 'boolean', default: false } },
  });
  const outDir = values.out
    ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
    : resolve(REPO_ROOT, 'docs/images');
  mkdirSync(outDir, { recursive: true });
  let extensionDir = chromeBuildDir();
  if (!values['no-build']) {
    process.stdout.write('Building Safe Send for Chrome (npx wxt build)… ');
    extensionDir = await buildChromeExtension();
    console.log('done.');
  }
  const demo = await startDemoBrowser({ extensionDir, headless: true });
  try {
    const owaPage = await warnings(demo, outDir);
    await popup(demo, owaPage, outDir);
    await optionsPage(demo, outDir);
  } finally {
    await demo.close();
  }
  console.log(`Pictures of ${DEMO_PAGE} and Safe Send's own pages:`);
  for (const path of written)
    console.log(`  ${relative(process.cwd(), path)}  ${(statSync(path).size / 1024).toFixed(0)} kB`);
}

main().catch((error: unknown) => {
  console.error(`\nScreenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
