// Issue 5: a translation is a file, not a code change. A French file (written here, not shipped)
// is put beside en_GB.yml and the browser "speaks French": the warning, the popup and the options
// page show its words — with no change to any code — and every message it leaves out in English,
// as a browser does when a locale lacks a message (it falls back to `default_locale`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getByRole, within } from '@testing-library/dom';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, readLocale } from '../../../scripts/lib/locales';
import type { Finding } from '../../../src/rules/types';

// Valid for the build as it is: @wxt-dev/i18n would make _locales/fr/messages.json from it.
const FRENCH = `
lang: fr
appName: Safe Send
dialog:
  title: Vérifiez avant d’envoyer
  editEmail: Modifier l’e-mail
  sendAnyway: Envoyer quand même
  groupWarn: À vérifier
  fixMoveToBccCount: Mettre les {count} en Cci
popup:
  statusHeading: Cet onglet
  notNhsmail: Ce n’est pas une page NHSmail
options:
  page:
    title: Paramètres de Safe Send
  lists:
    secureDomains:
      count:
        0: Aucun domaine sécurisé.
        1: $1 domaine sécurisé
        n: $1 domaines sécurisés
rule:
  large_audience:
    tooMany: "Cet e-mail part à {count} personnes en À et Cc, plus de {threshold}. Mettez-les en Cci."
`;

const dir = mkdtempSync(join(tmpdir(), 'safe-send-locales-'));
writeFileSync(join(dir, 'fr.yml'), FRENCH);
const english = readLocale();
const french = readLocale('fr', dir);

/** The browser's i18n with its language set to French (en_GB is still the default locale). */
function browserSpeaks(...locales: ReturnType<typeof readLocale>[]) {
  fakeBrowser.i18n.getMessage = getMessageFrom(...locales) as typeof fakeBrowser.i18n.getMessage;
}

beforeEach(() => {
  browserSpeaks(french, english);
  // The words are read when a module loads, as in the extension, where a page or content script
  // loads in the browser's language: load the code afresh for each test.
  vi.resetModules();
  document.body.replaceChildren();
  document.documentElement.lang = 'en-GB';
});
afterEach(() => browserSpeaks(english));
afterAll(() => rmSync(dir, { recursive: true }));

/** A large-audience finding as checkDraft reports it (its message is English by contract). */
async function largeAudienceFinding(): Promise<Finding> {
  const { checkDraft } = await import('../../../src/rules/index');
  const { defaultPolicy } = await import('../../../src/policy/index');
  const recipients = Array.from({ length: 30 }, (_, i) => ({ field: 'to' as const, address: `person${i}@nhs.net` }));
  const finding = checkDraft({ recipients, subject: 'Rota', body: '', attachments: [] }, defaultPolicy).find((f) => f.ruleId === 'large-audience');
  expect(finding?.message).toMatch(/^This email is going to 30 people in To and Cc, more than 25\./);
  return finding!;
}

describe('with a French locale file', () => {
  it('the warning is in French, and says in English what the file leaves out', async () => {
    const finding = await largeAudienceFinding();
    const { showWarning, HOST_TAG } = await import('../../../src/ui/dialog');
    const closed = new AbortController();
    void showWarning({ doc: document, findings: [finding], secureTag: '[secure]', onFix: async () => [], signal: closed.signal });
    const root = document.querySelector(HOST_TAG)!.shadowRoot as unknown as HTMLElement;
    const dialog = within(root).getByRole('alertdialog', { name: 'Vérifiez avant d’envoyer' });
    const ui = within(dialog);
    expect(ui.getByRole('button', { name: 'Modifier l’e-mail' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Envoyer quand même' })).toBeTruthy();
    expect(ui.getByRole('heading', { name: 'À vérifier' })).toBeTruthy();
    // The rule's sentence, translated, with the rule's numbers put where French puts them.
    expect(ui.getByText('Cet e-mail part à 30 personnes en À et Cc, plus de 25. Mettez-les en Cci.')).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Mettre les 30 en Cci' })).toBeTruthy();
    // Not in the French file: English, as the browser falls back to en_GB.
    expect(root.querySelector('.intro')!.textContent).toBe(
      'Something in this email needs a second look. Check what’s below, then send it or go back and edit it.',
    );
    closed.abort();
  });

  it('the popup is in French and says so to screen readers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    document.body.innerHTML = '<main id="popup"></main>';
    const root = document.getElementById('popup')!;
    const { startPopup } = await import('../../../src/popup/popup');
    await startPopup(root, new AbortController().signal);
    const status = getByRole(root, 'region', { name: 'Cet onglet' });
    expect(within(status).getByText('Ce n’est pas une page NHSmail')).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    vi.restoreAllMocks();
  });

  it('the options page is in French, counts included', async () => {
    fakeBrowser.reset();
    const { mount } = await import('../options/helpers');
    const { unmount } = await mount();
    expect(document.title).toBe('Paramètres de Safe Send');
    expect(document.documentElement.lang).toBe('fr');
    expect(getByRole(document.body, 'heading', { level: 1, name: 'Paramètres de Safe Send' })).toBeTruthy();
    // The default policy has nhs.net as its one secure domain.
    expect(document.body.textContent).toContain('1 domaine sécurisé');
    unmount();
  });

  it('rules still report in English (Finding.message is English by contract)', async () => {
    expect((await largeAudienceFinding()).message).toContain('more than 25');
  });
});
