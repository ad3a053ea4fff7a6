// The demo without a window: press Send on every sample draft, note what Safe Send did, save a
// picture of each warning and say whether it all went as the samples intend. Used by
// `npm run demo` where there is no display (or with --headless) and by test/e2e/demo.test.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadDemoSamples, type DemoSample, type Outcome } from './demo-samples';
import {
  closeWarning,
  openSample,
  pageAftermath,
  pressSend,
  readShownFindings,
  startDemoBrowser,
  warningDialog,
  type ShownFinding,
} from './owa-demo';

export interface SampleResult {
  sample: DemoSample;
  /** What happened when Send was pressed; undefined when neither happened within the time allowed. */
  outcome: Outcome | undefined;
  /** What the warning listed (empty when there was none). */
  findings: ShownFinding[];
  /** The saved picture of the warning, if there was one. */
  screenshot?: string;
  /** Sends OWA made for this sample: 0 when caught ("Edit email" chosen), 1 when let through. */
  sends: number;
  /** Why the result is not what the sample intends; undefined when it is. */
  problem?: string;
}

export interface DemoReport {
  results: SampleResult[];
  /** Every sample did what it is there to show. */
  ok: boolean;
}

/** `1-wrong-domain.png` for the first sample: numbered as people count, named by its title. */
export function screenshotName(sample: DemoSample): string {
  const slug = sample.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${sample.index + 1}-${slug}.png`;
}

/**
 * Why a sample's result is not what it is there to show, or undefined when it is. `dialogLeft`:
 * a Safe Send dialog is still in the page after the send.
 */
export function problemWith(
  sample: DemoSample,
  outcome: Outcome | undefined,
  findings: ShownFinding[],
  sends: number,
  dialogLeft: boolean,
): string | undefined {
  if (outcome === undefined) return 'Send was neither stopped nor sent within 10 s';
  if (outcome !== sample.expected) return `expected ${sample.expected}`;
  if (outcome === 'caught') {
    if (sends > 0) return 'the warning showed, but the email was sent as well';
    if (sample.rule && !findings.some((finding) => finding.ruleId === sample.rule))
      return `caught, but without the ${sample.rule} warning the sample is there to show`;
  } else {
    if (dialogLeft) return 'sent, but a Safe Send dialog was put in the page';
    if (sends !== 1) return `sent ${sends} times`;
  }
  return undefined;
}

async function runSample(page: Page, sample: DemoSample, screenshotDir: string): Promise<SampleResult> {
  await openSample(page, sample.index);
  const outcome = await pressSend(page);
  let findings: ShownFinding[] = [];
  let screenshot: string | undefined;
  if (outcome === 'caught') {
    const dialog = warningDialog(page);
    await dialog.waitFor();
    findings = await readShownFindings(dialog);
    screenshot = join(screenshotDir, screenshotName(sample));
    await dialog.screenshot({ path: screenshot, animations: 'disabled' });
    await closeWarning(page);
  }
  const { sends, dialogInPage } = await pageAftermath(page);
  const problem = problemWith(sample, outcome, findings, sends, dialogInPage);
  return { sample, outcome, findings, ...(screenshot ? { screenshot } : {}), sends, ...(problem ? { problem } : {}) };
}

/** Runs every sample in one headless Chromium tab; the browser and server are closed afterwards. */
export async function runHeadlessDemo(options: { extensionDir: string; screenshotDir: string }): Promise<DemoReport> {
  const samples = loadDemoSamples();
  mkdirSync(options.screenshotDir, { recursive: true });
  const demo = await startDemoBrowser({ extensionDir: options.extensionDir, headless: true });
  try {
    const page = await demo.chromium.context.newPage();
    // No opening animation: the picture shows the dialog as it settles, every time.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Tall enough for the longest sample warning to show whole, without its inner scroll bar.
    await page.setViewportSize({ width: 1280, height: 1400 });
    const results: SampleResult[] = [];
    for (const sample of samples) results.push(await runSample(page, sample, options.screenshotDir));
    return { results, ok: results.every((result) => result.problem === undefined) };
  } finally {
    await demo.close();
  }
}

/** The message's first sentence, cut to `max` characters: enough to recognise it in a table. */
export function firstLine(message: string, max = 100): string {
  const first = message.split('\n')[0]!.split(/(?<=[.!?])\s/)[0]!.trim();
  return first.length <= max ? first : `${first.slice(0, max - 1).trimEnd()}…`;
}

/** The summary printed at the end of the headless demo. */
export function formatReport(report: DemoReport, screenshotDir: string): string {
  const rows = report.results.map((result) => ({
    number: String(result.sample.index + 1),
    title: result.sample.title,
    // A result the sample does not intend is marked where the eye lands: next to it.
    outcome: `${result.outcome ?? 'no answer'}${result.problem ? ' ✗' : ''}`,
    details:
      result.outcome === 'caught'
        ? result.findings.map(
            (finding) =>
              `${finding.ruleId || '(rule not named)'}${finding.severity === 'notice' ? ' (notice)' : ''}: ${firstLine(finding.message, 80)}`,
          )
        : result.outcome === 'let through'
          ? ['no warning; Outlook sent it']
          : [],
  }));
  const head = { number: '#', title: 'Sample', outcome: 'Result', details: 'What the warning said (rule: first line)' };
  const width = (key: 'number' | 'title' | 'outcome') => Math.max(head[key].length, ...rows.map((row) => row[key].length));
  const w = { number: width('number'), title: width('title'), outcome: width('outcome') };
  const cells = (number: string, title: string, outcome: string) =>
    `  ${number.padStart(w.number)}  ${title.padEnd(w.title)}  ${outcome.padEnd(w.outcome)}  `;
  const indent = ' '.repeat(cells('', '', '').length);

  const out: string[] = [`${cells(head.number, head.title, head.outcome)}${head.details}`];
  for (const row of rows) {
    out.push(`${cells(row.number, row.title, row.outcome)}${row.details[0] ?? ''}`.trimEnd());
    for (const detail of row.details.slice(1)) out.push(`${indent}${detail}`);
  }
  const caught = report.results.filter((result) => result.outcome === 'caught').length;
  const letThrough = report.results.filter((result) => result.outcome === 'let through').length;
  const shots = report.results.filter((result) => result.screenshot).length;
  out.push('', `${caught} caught, ${letThrough} let through: ${report.ok ? 'as the samples intend.' : 'NOT as the samples intend:'}`);
  for (const result of report.results)
    if (result.problem) out.push(`  ✗ ${result.sample.index + 1} ${result.sample.title}: ${result.problem}`);
  out.push(`Pictures of the ${shots} warnings: ${screenshotDir}`);
  return out.join('\n');
}
