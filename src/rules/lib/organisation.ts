// "Which organisation is this domain?" — the registrable domain (the public suffix plus one
// label): a.leedsth.nhs.uk and b.leedsth.nhs.uk are one organisation, leedsth.nhs.uk and
// sth.nhs.uk are two, because nhs.uk is a public suffix like co.uk.
//
// The suffixes come from a generated subset of the Public Suffix List (see
// scripts/gen-public-suffixes.mjs for what it keeps and why tldts itself cannot ship); outside
// it the prevailing rule applies: the last label is the suffix. Its agreement with tldts is
// tested on a corpus of real domains (test/unit/rules/lib/organisation.test.ts).
import {
  EXCEPTION_DOMAINS,
  SECOND_LEVEL_SUFFIXES,
  WILDCARD_SUFFIXES,
} from './public-suffixes.generated';

interface SuffixRules {
  exact: Set<string>;
  wildcard: Set<string>;
  exception: Set<string>;
}

let rules: SuffixRules | undefined;

/** Parsed on first use, so a page that never checks a draft never pays for it. */
function suffixRules(): SuffixRules {
  if (rules) return rules;
  const exact = new Set<string>();
  for (const group of SECOND_LEVEL_SUFFIXES.split(';')) {
    const [label, tlds = ''] = group.split(':');
    for (const tld of tlds.split(',')) if (tld) exact.add(`${label}.${tld}`);
  }
  rules = {
    exact,
    wildcard: new Set(WILDCARD_SUFFIXES.split(',').filter(Boolean)),
    exception: new Set(EXCEPTION_DOMAINS.split(',').filter(Boolean)),
  };
  return rules;
}

/**
 * The public suffix of a normalised domain: `nhs.uk` for `leedsth.nhs.uk`, `com` for
 * `gmail.com`, `x.sch.uk` for `school.x.sch.uk`. The domain itself when it is all suffix.
 */
export function publicSuffix(domain: string): string {
  const { exact, wildcard, exception } = suffixRules();
  const lastDot = domain.lastIndexOf('.');
  if (lastDot < 0) return domain;
  const tld = domain.slice(lastDot + 1);
  const secondDot = domain.lastIndexOf('.', lastDot - 1);
  const lastTwo = domain.slice(secondDot + 1);
  // Our rules have at most three labels (`*.sch.uk` matches `x.sch.uk`).
  const thirdDot = secondDot < 0 ? -1 : domain.lastIndexOf('.', secondDot - 1);
  const lastThree = secondDot < 0 ? undefined : domain.slice(thirdDot + 1);
  if (lastThree !== undefined && wildcard.has(lastTwo) && !exception.has(lastThree)) return lastThree;
  if (wildcard.has(tld) && !exception.has(lastTwo)) return lastTwo;
  if (exact.has(lastTwo)) return lastTwo;
  return tld;
}

/**
 * The registrable domain (the organisation's own name): `leedsth.nhs.uk` for
 * `mail.leedsth.nhs.uk`, `gmail.com` for `gmail.com`. Undefined when the domain is itself a
 * public suffix (`nhs.uk`, `co.uk`) or has a single label — as tldts's `getDomain` gives null.
 */
export function registrableDomain(domain: string): string | undefined {
  const suffix = publicSuffix(domain);
  if (suffix.length >= domain.length) return undefined;
  const start = domain.lastIndexOf('.', domain.length - suffix.length - 2);
  return domain.slice(start + 1);
}

/** True when the whole domain is a public suffix (`co.uk`, `nhs.uk`, `com`). */
export function isPublicSuffix(domain: string): boolean {
  return publicSuffix(domain) === domain;
}
