// axe-core on Safe Send's dialog as it is shown on an OWA page, with the colour-contrast rule's
// "incomplete" list as well as the violations.
//
// Why the extra list: axe-core 4.14 cannot work out the background of anything outside <body>,
// and the dialog's host sits on <html> (src/ui/dialog.ts: outside OWA's React root, on purpose).
// There axe puts every text node under color-contrast "incomplete" ("Unable to determine contrast
// ratio") instead of passing or failing it — a run with no violations would then say nothing about
// contrast. So `auditDialog` runs twice: once where the dialog really is (every rule but contrast
// is judged there), and once with the host moved into <body> for the audit only (the colours and
// the dialog are the same; the same workaround as test/dom/ui/preview/screenshot.mjs), where
// contrast must be measured: incomplete empty and at least one element passed.
import { injectAxe, type AxeViolation, type BrowserTab } from '../harness';

export interface DialogAudit {
  violations: AxeViolation[];
  /** Elements color-contrast could not judge (with axe's reason), and how many it passed. */
  contrastIncomplete: string[];
  contrastPassed: number;
  rulesChecked: number;
}

export async function auditDialog(tab: BrowserTab, moveIntoBody: boolean): Promise<DialogAudit> {
  await injectAxe(tab.raw);
  return tab.run(async (moveIntoBody) => {
    const host = document.querySelector('safe-send-dialog');
    if (!host?.shadowRoot?.querySelector('dialog[open]')) throw new Error('no open Safe Send dialog to audit');
    if (moveIntoBody) {
      document.body.append(host);
      // Re-inserting restarts the opening animation; axe would measure it at opacity 0.
      const dialog = host.shadowRoot.querySelector('dialog')!;
      await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
    }
    type Node = { html: string; any: Array<{ message: string }> };
    type Result = { id: string; impact?: string; help: string; helpUrl: string; nodes: Array<Node & { target: unknown; failureSummary?: string }> };
    const axe = (window as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[]; incomplete: Result[]; passes: Result[] }> };
    }).axe;
    const r = await axe.run({ include: { fromShadowDom: ['safe-send-dialog', 'dialog'] } }, {});
    const contrast = (list: Result[]) => list.find((x) => x.id === 'color-contrast')?.nodes ?? [];
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact as AxeViolation['impact'],
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      })),
      contrastIncomplete: contrast(r.incomplete).map((n) => `${n.html}: ${n.any.map((a) => a.message).join('; ')}`),
      contrastPassed: contrast(r.passes).length,
      rulesChecked: r.passes.length + r.violations.length + r.incomplete.length,
    };
  }, moveIntoBody);
}
