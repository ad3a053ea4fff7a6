// Sending from an OWA compose fixture and reading what Safe Send's warning says, as a user sees it.
// The warning is found by its public contract (product.md): role="alertdialog" in an OPEN shadow
// root, named "Check before you send", with buttons "Edit email" and "Send anyway". Which check
// spoke is read from a finding's `data-rule` where the dialog sets it, else from its message,
// matched against the rules' own message templates (src/rules/*.ts `meta.messages`).
import { expect } from 'vitest';
import { RULES } from '../../../src/rules/registry';
import type { BrowserTab } from '../harness';

// demo.html's sample 4, "Forgot the attachment": to lch.districtnurses@nhs.net (inside the
// organisation), "Please find attached" and nothing attached. With the default policy the only
// finding is the forgotten attachment (a warning: Send anyway stays available).
export const FORGOT_ATTACHMENT = 'demo.html?sample=4';
export const RECIPIENT = 'lch.districtnurses@nhs.net';

/** What the open warning shows. */
export interface Warning {
  title: string;
  /** Group headings, most serious first: "Can’t send yet", "Check these", "For your information". */
  groups: string[];
  /** The rule behind each finding, in the order shown. */
  rules: string[];
  /** "Send anyway" is aria-disabled (the dialog's way of refusing it, src/ui/dialog.ts). */
  sendAnywayDisabled: boolean;
}

export type SendOutcome = { sent: true } | { sent: false; warning: Warning };

/** What the page gives: each finding's message and, where the dialog says it, its rule. */
type ShownWarning = Omit<Warning, 'rules'> & { findings: Array<{ rule: string | undefined; message: string }> };

const TEMPLATES = Object.values(RULES).flatMap((rule) =>
  Object.values(rule.meta.messages as Record<string, string>).map((template) => ({
    rule: rule.meta.id,
    pattern: new RegExp(
      `^${template
        .split(/\{\{\s*\w+\s*\}\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+?')}$`,
      's',
    ),
  })),
);

/** The rule whose message template `message` fills. */
export function ruleOfMessage(message: string): string {
  const matches = [...new Set(TEMPLATES.filter((t) => t.pattern.test(message)).map((t) => t.rule))];
  if (matches.length !== 1) throw new Error(`no single rule says "${message}" (${matches.join(', ') || 'none'})`);
  return matches[0]!;
}

function fromPage(shown: ShownWarning | null): Warning | null {
  if (!shown) return null;
  const { findings, ...rest } = shown;
  return { ...rest, rules: findings.map((f) => f.rule ?? ruleOfMessage(f.message)) };
}

/** In the page: the open warning, or null. */
function readShownWarning(): ShownWarning | null {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  for (const host of document.querySelectorAll('*')) {
    const root = host.shadowRoot;
    const dialog = root?.querySelector<HTMLDialogElement>('[role="alertdialog"]');
    if (!root || !dialog?.open) continue;
    const send = [...dialog.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Send anyway');
    return {
      title: norm(root.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent),
      groups: [...dialog.querySelectorAll('h3')].map((h) => norm(h.textContent)),
      findings: [...dialog.querySelectorAll<HTMLElement>('li.finding')].map((li) => ({
        rule: li.dataset.rule,
        message: norm(li.querySelector(':scope > p')?.textContent),
      })),
      sendAnywayDisabled: send?.getAttribute('aria-disabled') === 'true',
    };
  }
  return null;
}

const sentCount = () => (window as unknown as { __owaSent: unknown[] }).__owaSent.length;

export const SEND_BUTTON = { selector: '[data-testid="ComposeSendButton"] button', text: 'Send' };

/** Clicks OWA's Send and reports what happened: the message went, or Safe Send's warning opened. */
export async function pressSend(tab: BrowserTab): Promise<SendOutcome> {
  const before = await tab.run(sentCount);
  await tab.click(SEND_BUTTON);
  await tab.until(
    'the message to go or a warning to open',
    (before) => {
      if ((window as unknown as { __owaSent: unknown[] }).__owaSent.length > before) return true;
      // Open, with its findings drawn (a warning always has at least one).
      for (const host of document.querySelectorAll('*')) {
        const dialog = host.shadowRoot?.querySelector<HTMLDialogElement>('[role="alertdialog"]');
        if (dialog?.open && dialog.querySelector('li.finding')) return true;
      }
      return false;
    },
    before,
  );
  const warning = fromPage(await tab.run(readShownWarning));
  if (warning) return { sent: false, warning };
  return { sent: true };
}

/** Closes the warning with Esc (its "Edit email": nothing is sent) and waits for it to go. */
export async function editEmail(tab: BrowserTab): Promise<void> {
  await tab.press('Escape');
  await tab.until('the warning to close', () => {
    for (const host of document.querySelectorAll('*')) if (host.shadowRoot?.querySelector('[role="alertdialog"]')) return false;
    return true;
  });
}

/**
 * Presses Send until the warning shows `wanted` rules, closing each older warning with Esc, and
 * returns the warning and how long the new policy took to arrive. A changed policy reaches an
 * open compose tab asynchronously (storage.onChanged → the content script asks the background for
 * the validated policy: src/outlook/start.ts), so the first Send right after Save may still see
 * the old one; a person switching tabs is far slower than that. Every attempt must show a warning
 * (nothing may be sent while waiting), and the wait is bounded.
 */
export async function sendUntilWarningShows(tab: BrowserTab, wanted: string[], timeoutMs = 5_000): Promise<{ warning: Warning; attempts: number }> {
  const deadline = performance.now() + timeoutMs;
  for (let attempts = 1; ; attempts++) {
    const outcome = await pressSend(tab);
    if (outcome.sent) throw new Error(`attempt ${attempts}: the message was sent while waiting for ${wanted.join(', ')}`);
    if (JSON.stringify(outcome.warning.rules) === JSON.stringify(wanted)) return { warning: outcome.warning, attempts };
    if (performance.now() > deadline)
      expect(outcome.warning.rules, `after ${attempts} sends over ${timeoutMs} ms the warning still shows the old findings`).toEqual(wanted);
    await editEmail(tab);
  }
}

/** How many messages the fixture has sent (owa.js pushes each onto `window.__owaSent`). */
export const sentMessages = (tab: BrowserTab): Promise<number> => tab.run(sentCount);
