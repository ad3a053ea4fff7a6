// axe-core on a whole extension page (the options page, the popup).
//
// The harness's injectAxe uses addScriptTag, which extension pages refuse: their CSP
// (script-src 'self') blocks an inline or injected script. Evaluating axe's source through the
// automation protocol is not subject to the page's CSP (Playwright's Runtime.evaluate, Puppeteer's
// BiDi script.evaluate), so the source is evaluated instead. As in the harness, a run that checked
// no rule fails rather than passing as "no violations".
import { readFileSync } from 'node:fs';
import type { BrowserTab } from '../harness';
import { AXE_SCRIPT, type AxeViolation } from '../harness/axe';

const AXE_SOURCE = readFileSync(AXE_SCRIPT, 'utf8');

export async function axePage(tab: BrowserTab): Promise<AxeViolation[]> {
  const present = await tab.run(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) {
    const page = tab.raw as unknown as { evaluate(expression: string): Promise<unknown> };
    await page.evaluate(AXE_SOURCE);
  }
  const outcome = await tab.run(async () => {
    type Result = { id: string; impact?: string; help: string; helpUrl: string; nodes: Array<{ target: unknown; html: string; failureSummary?: string }> };
    const axe = (window as unknown as {
      axe?: { run(context: unknown, options: unknown): Promise<{ violations: Result[]; passes: Result[]; incomplete: Result[] }> };
    }).axe;
    if (!axe) return { problem: 'axe-core did not load into the page' };
    const r = await axe.run(document, {});
    return {
      rulesChecked: r.passes.length + r.violations.length + r.incomplete.length,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      })),
    };
  });
  if ('problem' in outcome) throw new Error(`axe: ${outcome.problem}`);
  if (outcome.rulesChecked === 0) throw new Error('axe checked no rule on the page');
  return outcome.violations as AxeViolation[];
}
