// `npm run demo`: try Safe Send without an NHSmail account.
//
// Builds the Chrome extension, serves an imitation of Outlook on the web's compose screen with
// six sample drafts (test/fixtures/owa/demo.html) at https://outlook.office.com on this computer,
// and opens Chromium with Safe Send on it. Nothing is sent anywhere: the browser can reach only
// the local server, and "sending" there just shows "Message sent".
//
// Without a display (no DISPLAY or WAYLAND_DISPLAY), or with --headless, it runs the same demo
// with no window: presses Send on every sample, saves a picture of each warning and prints what
// happened; the exit code says whether that is what the samples are there to show.
//
//   npm run demo                        a window, until you close it
//   npm run demo -- --headless          no window; pictures in demo-output/
//   npm run demo -- --headless --out D  pictures in D
//   npm run demo -- --no-build          use the build already in .output/chrome-mv3
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../test/e2e/harness';
import { buildChromeExtension, chromeBuildDir } from './lib/build';
import { DEMO_PAGE, loadDemoSamples } from './lib/demo-samples';
import { formatReport, runHeadlessDemo } from './lib/headless-demo';
import { startDemoBrowser } from './lib/owa-demo';

const USAGE = 'Usage: npm run demo [-- --headless] [--out <folder>] [--no-build]';

function hasDisplay(): boolean {
  // Chromium on Linux needs an X11 or Wayland display for a window; elsewhere there always is one.
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function build(skip: boolean): Promise<string> {
  if (skip) return chromeBuildDir();
  process.stdout.write('Building Safe Send for Chrome (npx wxt build)… ');
  const started = performance.now();
  const dir = await buildChromeExtension();
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return dir;
}

async function withWindow(extensionDir: string): Promise<void> {
  const samples = loadDemoSamples();
  const demo = await startDemoBrowser({ extensionDir, headless: false });
  const { context, extensionId } = demo.chromium;
  const closed = new Promise<void>((done) => {
    context.on('close', () => done());
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(DEMO_PAGE);
    const titleWidth = Math.max(...samples.map((sample) => sample.title.length));
    console.log(
      [
        '',
        'Safe Send demo',
        `  Chromium is open at ${DEMO_PAGE}: an imitation of Outlook on the web,`,
        '  served from this computer. Nothing is really sent; "Send" only shows "Message sent".',
        '',
        '  Pick a sample draft on the left, then press Send:',
        ...samples.map((sample) => `    ${sample.index + 1}  ${sample.title.padEnd(titleWidth)}  ${sample.shows}`),
        '',
        '  Try the buttons in the warning: a fix changes the draft and checks it again.',
        '  After a send, reload the page (F5) to try another sample.',
        `  Safe Send's settings: chrome-extension://${extensionId}/options.html`,
        '',
        '  To stop: close the Chromium window, or press Ctrl+C here.',
      ].join('\n'),
    );
    await closed;
  } finally {
    await demo.close();
    console.log('Demo closed.');
  }
}

async function withoutWindow(extensionDir: string, outDir: string): Promise<boolean> {
  const shown = relative(process.cwd(), outDir) || '.';
  console.log(`Running the demo without a window: pressing Send on each sample draft at ${DEMO_PAGE}.\n`);
  const report = await runHeadlessDemo({ extensionDir, screenshotDir: outDir });
  console.log(formatReport(report, `${shown}/`));
  return report.ok;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        headless: { type: 'boolean', default: false },
        out: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const headless = values.headless || !hasDisplay();
  const extensionDir = await build(values['no-build']);
  if (!headless) {
    await withWindow(extensionDir);
    return 0;
  }
  if (!values.headless) console.log('No display found (DISPLAY and WAYLAND_DISPLAY are not set).');
  // npm runs scripts in the repo root; a folder given on the command line is relative to where
  // the user typed it (npm's INIT_CWD).
  const outDir = values.out ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : resolve(REPO_ROOT, 'demo-output');
  return (await withoutWindow(extensionDir, outDir)) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nThe demo failed: ${message}`);
    // Seen once here: another `wxt build` replaced .output/chrome-mv3 while Chromium was loading it.
    if (/serviceworker/.test(message))
      console.error('Safe Send did not start in Chromium. If a build was running at the same time, run the demo again.');
    process.exit(1);
  },
);
