// The default policy as a plain object, for the content script. The content script must stay
// under its 60 kB budget (issue 3) and zod/mini alone is about 23 kB, so it does not validate
// policies itself: the background validates the stored and managed documents with the one schema
// and hands the content script the result (src/activity/background.ts, 'get-guard-context').
// Until that answer arrives, or if the background can't be reached, the guard uses this.
// test/unit/policy/builtin.test.ts proves it equals `defaultPolicy` (the schema's defaults).
import type { Policy } from './schema';

export const BUILTIN_POLICY: Policy = {
  version: 1,
  organisationDomains: ['nhs.net'],
  secureDomains: ['nhs.net'],
  trustedDomains: [],
  blockedDomains: [],
  secureTag: '[secure]',
  rules: {
    'blocked-recipient': { severity: 'block' },
    'external-recipients': { severity: 'notice', confirmEach: false },
    'large-audience': { severity: 'warn', threshold: 25 },
    'lookalike-address': { severity: 'warn' },
    'missing-attachment': { severity: 'warn', phrases: [] },
    'mistyped-domain': { severity: 'warn' },
    'patient-identifier': { severity: 'warn' },
    'unsecured-recipient': { severity: 'warn', when: 'always', keywords: [] },
    'unverified-recipient': { severity: 'warn' },
    'visible-recipients': { severity: 'warn', threshold: 2 },
  },
  history: { enabled: true, retentionDays: 365 },
  inactivityReminder: { enabled: true, afterDays: 21 },
};
