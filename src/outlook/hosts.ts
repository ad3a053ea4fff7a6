// The hosts NHSmail's Outlook on the web is served from (product.md, "Public contracts").
// Content scripts and host permissions use exactly these and nothing broader; a test asserts it.
export const OWA_MATCHES = [
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://email.nhs.net/*',
];
