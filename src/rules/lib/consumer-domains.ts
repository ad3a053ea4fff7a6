// Free and ISP mail domains that people in the UK use for personal email: residents' families,
// agency staff, volunteers. Two uses:
//   - `mistyped-domain` checks recipients against them (gmial.com, hotmail.co.uk.com…) and never
//     calls one of them a typo (ymail.com is one letter from gmail.com and is Yahoo's);
//   - `visible-recipients` does not treat two people at one of them as "one organisation":
//     two families at gmail.com are strangers to each other.
// Real domains only, each one a mail service that has issued addresses to the public (current
// or legacy: people keep old ISP addresses for decades, e.g. ntlworld.com, btopenworld.com).
export const CONSUMER_DOMAINS: readonly string[] = [
  // Google
  'gmail.com',
  'googlemail.com',
  // Microsoft
  'hotmail.com',
  'hotmail.co.uk',
  'outlook.com',
  'live.com',
  'live.co.uk',
  'msn.com',
  // Yahoo
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'rocketmail.com',
  // Apple
  'icloud.com',
  'me.com',
  'mac.com',
  // AOL
  'aol.com',
  'aol.co.uk',
  'aim.com',
  // BT
  'btinternet.com',
  'btopenworld.com',
  'talk21.com',
  'btconnect.com',
  // Sky, Virgin Media, TalkTalk and older UK ISPs
  'sky.com',
  'virginmedia.com',
  'virgin.net',
  'ntlworld.com',
  'blueyonder.co.uk',
  'talktalk.net',
  'tiscali.co.uk',
  'plus.com',
  'zen.co.uk',
  'orange.net',
  'wanadoo.co.uk',
  'freeserve.co.uk',
  'lineone.net',
  'madasafish.com',
  'eclipse.co.uk',
  // Independent providers
  'protonmail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'gmx.com',
  'gmx.co.uk',
  'mail.com',
  'email.com',
  'fastmail.com',
  'fastmail.fm',
  'hushmail.com',
  'tutanota.com',
  'zoho.com',
  'yandex.com',
];

let consumerSet: ReadonlySet<string> | undefined;

/** True for a (normalised) consumer mail domain such as `gmail.com`. */
export function isConsumerDomain(domain: string | undefined): boolean {
  if (!domain) return false;
  consumerSet ??= new Set(CONSUMER_DOMAINS);
  return consumerSet.has(domain);
}
