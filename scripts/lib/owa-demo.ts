// The demo page in Chromium with Safe Send loaded, and what a person does on it: open a sample,
// press Send, read the warning, go back to edit. Shared by `npm run demo`, `npm run screenshots`
// and test/e2e/demo.test.ts, so the three drive the page the same way.
//
// Uses the end-to-end harness as it is (test/e2e/harness/README.md): the fixture server at the
// real OWA host names and Chromium with the production build, every other name refused.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, startFixtureServer, type ChromiumSession, type OwaServer } from '../../test/e2e/harness';
import { DEMO_PAGE, type Outcome } from './demo-samples';

export interface DemoBrowser {
  server: OwaServer;
  chromium: ChromiumSession;
  /** Closes the browser (if it is still open), then the server. Safe to call twice. */
  close(): Promise<void>;
}

export async function startDemoBrowser(options: { extensionDir: string; headless: boolean }): Promise<DemoBrowser> {
  const server = await startFixtureServer();
  let chromium: ChromiumSession;
  try {
    chromium = await launchChromium({ extensionDir: options.extensionDir, server, headless: options.headless });
  } catch (error) {
    await server.close();
    throw error;
  }
  // Ctrl+C: Playwright's own SIGINT handler closes the browser and ends the process with code 130
  // before an asynchronous server.close() can finish (seen with `npm run demo`). The socket goes
  // with the process; the one thing left behind would be the run's certificate folder, so it is
  // removed here, synchronously, as the process exits.
  const certificateDir = dirname(server.certificate.certPath);
  const removeCertificate = () => rmSync(certificateDir, { recursive: true, force: true });
  process.once('exit', removeCertificate);
  let closed: Promise<void> | undefined;
  return {
    server,
    chromium,
    close: () =>
      (closed ??= (async () => {
        // The user may have closed the window already: then there is nothing left to close.
        await chromium.close().catch(() => undefined);
        await server.close();
        process.off('exit', removeCertificate);
      })()),
  };
}

/** The warning dialog's public contract (product.md): role alertdialog, this name, open shadow root. */
export function warningDialog(page: Page): Locator {
  return page.getByRole('alertdialog', { name: 'Check before you send' });
}

/** Loads sample `index` into the compose form and waits for OWA's start-up service calls. */
export async function openSample(page: Page, index: number): Promise<void> {
  await page.goto(`${DEMO_PAGE}?sample=${index}`, { waitUntil: 'load' });
  await page.evaluate(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
}

/** How long a send may take to be either stopped or let through (it is one click either way). */
const SEND_ANSWER_MS = 10_000;

/**
 * Presses OWA's Send button and reports what happened: the guard stopped it with its warning
 * ('caught'), OWA sent it (`__owaSent` has an entry: 'let through'), or neither within 10 s
 * (undefined: e.g. the guard held the send with a "can't read" notice, or did not run at all).
 */
export async function pressSend(page: Page): Promise<Outcome | undefined> {
  await page.locator('[data-testid="ComposeSendButton"] .fui-SplitButton__primaryActionButton').click();
  try {
    const answer = await page.waitForFunction(
      () => {
        // <safe-send-dialog> is the dialog's shadow host (src/ui/dialog.ts HOST_TAG).
        const dialog = document.querySelector('safe-send-dialog')?.shadowRoot?.querySelector('dialog');
        if (dialog?.open) return 'caught';
        const sent = (window as unknown as { __owaSent?: unknown[] }).__owaSent;
        return sent && sent.length > 0 ? 'let through' : false;
      },
      undefined,
      { timeout: SEND_ANSWER_MS },
    );
    return (await answer.jsonValue()) as Outcome;
  } catch {
    return undefined;
  }
}

/** How many sends OWA has made on this page, and whether a Safe Send dialog is in the page. */
export async function pageAftermath(page: Page): Promise<{ sends: number; dialogInPage: boolean }> {
  return page.evaluate(() => ({
    sends: ((window as unknown as { __owaSent?: unknown[] }).__owaSent ?? []).length,
    dialogInPage: document.querySelector('safe-send-dialog') !== null,
  }));
}

export interface ShownFinding {
  /** The rule that said it (the dialog's `data-rule`), '' if the dialog did not say. */
  ruleId: string;
  /** The dialog group it is in: 'block', 'warn' or 'notice'. */
  severity: string;
  /** The finding's message as shown. */
  message: string;
}

/** The findings the open warning lists, in the order shown (most serious group first). */
export async function readShownFindings(dialog: Locator): Promise<ShownFinding[]> {
  return dialog.locator('li.finding').evaluateAll((items) =>
    items.map((item) => ({
      ruleId: item.getAttribute('data-rule') ?? '',
      // li → ul → the group's div, whose class is the severity.
      severity: item.parentElement?.parentElement?.className ?? '',
      message: item.querySelector(':scope > p')?.textContent?.trim() ?? '',
    })),
  );
}

/** Chooses "Edit email" (nothing is sent) and waits for the warning to go. */
export async function closeWarning(page: Page): Promise<void> {
  const dialog = warningDialog(page);
  await dialog.getByRole('button', { name: 'Edit email' }).click();
  await dialog.waitFor({ state: 'detached' });
}
