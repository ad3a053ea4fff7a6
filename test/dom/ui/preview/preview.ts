// A stand-alone page for looking at the dialog in a real browser (screenshot.mjs bundles it).
// Not shipped: the findings are the DOM tests' hand-written ones, the fixes are pretend.
import './i18n';
import type { Finding, Fix } from '../../../../src/rules/types';
import { showWarning } from '../../../../src/ui/dialog';
import {
  blockedRecipient,
  externalConfirm,
  largeAudience,
  lookalike,
  mistypedDomain,
  notice,
  patientInSubject,
  unsecured,
} from '../findings';

const sets: Record<string, Finding[]> = {
  mixed: [blockedRecipient, patientInSubject, mistypedDomain(), unsecured, notice],
  warn: [mistypedDomain(), lookalike, externalConfirm],
  large: [largeAudience(30)],
};

declare global {
  interface Window {
    preview(name: string, failFixes?: boolean): Promise<string>;
  }
}

window.preview = (name, failFixes = false) => {
  let findings = sets[name] ?? [];
  const onFix = (fix: Fix) =>
    new Promise<Finding[]>((resolve, reject) =>
      setTimeout(() => {
        if (failFixes) reject(new Error('Outlook did not let Safe Send change the address'));
        // Pretend the fix worked: drop the first finding that offered it.
        const index = findings.findIndex((f) => f.fixes?.includes(fix));
        findings = findings.filter((_, i) => i !== index);
        resolve(findings);
      }, 300),
    );
  return showWarning({ doc: document, findings, secureTag: '[secure]', onFix });
};
