// parsePolicy: what a manager's policy document turns into, and what a manager is told when it
// is wrong. Every error message the schema can produce is pinned here with its path.
import { describe, expect, it } from 'vitest';
import { defaultPolicy, MAX_ERRORS, parsePolicy, policyToDocument, repairPolicy } from '../../../src/policy/index';
import { domainEntryProblem, MAX_LIST_ENTRIES, normaliseDomainEntry } from '../../../src/policy/schema';
import { RULE_IDS } from '../../../src/rules/ids';
import { DEFAULT_SEVERITY } from '../../../src/rules/registry';

function errorsOf(input: unknown): string[] {
  const result = parsePolicy(input);
  if (result.ok) throw new Error(`expected errors, but the policy parsed: ${JSON.stringify(input)}`);
  return result.errors;
}

function policyOf(input: unknown) {
  const result = parsePolicy(input);
  if (!result.ok) throw new Error(`expected a policy, got: ${result.errors.join(' | ')}`);
  return result.policy;
}

describe('defaults', () => {
  it('an empty document is the default policy', () => {
    expect(policyOf({})).toEqual(defaultPolicy);
  });

  it('the default policy treats nhs.net as internal and secure and uses the [secure] tag', () => {
    expect(defaultPolicy.organisationDomains).toEqual(['nhs.net']);
    expect(defaultPolicy.secureDomains).toEqual(['nhs.net']);
    expect(defaultPolicy.trustedDomains).toEqual([]);
    expect(defaultPolicy.blockedDomains).toEqual([]);
    expect(defaultPolicy.secureTag).toBe('[secure]');
  });

  it('every rule has settings, at the severity its rule file declares', () => {
    expect(Object.keys(defaultPolicy.rules).sort()).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) expect(defaultPolicy.rules[id].severity).toBe(DEFAULT_SEVERITY[id]);
    expect(defaultPolicy.rules['large-audience'].threshold).toBe(25);
    expect(defaultPolicy.rules['visible-recipients'].threshold).toBe(2);
    expect(defaultPolicy.rules['unsecured-recipient'].when).toBe('always');
    expect(defaultPolicy.rules['external-recipients'].confirmEach).toBe(false);
  });

  it('a setting the document leaves out takes its default, next to the ones it sets', () => {
    const policy = policyOf({ rules: { 'large-audience': { threshold: 50 } } });
    expect(policy.rules['large-audience']).toEqual({ severity: DEFAULT_SEVERITY['large-audience'], threshold: 50 });
    expect(policy.rules['visible-recipients']).toEqual(defaultPolicy.rules['visible-recipients']);
    expect(policy.secureDomains).toEqual(['nhs.net']);
  });

  it('the example document in product.md parses', () => {
    const policy = policyOf({
      version: 1,
      organisationDomains: ['nhs.net'],
      secureDomains: ['nhs.net', '*.example-accredited.org.uk'],
      trustedDomains: [],
      blockedDomains: [],
      secureTag: '[secure]',
      rules: { 'visible-recipients': { severity: 'warn', threshold: 2 } },
    });
    expect(policy.secureDomains).toEqual(['nhs.net', '*.example-accredited.org.uk']);
  });

  it('a list given as empty stays empty (the manager chose no secure domains)', () => {
    expect(policyOf({ secureDomains: [] }).secureDomains).toEqual([]);
  });
});

describe('size', () => {
  // Speed is measured in the benchmark; this only proves a DCB1596-sized list cannot hang the page.
  it('a policy with 50,000 secure domains is read in full', { timeout: 10_000 }, () => {
    const domains = Array.from({ length: MAX_LIST_ENTRIES }, (_, i) => `care-provider-${i}.example-accredited.org.uk`);
    expect(policyOf({ secureDomains: domains }).secureDomains).toHaveLength(MAX_LIST_ENTRIES);
  });
});

describe('normalisation of domain entries', () => {
  it.each([
    ['case', 'NHS.Net', 'nhs.net'],
    ['surrounding spaces', '  nhs.net\t', 'nhs.net'],
    ['a trailing dot', 'nhs.net.', 'nhs.net'],
    ['an IDN, to punycode', 'Bücher.de', 'xn--bcher-kva.de'],
    ['an IDN pattern', '*.Bücher.DE.', '*.xn--bcher-kva.de'],
    ['full-width letters (IDNA maps them)', 'ｎｈｓ.net', 'nhs.net'],
    ['a leading @', '@NHS.net', 'nhs.net'],
    ['a pattern', ' *.Example-Accredited.ORG.uk ', '*.example-accredited.org.uk'],
  ])('%s: %j → %j', (_what, entry, expected) => {
    expect(policyOf({ secureDomains: [entry] }).secureDomains).toEqual([expected]);
  });

  it('an address on the block list is lower-cased, with its domain normalised', () => {
    expect(policyOf({ blockedDomains: [' Jane.Smith@Bücher.DE. ', 'Gmail.com'] }).blockedDomains).toEqual([
      'jane.smith@xn--bcher-kva.de',
      'gmail.com',
    ]);
  });

  it('duplicates are dropped silently, after normalisation, keeping the first', () => {
    // NHS England's DCB1596 CSV lists some domains more than once.
    const policy = policyOf({ secureDomains: ['nhs.net', 'a.org.uk', 'NHS.net', 'nhs.net.', 'b.org.uk', 'a.org.uk'] });
    expect(policy.secureDomains).toEqual(['nhs.net', 'a.org.uk', 'b.org.uk']);
  });

  it('duplicates are dropped in every list, including addresses', () => {
    const policy = policyOf({
      organisationDomains: ['care.org.uk', 'Care.org.uk'],
      trustedDomains: ['council.gov.uk', 'COUNCIL.gov.uk'],
      blockedDomains: ['a@b.com', 'A@B.COM'],
    });
    expect(policy.organisationDomains).toEqual(['care.org.uk']);
    expect(policy.trustedDomains).toEqual(['council.gov.uk']);
    expect(policy.blockedDomains).toEqual(['a@b.com']);
  });

  it('the quick path for plain entries agrees with the full check', () => {
    const label63 = 'a'.repeat(63);
    const entries = [
      'nhs.net',
      '*.nhs.net',
      'xn--bcher-kva.de',
      `${label63}.org`,
      `${'a'.repeat(64)}.org`,
      `${Array(4).fill(label63).join('.')}.uk`,
      '-care.org',
      'care-.org',
      '1-2.3',
      '*.co.uk',
      '*.org.uk',
      'a.b',
      'nhs.net.',
      'NHS.net',
    ];
    for (const entry of entries) {
      const result = parsePolicy({ secureDomains: [entry] });
      const problem = domainEntryProblem(entry, false);
      expect(result.ok, entry).toBe(problem === undefined);
      if (result.ok) expect(result.policy.secureDomains, entry).toEqual([normaliseDomainEntry(entry)]);
    }
  });

  it('the secure tag is trimmed', () => {
    expect(policyOf({ secureTag: ' [encrypt] ' }).secureTag).toBe('[encrypt]');
  });
});

// Each case: the document, then the exact errors a manager reads.
const ERROR_CASES: Array<[string, unknown, string[]]> = [
  // The document as a whole
  ['null', null, ['The policy must be settings in curly brackets, such as {"secureTag": "[secure]"}']],
  ['a string', 'nhs.net', ['The policy must be settings in curly brackets, such as {"secureTag": "[secure]"}']],
  ['a list', ['nhs.net'], ['The policy must be settings in curly brackets, such as {"secureTag": "[secure]"}']],
  ['version 2', { version: 2 }, ['version: must be 1; a policy made for a newer Safe Send needs that newer version']],
  // Unknown keys: the path, and the closest known name when there is one
  ['a typo at the top', { secureDomain: ['nhs.net'] }, ['secureDomain: is not a setting Safe Send knows; did you mean secureDomains?']],
  [
    'American spelling',
    { organizationDomains: ['nhs.net'] },
    ['organizationDomains: is not a setting Safe Send knows; did you mean organisationDomains?'],
  ],
  ['other capitals', { SecureTag: '[secure]' }, ['SecureTag: is not a setting Safe Send knows; did you mean secureTag?']],
  ['nothing close', { colour: 'blue' }, ['colour: is not a setting Safe Send knows; check the spelling or remove it']],
  [
    'a key that is not a plain name',
    { 'secure domains': [] },
    ['["secure domains"]: is not a setting Safe Send knows; did you mean secureDomains?'],
  ],
  [
    'a typo in a rule id',
    { rules: { 'large-audiance': { threshold: 30 } } },
    ['rules.large-audiance: is not a rule Safe Send knows; did you mean large-audience?'],
  ],
  ['a rule id in other words', { rules: { LargeAudience: {} } }, ['rules.LargeAudience: is not a rule Safe Send knows; did you mean large-audience?']],
  [
    'an unknown rule',
    { rules: { 'spam-filter': {} } },
    [
      'rules.spam-filter: is not a rule Safe Send knows; the rules are blocked-recipient, external-recipients, large-audience, lookalike-address, missing-attachment, mistyped-domain, patient-identifier, unsecured-recipient, unverified-recipient and visible-recipients',
    ],
  ],
  [
    'a typo in a rule setting',
    { rules: { 'large-audience': { treshold: 30 } } },
    ['rules.large-audience.treshold: is not a setting of this rule; did you mean threshold?'],
  ],
  [
    'an unknown rule setting',
    { rules: { 'large-audience': { colour: 'red' } } },
    ['rules.large-audience.colour: is not a setting of this rule; its settings are severity and threshold'],
  ],
  ['an unknown history setting', { history: { keep: true } }, ['history.keep: is not a setting Safe Send knows; check the spelling or remove it']],
  // Wrong shapes
  [
    'rules not in curly brackets',
    { rules: ['large-audience'] },
    ['rules: must be the rules\' settings in curly brackets, such as {"large-audience": {"threshold": 30}}'],
  ],
  [
    'a rule set to a word',
    { rules: { 'large-audience': 'off' } },
    ['rules.large-audience: must be the rule\'s settings in curly brackets, such as {"severity": "warn"}'],
  ],
  ['history not in curly brackets', { history: true }, ['history: must be settings in curly brackets, such as {"enabled": true}']],
  ['the reminder not in curly brackets', { inactivityReminder: 21 }, ['inactivityReminder: must be settings in curly brackets, such as {"enabled": true}']],
  // Rule settings
  [
    'an unknown severity',
    { rules: { 'patient-identifier': { severity: 'warning' } } },
    ['rules.patient-identifier.severity: must be one of "off", "notice", "warn" or "block"'],
  ],
  ['a threshold in words', { rules: { 'large-audience': { threshold: 'ten' } } }, ['rules.large-audience.threshold: must be a whole number from 2 to 1000']],
  ['a threshold as text', { rules: { 'large-audience': { threshold: '30' } } }, ['rules.large-audience.threshold: must be a whole number from 2 to 1000']],
  ['a fractional threshold', { rules: { 'large-audience': { threshold: 2.5 } } }, ['rules.large-audience.threshold: must be a whole number from 2 to 1000']],
  ['a threshold too low', { rules: { 'visible-recipients': { threshold: 1 } } }, ['rules.visible-recipients.threshold: must be a whole number from 2 to 1000']],
  ['a threshold too high', { rules: { 'large-audience': { threshold: 1001 } } }, ['rules.large-audience.threshold: must be a whole number from 2 to 1000']],
  ['confirmEach as text', { rules: { 'external-recipients': { confirmEach: 'yes' } } }, ['rules.external-recipients.confirmEach: must be true or false']],
  ['an unknown "when"', { rules: { 'unsecured-recipient': { when: 'never' } } }, ['rules.unsecured-recipient.when: must be "always" or "sensitive"']],
  [
    'keywords as one string',
    { rules: { 'unsecured-recipient': { keywords: 'safeguarding' } } },
    ['rules.unsecured-recipient.keywords: must be a list in square brackets, such as ["safeguarding"]'],
  ],
  ['an empty keyword', { rules: { 'unsecured-recipient': { keywords: ['ok', '  '] } } }, ['rules.unsecured-recipient.keywords[1]: is empty; remove it']],
  ['a keyword that is a number', { rules: { 'unsecured-recipient': { keywords: [42] } } }, ['rules.unsecured-recipient.keywords[0]: must be a word or phrase in quotes']],
  [
    'a phrase too long',
    { rules: { 'missing-attachment': { phrases: ['x'.repeat(101)] } } },
    ['rules.missing-attachment.phrases[0]: must be at most 100 characters'],
  ],
  [
    'too many phrases',
    { rules: { 'missing-attachment': { phrases: Array.from({ length: 1001 }, (_, i) => `p${i}`) } } },
    ['rules.missing-attachment.phrases: may hold at most 1,000 entries'],
  ],
  // Other settings
  ['a secure tag that is a number', { secureTag: 5 }, ['secureTag: must be text in quotes, such as "[secure]"']],
  ['a secure tag too short', { secureTag: ' [] ' }, ['secureTag: must be 3 to 40 characters, such as "[secure]"']],
  ['a secure tag too long', { secureTag: `[${'s'.repeat(40)}]` }, ['secureTag: must be 3 to 40 characters, such as "[secure]"']],
  ['history switched on with a word', { history: { enabled: 'yes' } }, ['history.enabled: must be true or false']],
  ['history kept for ever', { history: { retentionDays: 0 } }, ['history.retentionDays: must be a whole number from 1 to 3650']],
  [
    'a reminder after NHSmail has already deactivated the account',
    { inactivityReminder: { afterDays: 30 } },
    ['inactivityReminder.afterDays: must be a whole number from 1 to 29'],
  ],
  // Domain lists
  ['a list given as one string', { secureDomains: 'nhs.net' }, ['secureDomains: must be a list in square brackets, such as ["example.org"]']],
  ['an entry that is a number', { trustedDomains: [42] }, ['trustedDomains[0]: must be text in quotes, such as "example.org"']],
  ['an empty entry', { secureDomains: ['nhs.net', ' '] }, ['secureDomains[1]: is empty; remove it or type a domain such as "nhs.net"']],
  [
    'a bare star',
    { secureDomains: ['*'] },
    ['secureDomains[0]: a bare "*" would match every domain; use "*.example.org" for all subdomains of example.org'],
  ],
  [
    'a star and a dot',
    { organisationDomains: ['*.'] },
    ['organisationDomains[0]: a bare "*" would match every domain; use "*.example.org" for all subdomains of example.org'],
  ],
  [
    'an address where a domain belongs',
    { secureDomains: ['Jane.Smith@nhs.net'] },
    ['secureDomains[0]: "Jane.Smith@nhs.net" is an email address; type only the part after @ ("nhs.net")'],
  ],
  [
    'an address in the organisation list',
    { organisationDomains: ['office@care.org.uk'] },
    ['organisationDomains[0]: "office@care.org.uk" is an email address; type only the part after @ ("care.org.uk")'],
  ],
  [
    'a web address',
    { trustedDomains: ['https://www.Council.gov.uk/contact'] },
    ['trustedDomains[0]: "https://www.Council.gov.uk/contact" is a web address; type only the domain, such as "www.council.gov.uk"'],
  ],
  [
    'a mailto link',
    { blockedDomains: ['mailto:someone@gmail.com'] },
    ['blockedDomains[0]: "mailto:someone@gmail.com" is a link; type only the address, without "mailto:"'],
  ],
  [
    'two domains in one entry',
    { secureDomains: ['a.org.uk, b.org.uk'] },
    ['secureDomains[0]: "a.org.uk, b.org.uk" has a space, comma or semicolon in it; put each domain in its own quotes, such as "a.org", "b.org"'],
  ],
  [
    'a leading dot',
    { secureDomains: ['.example.org'] },
    ['secureDomains[0]: ".example.org" starts with a dot; for every subdomain type "*.example.org", for the domain itself "example.org"'],
  ],
  ['a star in the middle', { secureDomains: ['mail.*.org'] }, ['secureDomains[0]: "mail.*.org" may use "*" only at the start, as in "*.example.org"']],
  [
    'a domain with a path',
    { secureDomains: ['example.org/mail'] },
    ['secureDomains[0]: "example.org/mail" is not a domain; type a domain such as "example.org", without "https://" or a path'],
  ],
  ['one word', { secureDomains: ['localhost'] }, ['secureDomains[0]: "localhost" is not a valid domain; type a domain such as "example.org"']],
  ['a pattern on a top-level domain', { secureDomains: ['*.uk'] }, ['secureDomains[0]: "*.uk" is not a valid domain; type a domain such as "example.org"']],
  ['an underscore', { secureDomains: ['care_home.org'] }, ['secureDomains[0]: "care_home.org" is not a valid domain; type a domain such as "example.org"']],
  ['a hyphen at the end of a label', { secureDomains: ['care-.org'] }, ['secureDomains[0]: "care-.org" is not a valid domain; type a domain such as "example.org"']],
  ['two dots', { secureDomains: ['nhs..net'] }, ['secureDomains[0]: "nhs..net" is not a valid domain; type a domain such as "example.org"']],
  [
    'a pattern on every UK company',
    { secureDomains: ['*.co.uk'] },
    ['secureDomains[0]: "*.co.uk" would match every domain ending in .co.uk; name the organisation\'s own domain, such as "*.example.co.uk"'],
  ],
  [
    'a domain over 253 characters',
    { secureDomains: [`${Array(5).fill('a'.repeat(60)).join('.')}.org`] },
    [`secureDomains[0]: "${'a'.repeat(59)}…" is too long for a domain (at most 253 characters)`],
  ],
  [
    'an entry of a million characters',
    { secureDomains: ['x'.repeat(1_000_000)] },
    ['secureDomains[0]: is too long for a domain or address (1,000,000 characters)'],
  ],
  ['two @ in an address', { blockedDomains: ['a@b@gmail.com'] }, ['blockedDomains[0]: "a@b@gmail.com" is not a valid email address']],
  ['an address with a pattern', { blockedDomains: ['x@*.gmail.com'] }, ['blockedDomains[0]: "x@*.gmail.com" is not a valid email address']],
  ['an address without a proper domain', { blockedDomains: ['someone@gmail'] }, ['blockedDomains[0]: "someone@gmail" is not a valid email address']],
  [
    'more entries than allowed',
    { secureDomains: Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => `d${i}.org.uk`) },
    ['secureDomains: may hold at most 50,000 entries (it has 50,001)'],
  ],
  // Several problems: each is reported
  [
    'several problems at once',
    { secureTag: '', rules: { 'large-audience': { threshold: 0 } }, secureDomains: ['*'] },
    [
      'secureDomains[0]: a bare "*" would match every domain; use "*.example.org" for all subdomains of example.org',
      'secureTag: must be 3 to 40 characters, such as "[secure]"',
      'rules.large-audience.threshold: must be a whole number from 2 to 1000',
    ],
  ],
];

describe('errors name the path and say what is allowed', () => {
  it.each(ERROR_CASES)('%s', (_name, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it('the cases above are all different documents', () => {
    const seen = new Set(ERROR_CASES.map(([, input]) => JSON.stringify(input)));
    expect(seen.size).toBe(ERROR_CASES.length);
  });

  it('addresses are welcome on the block list', () => {
    expect(policyOf({ blockedDomains: ['someone@gmail.com', '*.example.com'] }).blockedDomains).toEqual([
      'someone@gmail.com',
      '*.example.com',
    ]);
  });

  it('sector-wide patterns such as *.nhs.uk are allowed', () => {
    expect(policyOf({ trustedDomains: ['*.nhs.uk', '*.gov.uk'] }).trustedDomains).toEqual(['*.nhs.uk', '*.gov.uk']);
  });

  it(`lists at most ${MAX_ERRORS} problems, then counts the rest`, () => {
    const errors = errorsOf({ secureDomains: Array.from({ length: MAX_ERRORS + 70 }, () => '*') });
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[0]).toMatch(/^secureDomains\[0\]: a bare "\*"/);
    expect(errors[MAX_ERRORS]).toBe('…and 70 more problems like these');
  });

  it('counts one more problem in the singular', () => {
    const errors = errorsOf({ secureDomains: Array.from({ length: MAX_ERRORS + 1 }, () => '*') });
    expect(errors[MAX_ERRORS]).toBe('…and 1 more problem like these');
  });

  it('a huge unknown key is shortened in the message', () => {
    const [error] = errorsOf({ ['k'.repeat(1_000_000)]: 1 });
    expect(error).toBe(`["${'k'.repeat(39)}…"]: is not a setting Safe Send knows; check the spelling or remove it`);
  });
});

describe('prototype pollution', () => {
  const hostile = [
    '{"__proto__": {"polluted": "yes"}}',
    '{"rules": {"__proto__": {"polluted": "yes"}}}',
    '{"rules": {"large-audience": {"__proto__": {"polluted": "yes"}}}}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    '{"history": {"constructor": {"prototype": {"polluted": "yes"}}}}',
    '{"secureDomains": {"__proto__": ["nhs.net"]}}',
  ];

  it.each(hostile)('%s leaves Object.prototype untouched and names the key', (text) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const errors = errorsOf(JSON.parse(text));
    repairPolicy(JSON.parse(text));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errors.join('\n')).toMatch(/is a reserved name and cannot be used in a policy; remove it|must be a list/);
  });

  it('each reserved name gets its own clear message with its path', () => {
    expect(errorsOf(JSON.parse('{"__proto__": {}}'))).toEqual(['__proto__: is a reserved name and cannot be used in a policy; remove it']);
    expect(errorsOf({ rules: JSON.parse('{"constructor": {}}') })).toEqual([
      'rules.constructor: is a reserved name and cannot be used in a policy; remove it',
    ]);
    expect(errorsOf({ history: { prototype: {} } })).toEqual(['history.prototype: is a reserved name and cannot be used in a policy; remove it']);
  });

  it('the repaired policy carries no reserved key and has an ordinary prototype', () => {
    const { policy } = repairPolicy(JSON.parse('{"__proto__": {"secureTag": "x"}, "rules": {"__proto__": {"severity": "off"}}}'));
    expect(Object.hasOwn(policy, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(policy)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(policy.rules)).toBe(Object.prototype);
    expect(policy).toEqual(defaultPolicy);
  });
});

describe('repairPolicy: a bad value falls back to its default, the rest is kept', () => {
  it('a valid document is returned whole, with no errors', () => {
    const document = { blockedDomains: ['gmail.com'], rules: { 'large-audience': { threshold: 10 } } };
    expect(repairPolicy(document)).toEqual({ policy: policyOf(document), errors: [] });
  });

  it('a mistyped threshold does not empty the block list or lower a raised severity', () => {
    const { policy, errors } = repairPolicy({
      blockedDomains: ['gmail.com'],
      rules: { 'patient-identifier': { severity: 'block' }, 'large-audience': { threshold: 'ten', severity: 'block' } },
    });
    expect(errors).toEqual(['rules.large-audience.threshold: must be a whole number from 2 to 1000']);
    expect(policy.blockedDomains).toEqual(['gmail.com']);
    expect(policy.rules['patient-identifier'].severity).toBe('block');
    expect(policy.rules['large-audience']).toEqual({ severity: 'block', threshold: 25 });
  });

  it('a misspelt severity takes the default severity, never "off"', () => {
    const { policy, errors } = repairPolicy({ rules: { 'unsecured-recipient': { severity: 'of' } } });
    expect(errors).toEqual(['rules.unsecured-recipient.severity: must be one of "off", "notice", "warn" or "block"']);
    expect(policy.rules['unsecured-recipient'].severity).toBe(DEFAULT_SEVERITY['unsecured-recipient']);
  });

  it('a bad list entry is dropped and the others kept', () => {
    const { policy, errors } = repairPolicy({ secureDomains: ['nhs.net', '*', 'partner.org.uk', 42] });
    expect(policy.secureDomains).toEqual(['nhs.net', 'partner.org.uk']);
    expect(errors).toHaveLength(2);
  });

  it('an unknown key is ignored and reported', () => {
    const { policy, errors } = repairPolicy({ secureTag: '[encrypt]', rules: { 'large-audiance': { threshold: 3 } } });
    expect(policy.secureTag).toBe('[encrypt]');
    expect(policy.rules['large-audience'].threshold).toBe(25);
    expect(errors).toEqual(['rules.large-audiance: is not a rule Safe Send knows; did you mean large-audience?']);
  });

  it('a list that is too long falls back to its default', () => {
    const { policy } = repairPolicy({ secureDomains: Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => `d${i}.org.uk`) });
    expect(policy.secureDomains).toEqual(['nhs.net']);
  });

  it.each([null, 'text', 42, ['nhs.net']])('%j is not a document: the default policy, with the error', (input) => {
    const { policy, errors } = repairPolicy(input);
    expect(policy).toEqual(defaultPolicy);
    expect(errors).toEqual(['The policy must be settings in curly brackets, such as {"secureTag": "[secure]"}']);
  });

  it('does not change the document it was given', () => {
    const document = { secureDomains: ['nhs.net', '*'], rules: { 'large-audience': { threshold: 0 } } };
    const copy = structuredClone(document);
    repairPolicy(document);
    expect(document).toEqual(copy);
  });
});

describe('policyToDocument: only what differs from the defaults', () => {
  it('the default policy is just its version', () => {
    expect(policyToDocument(defaultPolicy)).toEqual({ version: 1 });
  });

  it('keeps each changed setting and nothing else', () => {
    const policy = policyOf({
      secureDomains: ['nhs.net', 'partner.org.uk'],
      rules: { 'large-audience': { threshold: 10 }, 'visible-recipients': { severity: 'warn' } },
    });
    expect(policyToDocument(policy)).toEqual({
      version: 1,
      secureDomains: ['nhs.net', 'partner.org.uk'],
      rules: { 'large-audience': { threshold: 10 } },
    });
  });

  it('parses back to the same policy', () => {
    const policy = policyOf({
      organisationDomains: ['care.org.uk'],
      blockedDomains: ['someone@gmail.com'],
      secureTag: '[encrypt]',
      rules: { 'unsecured-recipient': { when: 'sensitive', keywords: ['safeguarding'] }, 'mistyped-domain': { severity: 'block' } },
      history: { enabled: false },
    });
    expect(policyOf(policyToDocument(policy))).toEqual(policy);
  });
});
