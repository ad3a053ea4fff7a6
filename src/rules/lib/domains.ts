// Domains and addresses as the rules and the policy compare them: lower case, no trailing dot,
// IDN labels in their ASCII (punycode) form (product.md: "IDN domains compare in their ASCII
// form"), and policy entries that are an exact domain or `*.suffix` for any subdomain.
// Shared by src/rules and src/policy so that both sides agree on what "the same domain" means.

import type { Policy } from '../../policy/schema';

/**
 * `Nhs.NET.` → `nhs.net`; `bücher.de` → `xn--bcher-kva.de`. The WHATWG URL parser does the IDNA
 * mapping (it is in every browser and in Node), so no punycode library is bundled. Input that is
 * not a hostname at all is returned trimmed and lower-cased so that it still compares unequal to
 * everything real.
 */
export function normaliseDomain(input: string): string {
  const lowered = input.trim().toLowerCase().replace(/\.+$/, '');
  if (lowered === '') return '';
  // Plain ASCII letters, digits, hyphens and dots are already in their final form; skip the parser.
  if (/^[a-z0-9.-]+$/.test(lowered)) return lowered;
  try {
    const host = new URL(`http://${lowered}/`).hostname;
    return host.replace(/\.+$/, '');
  } catch {
    return lowered;
  }
}

/** The domain of an address (after the last `@`), normalised; undefined when there is none. */
export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1) return undefined;
  return normaliseDomain(address.slice(at + 1));
}

/** `Jane.Smith@NHS.net` → `jane.smith@nhs.net` (addresses compare case-insensitively). */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed.toLowerCase();
  return `${trimmed.slice(0, at).toLowerCase()}@${normaliseDomain(trimmed.slice(at + 1))}`;
}

/**
 * A compiled list of policy entries: exact domains, `*.suffix` patterns (any subdomain of the
 * suffix, not the suffix itself) and, for the block list, whole addresses.
 */
export interface DomainList {
  /** True when the address's domain (or, for address entries, the address) is on the list. */
  has(address: string | undefined): boolean;
  hasDomain(domain: string | undefined): boolean;
}

export function compileDomainList(entries: readonly string[]): DomainList {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  const addresses = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry.includes('@')) addresses.add(normaliseAddress(entry));
    else if (entry.startsWith('*.')) suffixes.push(`.${normaliseDomain(entry.slice(2))}`);
    else if (entry) exact.add(normaliseDomain(entry));
  }
  const hasDomain = (domain: string | undefined): boolean => {
    if (!domain) return false;
    if (exact.has(domain)) return true;
    for (const suffix of suffixes) if (domain.endsWith(suffix)) return true;
    return false;
  };
  return {
    hasDomain,
    has(address) {
      if (!address) return false;
      if (addresses.size > 0 && addresses.has(normaliseAddress(address))) return true;
      return hasDomain(domainOf(address));
    },
  };
}

/** The policy's four lists, compiled once per policy object. */
export interface PolicyDomains {
  organisation: DomainList;
  secure: DomainList;
  trusted: DomainList;
  blocked: DomainList;
  /** Every exact domain named by the policy (organisation, secure, trusted), for typo checks. */
  knownDomains: ReadonlySet<string>;
}

const compiled = new WeakMap<Policy, PolicyDomains>();

export function policyDomains(policy: Policy): PolicyDomains {
  let result = compiled.get(policy);
  if (!result) {
    const knownDomains = new Set<string>();
    for (const list of [policy.organisationDomains, policy.secureDomains, policy.trustedDomains]) {
      for (const entry of list) {
        const domain = normaliseDomain(entry.startsWith('*.') ? entry.slice(2) : entry);
        if (domain && !domain.includes('@')) knownDomains.add(domain);
      }
    }
    result = {
      organisation: compileDomainList(policy.organisationDomains),
      secure: compileDomainList(policy.secureDomains),
      trusted: compileDomainList(policy.trustedDomains),
      blocked: compileDomainList(policy.blockedDomains),
      knownDomains,
    };
    compiled.set(policy, result);
  }
  return result;
}

/** Internal = at an organisation domain. A recipient without an address is never internal. */
export function isInternal(address: string | undefined, policy: Policy): boolean {
  return policyDomains(policy).organisation.has(address);
}

/** Secure = organisation or secure (DCB1596) domain: needs no `[secure]` tag. */
export function isSecure(address: string | undefined, policy: Policy): boolean {
  const d = policyDomains(policy);
  return d.organisation.has(address) || d.secure.has(address);
}
