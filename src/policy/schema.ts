// The one schema of the policy document (product.md, "Policy document"). Everything that reads a
// policy — the guard, the options page, managed storage, imports — validates it here.
// zod/mini, not zod: the schema ships in the content script, which has a 60 kB budget (issue 3),
// and full zod is about 80 kB on its own.
import * as z from 'zod/mini';
import { RULE_IDS } from '../rules/ids';
import { DEFAULT_SEVERITY } from '../rules/registry';
import { normaliseAddress, normaliseDomain } from '../rules/lib/domains';

export type RuleId = (typeof RULE_IDS)[number];

/** Most entries any one list may hold; NHS England's DCB1596 list is a few thousand. */
export const MAX_LIST_ENTRIES = 50_000;

const SEVERITIES = ['off', 'notice', 'warn', 'block'] as const;

const severity = (id: RuleId) =>
  z._default(
    z.enum(SEVERITIES, { error: 'must be one of "off", "notice", "warn" or "block"' }),
    DEFAULT_SEVERITY[id],
  );

const wholeNumber = (min: number, max: number, fallback: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z._default(z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error })), fallback);
};

const flag = (fallback: boolean) => z._default(z.boolean({ error: 'must be true or false' }), fallback);

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Why a (normalised) domain entry is not acceptable, or undefined when it is. */
export function domainEntryProblem(entry: string, allowAddress: boolean): string | undefined {
  if (entry === '') return 'is empty; remove it or type a domain such as "nhs.net"';
  if (entry === '*' || entry === '*.')
    return 'a bare "*" would match every domain; use "*.example.org" for all subdomains of example.org';
  if (entry.includes('@')) {
    if (!allowAddress)
      return `"${entry}" is an email address; type only the part after @ ("${entry.slice(entry.lastIndexOf('@') + 1)}")`;
    const [local, ...rest] = entry.split('@');
    if (!local || rest.length !== 1 || domainEntryProblem(rest[0] ?? '', false) || rest[0]?.startsWith('*.'))
      return `"${entry}" is not a valid email address`;
    return undefined;
  }
  const name = entry.startsWith('*.') ? entry.slice(2) : entry;
  if (name.includes('*')) return `"${entry}" may use "*" only at the start, as in "*.example.org"`;
  if (/[/:\s]/.test(name)) return `"${entry}" is not a domain; type a domain such as "example.org", without "https://" or a path`;
  const labels = name.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)))
    return `"${entry}" is not a valid domain; type a domain such as "example.org"`;
  return undefined;
}

/** Trim, lower-case and punycode one entry the way the rules compare it. */
export function normaliseDomainEntry(raw: string): string {
  const entry = raw.trim().toLowerCase();
  if (entry.includes('@')) return normaliseAddress(entry);
  if (entry.startsWith('*.')) return `*.${normaliseDomain(entry.slice(2))}`;
  return normaliseDomain(entry);
}

const domainList = (allowAddress: boolean, fallback: string[]) =>
  z._default(
    z
      .array(
        z.pipe(
          z.string({ error: 'must be text, such as "example.org"' }),
          z.transform((raw, ctx) => {
            const entry = normaliseDomainEntry(raw);
            const problem = domainEntryProblem(entry, allowAddress);
            if (problem) ctx.issues.push({ code: 'custom', message: problem, input: raw });
            return entry;
          }),
        ),
        { error: 'must be a list, such as ["example.org"]' },
      )
      .check(z.maxLength(MAX_LIST_ENTRIES, { error: `may hold at most ${MAX_LIST_ENTRIES} entries` })),
    fallback,
  );

const ruleSettings = <Shape extends z.core.$ZodLooseShape>(id: RuleId, extra: Shape) =>
  // prefault, not default: the empty object is parsed, so every field takes its own default.
  z.prefault(
    z.strictObject({ severity: severity(id), ...extra }, { error: 'must be an object of settings' }),
    {} as never,
  );

const keywordList = z._default(
  z
    .array(
      z.string({ error: 'must be text' }).check(
        z.trim(),
        z.minLength(1, { error: 'is empty; remove it' }),
        z.maxLength(100, { error: 'must be at most 100 characters' }),
      ),
      { error: 'must be a list of words or phrases' },
    )
    .check(z.maxLength(1000, { error: 'may hold at most 1000 entries' })),
  [],
);

export const RulesSettings = z.strictObject(
  {
    'blocked-recipient': ruleSettings('blocked-recipient', {}),
    'external-recipients': ruleSettings('external-recipients', {
      /** Each external recipient must be ticked before "Send anyway" is enabled. */
      confirmEach: flag(false),
    }),
    'large-audience': ruleSettings('large-audience', { threshold: wholeNumber(2, 1000, 25) }),
    'lookalike-address': ruleSettings('lookalike-address', {}),
    'missing-attachment': ruleSettings('missing-attachment', {
      /** Words besides the built-in ones that mean "I have attached something". */
      phrases: keywordList,
    }),
    'mistyped-domain': ruleSettings('mistyped-domain', {}),
    'patient-identifier': ruleSettings('patient-identifier', {}),
    'unsecured-recipient': ruleSettings('unsecured-recipient', {
      when: z._default(
        z.enum(['always', 'sensitive'], { error: 'must be "always" or "sensitive"' }),
        'always',
      ),
      /** With `when: "sensitive"`: words that make a message sensitive (besides NHS numbers). */
      keywords: keywordList,
    }),
    'unverified-recipient': ruleSettings('unverified-recipient', {}),
    'visible-recipients': ruleSettings('visible-recipients', { threshold: wholeNumber(2, 1000, 2) }),
  },
  { error: 'must be an object with one entry per rule' },
);

export const Policy = z.strictObject(
  {
    version: z._default(z.literal(1, { error: 'must be 1 (the only policy version so far)' }), 1),
    organisationDomains: domainList(false, ['nhs.net']),
    secureDomains: domainList(false, ['nhs.net']),
    trustedDomains: domainList(false, []),
    blockedDomains: domainList(true, []),
    secureTag: z._default(
      z.string({ error: 'must be text, such as "[secure]"' }).check(
        z.trim(),
        z.minLength(3, { error: 'must be 3 to 40 characters, such as "[secure]"' }),
        z.maxLength(40, { error: 'must be 3 to 40 characters, such as "[secure]"' }),
      ),
      '[secure]',
    ),
    rules: z.prefault(RulesSettings, {}),
    /** Sent-to history, used by `lookalike-address` (issue 4). Addresses only, kept locally. */
    history: z.prefault(
      z.strictObject(
        { enabled: flag(true), retentionDays: wholeNumber(1, 3650, 365) },
        { error: 'must be an object of settings' },
      ),
      {},
    ),
    /** NHSmail deactivates accounts after 30 days without activity: remind from `afterDays`. */
    inactivityReminder: z.prefault(
      z.strictObject(
        { enabled: flag(true), afterDays: wholeNumber(1, 29, 21) },
        { error: 'must be an object of settings' },
      ),
      {},
    ),
  },
  { error: 'must be an object, such as {"version": 1}' },
);

/** A complete policy: every field present (defaults filled in). */
export type Policy = z.output<typeof Policy>;
/** A policy document as a manager writes it: every field optional. */
export type PolicyDocument = z.input<typeof Policy>;
