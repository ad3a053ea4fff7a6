import { describe, expect, it } from 'vitest';
import { getDomain } from 'tldts-icann';
import { CONSUMER_DOMAINS, isConsumerDomain } from '../../../../src/rules/lib/consumer-domains';
import { normaliseDomain } from '../../../../src/rules/lib/domains';

describe('CONSUMER_DOMAINS', () => {
  it('lists at least 40 domains, each once', () => {
    expect(CONSUMER_DOMAINS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CONSUMER_DOMAINS).size).toBe(CONSUMER_DOMAINS.length);
  });

  it('holds registrable domains in normalised form (a subdomain or typo here would hide real typos)', () => {
    for (const domain of CONSUMER_DOMAINS) {
      expect(normaliseDomain(domain)).toBe(domain);
      expect(getDomain(domain)).toBe(domain);
    }
  });

  it.each(['gmail.com', 'googlemail.com', 'hotmail.co.uk', 'hotmail.com', 'outlook.com', 'live.co.uk', 'yahoo.co.uk',
    'btinternet.com', 'sky.com', 'virginmedia.com', 'icloud.com', 'aol.com', 'talktalk.net'])('includes %s', (domain) => {
    expect(isConsumerDomain(domain)).toBe(true);
  });

  it('does not include NHS or organisation domains', () => {
    for (const domain of ['nhs.net', 'nhs.uk', 'leedsth.nhs.uk', 'gov.uk', undefined]) expect(isConsumerDomain(domain)).toBe(false);
  });
});
