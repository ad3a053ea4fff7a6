// Accessibility checks with axe-core inside a shadow root (our in-page dialog lives in one),
// for Playwright (Chromium) and Puppeteer (Firefox) pages alike.
//
// toolchain.md: inject axe-core/axe.min.js with addScriptTag, then scope the run with
// `{include: {fromShadowDom: ['#host', 'dialog']}}` — the bare nested-array form silently matches
// nothing. Because an empty run would look like a pass, this helper first checks that the host,
// its OPEN shadow root and the inner element exist, and fails if axe checked no rule at all.
// axe runs in the page's main world, so it cannot see into a closed shadow root.
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';

export const AXE_SCRIPT = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));

export type AnyPage = PlaywrightPage | PuppeteerPage;

/** One failed rule, with where it failed (axe's own fields, trimmed to what a test reads). */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown; html: string; failureSummary: string | undefined }>;
}

interface InPageRequest {
  host: string;
  inner: string;
  options: RunOptions;
}

type InPageOutcome =
  | { ok: true; violations: AxeViolation[]; rulesChecked: number }
  | { ok: false; problem: string };

// Playwright and Puppeteer both take `(fn, arg)`; their generic typings differ, so call through
// this one concrete signature.
type EvaluateOnce = (fn: (request: InPageRequest) => Promise<InPageOutcome>, request: InPageRequest) => Promise<InPageOutcome>;

/** Injects axe-core once per document. */
export async function injectAxe(page: AnyPage): Promise<void> {
  const present = await (page.evaluate as unknown as (fn: () => boolean) => Promise<boolean>).call(
    page,
    () => typeof (window as unknown as { axe?: unknown }).axe === 'object',
  );
  if (!present) await page.addScriptTag({ path: AXE_SCRIPT });
}

/**
 * Runs axe on the element `inner` inside the open shadow root of `host` and returns the
 * violations (an empty array means it passed). Throws if the element is not there, if the
 * shadow root is closed, or if axe checked nothing.
 */
export async function axeInShadowRoot(
  page: AnyPage,
  host: string,
  inner: string,
  options: RunOptions = {},
): Promise<AxeViolation[]> {
  await injectAxe(page);
  const evaluate = page.evaluate as unknown as EvaluateOnce;
  const outcome = await evaluate.call(
    page,
    async ({ host, inner, options }) => {
      const hostElement = document.querySelector(host);
      if (!hostElement) return { ok: false, problem: `no element matches the host selector ${host}` };
      if (!hostElement.shadowRoot) return { ok: false, problem: `${host} has no open shadow root (axe cannot see into a closed one)` };
      if (!hostElement.shadowRoot.querySelector(inner)) return { ok: false, problem: `nothing matches ${inner} inside ${host}'s shadow root` };
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      const results = await axe.run({ include: { fromShadowDom: [host, inner] } }, { ...options, resultTypes: ['violations'] });
      return {
        ok: true,
        rulesChecked: results.passes.length + results.violations.length + results.incomplete.length,
        violations: results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact ?? undefined,
          help: violation.help,
          helpUrl: violation.helpUrl,
          nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html, failureSummary: node.failureSummary })),
        })),
      };
    },
    { host, inner, options },
  );
  if (!outcome.ok) throw new Error(`axe: ${outcome.problem}`);
  if (outcome.rulesChecked === 0) throw new Error(`axe checked no rule in ${host} >>> ${inner}: is the selector right?`);
  return outcome.violations;
}

/** One line per violation, for assertion messages: `button-name (critical): <button …>`. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'n/a'}): ${node.html}`))
    .join('\n');
}
