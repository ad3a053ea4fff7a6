// The host names the end-to-end tests load pages from. They are written out here, not imported
// from src/outlook/hosts.ts, on purpose: the tests check the BUILT manifest's match patterns
// against the real names (product.md, "Public contracts"), so they must not share the list
// with the code under test — a typo there would otherwise pass its own test.
export const OWA_HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
  'email.nhs.net',
] as const;

export type OwaHost = (typeof OWA_HOSTS)[number];

// A host where the extension must NOT run (example.org is reserved for documentation, RFC 2606).
export const NON_OWA_HOST = 'example.org';

// Every name the local server answers for; the browsers are pointed at the server for these
// names only and refuse everything else.
export const SERVED_HOSTS: readonly string[] = [...OWA_HOSTS, NON_OWA_HOST];
