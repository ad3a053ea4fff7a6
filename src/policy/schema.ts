// The one schema of the policy document (product.md, "Policy document"). Everything that reads a
// policy — the guard, the options page, managed storage, imports — validates it here.
// zod/mini, not zod: the schema ships in the content script, which has a 60 kB budget (issue 3),
// and full zod is about 80 kB on its own.
//
// Messages are read by care managers: each says what is allowed, in plain British English, and
// quotes what was typed (shortened, so a 1 MB entry cannot make a 1 MB message).
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

/** `"text"`, cut to `max` characters: user text quoted in a message. */
export function quote(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** RFC 1035: a domain name is at most 253 characters in its dotted text form. */
const MAX_DOMAIN_LENGTH = 253;
/**
 * UK second-level suffixes anyone can register under (Nominet). `*.co.uk` would make every
 * company in the UK "secure" or "internal"; nobody means that. Sector-wide suffixes (nhs.uk,
 * gov.uk, ac.uk, police.uk) stay allowed: "*.nhs.uk" as a trusted partner list is plausible.
 */
const OPEN_SUFFIXES = new Set(['co.uk', 'org.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk']);

/**
 * Why a domain-list entry is not acceptable, or undefined when it is. Takes the entry as typed
 * (or already normalised): web addresses, `@` and spaces are recognised before normalisation so
 * that the message can quote what the manager typed and say what to type instead.
 */
export function domainEntryProblem(input: string, allowAddress: boolean): string | undefined {
  const text = input.trim();
  if (text === '') return 'is empty; remove it or type a domain such as "nhs.net"';
  if (text.length > MAX_DOMAIN_LENGTH * 2) return `is too long for a domain or address (${text.length.toLocaleString('en-GB')} characters)`;
  const lower = text.toLowerCase();
  const q = quote(text);
  if (lower === '*' || lower === '*.')
    return 'a bare "*" would match every domain; use "*.example.org" for all subdomains of example.org';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower)) {
    let host = '';
    try {
      host = new URL(text).hostname;
    } catch {
      // Not even a URL: the generic hint below is all we can say.
    }
    return host
      ? `${q} is a web address; type only the domain, such as ${quote(host)}`
      : `${q} is not a domain; type a domain such as "example.org", without "https://" or a path`;
  }
  if (lower.startsWith('mailto:')) return `${q} is a link; type only the address, without "mailto:"`;
  if (/[\s,;]/.test(text))
    return `${q} has a space, comma or semicolon in it; put each domain in its own quotes, such as "a.org", "b.org"`;
  const at = lower.lastIndexOf('@');
  if (at > 0) {
    const domain = lower.slice(at + 1);
    if (!allowAddress) return `${q} is an email address; type only the part after @ (${quote(domain)})`;
    const local = lower.slice(0, at);
    if (local.includes('@') || domain.startsWith('*') || domainProblem(normaliseDomain(domain)) !== undefined)
      return `${q} is not a valid email address`;
    return undefined;
  }
  // "@nhs.net" means the domain nhs.net; normaliseDomainEntry drops the "@".
  const name = lower.startsWith('@') ? lower.slice(1) : lower;
  if (name.startsWith('.'))
    return `${q} starts with a dot; for every subdomain type "*${name}", for the domain itself ${quote(name.slice(1))}`;
  const isPattern = name.startsWith('*.');
  const rest = isPattern ? name.slice(2) : name;
  if (rest.includes('*')) return `${q} may use "*" only at the start, as in "*.example.org"`;
  if (/[/:?#\\]/.test(rest)) return `${q} is not a domain; type a domain such as "example.org", without "https://" or a path`;
  const problem = domainProblem(normaliseDomain(rest));
  if (problem === 'too long') return `${q} is too long for a domain (at most ${MAX_DOMAIN_LENGTH} characters)`;
  if (problem) return `${q} is not a valid domain; type a domain such as "example.org"`;
  if (isPattern && OPEN_SUFFIXES.has(normaliseDomain(rest)))
    return `${q} would match every domain ending in .${normaliseDomain(rest)}; name the organisation's own domain, such as "*.example.${normaliseDomain(rest)}"`;
  return undefined;
}

/** For a normalised (ASCII) domain: undefined when valid, else a short reason for callers above. */
function domainProblem(ascii: string): 'too long' | 'invalid' | undefined {
  if (ascii.length > MAX_DOMAIN_LENGTH) return 'too long';
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return 'invalid';
  return undefined;
}

/**
 * Trim, lower-case and punycode one entry the way the rules compare it (`Bücher.DE.` →
 * `xn--bcher-kva.de`, `@NHS.net` → `nhs.net`, `*.Example.ORG` → `*.example.org`).
 */
export function normaliseDomainEntry(raw: string): string {
  const entry = raw.trim().toLowerCase();
  if (entry.lastIndexOf('@') > 0) return normaliseAddress(entry);
  const name = entry.startsWith('@') ? entry.slice(1) : entry;
  if (name.startsWith('*.')) return `*.${normaliseDomain(name.slice(2))}`;
  return normaliseDomain(name);
}

/**
 * An entry that is already a valid, normal domain or pattern: lower-case ASCII labels, as NHS
 * England's DCB1596 list writes them. Such entries skip the full checks, which would take about three
 * times as long for a 50,000-domain list; everything this accepts, the full check accepts unchanged
 * (test/unit/policy/parse.test.ts).
 */
const PLAIN_ENTRY = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const domainEntry = (allowAddress: boolean) =>
  z.pipe(
    z.string({ error: 'must be text in quotes, such as "example.org"' }),
    z.transform((raw: string, ctx) => {
      if (raw.length <= MAX_DOMAIN_LENGTH && PLAIN_ENTRY.test(raw) && !(raw.startsWith('*.') && OPEN_SUFFIXES.has(raw.slice(2))))
        return raw;
      const problem = domainEntryProblem(raw, allowAddress);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: raw });
      return normaliseDomainEntry(raw);
    }),
  );

/**
 * A domain list. Duplicates (after normalisation: `NHS.net` and `nhs.net.` are one entry) are
 * dropped silently: NHS England's DCB1596 CSV lists some domains more than once, and a manager
 * pasting it in has done nothing wrong.
 */
const domainList = (allowAddress: boolean, fallback: string[]) =>
  z._default(
    z.pipe(
      z
        .array(domainEntry(allowAddress), { error: 'must be a list in square brackets, such as ["example.org"]' })
        .check(
          z.maxLength(MAX_LIST_ENTRIES, {
            error: (issue) =>
              `may hold at most ${MAX_LIST_ENTRIES.toLocaleString('en-GB')} entries (it has ${(issue.input as unknown[]).length.toLocaleString('en-GB')})`,
          }),
        ),
      z.transform((entries: string[]) => [...new Set(entries)]),
    ),
    fallback,
  );
const ruleSettings = <Shape extends z.core.$ZodLooseShape>(id: RuleId, extra: Shape) =>
  // prefault, not default: the empty object is parsed, so every field takes its own default.
  z.prefault(
    z.strictObject(
      { severity: severity(id), ...extra },
      { error: 'must be the rule\'s settings in curly brackets, such as {"severity": "warn"}' },
    ),
    {} as never,
  );

const keywordList = z._default(
  z
    .array(
      z.string({ error: 'must be a word or phrase in quotes' }).check(
        z.trim(),
        z.minLength(1, { error: 'is empty; remove it' }),
        z.maxLength(100, { error: 'must be at most 100 characters' }),
      ),
      { error: 'must be a list in square brackets, such as ["safeguarding"]' },
    )
    .check(z.maxLength(1000, { error: 'may hold at most 1,000 entries' })),
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
  { error: 'must be the rules\' settings in curly brackets, such as {"large-audience": {"threshold": 30}}' },
);

export const Policy = z.strictObject(
  {
    version: z._default(
      z.literal(1, { error: 'must be 1; a policy made for a newer Safe Send needs that newer version' }),
      1,
    ),
    organisationDomains: domainList(false, ['nhs.net']),
    secureDomains: domainList(false, ['nhs.net']),
    trustedDomains: domainList(false, []),
    blockedDomains: domainList(true, []),
    secureTag: z._default(
      z.string({ error: 'must be text in quotes, such as "[secure]"' }).check(
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
        { error: 'must be settings in curly brackets, such as {"enabled": true}' },
      ),
      {},
    ),
    /** NHSmail deactivates accounts after 30 days without activity: remind from `afterDays`. */
    inactivityReminder: z.prefault(
      z.strictObject(
        { enabled: flag(true), afterDays: wholeNumber(1, 29, 21) },
        { error: 'must be settings in curly brackets, such as {"enabled": true}' },
      ),
      {},
    ),
  },
  { error: 'must be settings in curly brackets, such as {"secureTag": "[secure]"}' },
);

/** A complete policy: every field present (defaults filled in). */
export type Policy = z.output<typeof Policy>;
/** A policy document as a manager writes it: every field optional. */
export type PolicyDocument = z.input<typeof Policy>;
