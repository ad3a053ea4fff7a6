// axe-core over the dialog under happy-dom: roles, names, ARIA references, list and label
// structure, focus order attributes. happy-dom has no layout, so colour contrast is checked in a
// real browser instead (test/dom/ui/preview/screenshot.mjs; the e2e suite).
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/rules/types';
import { HOST_TAG, showWarning } from '../../../src/ui/dialog';
import { blockedRecipient, externalConfirm, largeAudience, mistypedDomain, notice, patientInSubject, unsecured } from './findings';

let closeAll = new AbortController();
afterEach(() => {
  closeAll.abort();
  closeAll = new AbortController();
});

function open(findings: Finding[], onFix: () => Promise<Finding[]> = () => Promise.resolve([])) {
  void showWarning({ doc: document, findings, secureTag: '[secure]', onFix, signal: closeAll.signal });
  return document.querySelector(HOST_TAG)!.shadowRoot!;
}

/** axe's shadow DOM context form (toolchain.md: the nested-array form silently matches nothing). */
async function violations(): Promise<string[]> {
  const context = { include: { fromShadowDom: [HOST_TAG, 'dialog'] } } as unknown as axe.ElementContext;
  const result = await axe.run(context, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('axe-core (happy-dom)', () => {
  it('really looks inside the shadow root (a nameless button is caught)', async () => {
    const root = open([mistypedDomain()]);
    root.querySelector('.fixes')!.append(document.createElement('button'));
    expect(await violations()).toEqual([expect.stringMatching(/^button-name:/)]);
  });

  it('finds nothing wrong with every kind of finding on show', async () => {
    open([blockedRecipient, patientInSubject, mistypedDomain(), unsecured, externalConfirm, largeAudience(30), notice]);
    expect(await violations()).toEqual([]);
  });

  it('finds nothing wrong after a failed fix and after everything is sorted', async () => {
    const root = open([mistypedDomain()], () => Promise.reject(new Error('Outlook said no')));
    (root.querySelector('.fixes button') as HTMLButtonElement).click();
    await settle();
    expect(await violations()).toEqual([]);
    closeAll.abort();
    closeAll = new AbortController();
    const sorted = open([unsecured]);
    (sorted.querySelector('.fixes button') as HTMLButtonElement).click();
    await settle();
    expect(sorted.textContent).toContain('All sorted');
    expect(await violations()).toEqual([]);
  });
});
