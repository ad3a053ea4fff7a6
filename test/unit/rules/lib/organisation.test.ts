// The generated public-suffix subset against tldts-icann (the full ICANN list) on domains care
// staff really write to. A failure here means the subset has drifted from the list (or a new
// kind of domain needs a label in scripts/gen-public-suffixes.mjs): re-run the generator.
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { getDomain, getPublicSuffix } from 'tldts-icann';
import { isPublicSuffix, publicSuffix, registrableDomain } from '../../../../src/rules/lib/organisation';
import { CONSUMER_DOMAINS } from '../../../../src/rules/lib/consumer-domains';

const NHS_TRUSTS = [
  'leedsth.nhs.uk', 'sth.nhs.uk', 'mft.nhs.uk', 'uhb.nhs.uk', 'gstt.nhs.uk', 'nhs.uk', 'nnuh.nhs.uk',
  'royalfree.nhs.uk', 'bartshealth.nhs.uk', 'uhl-tr.nhs.uk', 'nuh.nhs.uk', 'rdash.nhs.uk',
  'swyt.nhs.uk', 'bradfordhospitals.nhs.uk', 'cht.nhs.uk', 'porthosp.nhs.uk', 'ouh.nhs.uk',
  'england.nhs.uk', 'digital.nhs.uk', 'healthwatch.co.uk', 'wales.nhs.uk', 'cardiffandvale.wales.nhs.uk',
  'ggc.scot.nhs.uk', 'nhs.scot', 'lothian.scot.nhs.uk', 'hscni.net', 'belfasttrust.hscni.net',
  'nhsbt.nhs.uk', 'nice.org.uk', 'cqc.org.uk', 'gmc-uk.org', 'nmc-uk.org', 'ukhsa.gov.uk',
  'dhsc.gov.uk', 'nhsbsa.nhs.uk', 'yas.nhs.uk', 'nwas.nhs.uk', 'secamb.nhs.uk', 'lnwh.nhs.uk',
];
const COUNCILS = [
  'leeds.gov.uk', 'bradford.gov.uk', 'kirklees.gov.uk', 'wakefield.gov.uk', 'calderdale.gov.uk',
  'manchester.gov.uk', 'birmingham.gov.uk', 'kent.gov.uk', 'surreycc.gov.uk', 'hants.gov.uk',
  'devon.gov.uk', 'cornwall.gov.uk', 'norfolk.gov.uk', 'lancashire.gov.uk', 'northyorks.gov.uk',
  'westminster.gov.uk', 'towerhamlets.gov.uk', 'hackney.gov.uk', 'glasgow.gov.uk', 'edinburgh.gov.uk',
  'cardiff.gov.uk', 'gov.uk', 'gov.scot', 'gov.wales', 'parliament.uk', 'nottinghamcity.gov.uk',
  'mod.gov.uk', 'dwp.gov.uk', 'hmrc.gov.uk', 'justice.gov.uk', 'cafcass.gov.uk',
];
const UK_OTHERS = [
  'met.police.uk', 'westyorkshire.police.uk', 'police.uk', 'ox.ac.uk', 'leeds.ac.uk',
  'student.manchester.ac.uk', 'ucl.ac.uk', 'ed.ac.uk', 'ac.uk', 'open.ac.uk', 'stmarys.leeds.sch.uk',
  'greenfield.sch.uk', 'school.kent.sch.uk', 'sch.uk', 'acme.co.uk', 'co.uk', 'careuk.com',
  'hc-one.co.uk', 'barchester.com', 'anchorhanover.org.uk', 'mha.org.uk', 'bupa.com', 'bupa.co.uk',
  'fourseasonshealthcare.com', 'example.ltd.uk', 'example.plc.uk', 'smith.me.uk', 'oldisp.net.uk',
  'ageuk.org.uk', 'mind.org.uk', 'carersuk.org', 'macmillan.org.uk', 'mariecurie.org.uk',
  'bbc.co.uk', 'royalmail.com', 'thesurgery.co.uk', 'parkviewsurgery.nhs.uk', 'army.mod.uk',
  'mod.uk', 'royalnavy.mod.uk', 'nhs.net', 'nhs.uk', 'x.nhs.uk', 'mail.leedsth.nhs.uk',
];
const FOREIGN = [
  'hse.ie', 'health.gov.ie', 'tcd.ie', 'gov.im', 'gov.je', 'gov.gg', 'health.gov.au', 'unimelb.edu.au',
  'example.com.au', 'example.net.au', 'example.org.au', 'example.co.nz', 'health.govt.nz',
  'auckland.ac.nz', 'example.co.za', 'uct.ac.za', 'gov.za', 'example.co.in', 'example.gov.in',
  'example.nic.in', 'example.ac.in', 'example.co.jp', 'u-tokyo.ac.jp', 'example.go.jp', 'example.or.jp',
  'example.ne.jp', 'example.com.cn', 'tsinghua.edu.cn', 'example.gov.cn', 'example.com.sg', 'example.gov.sg',
  'example.com.hk', 'example.gov.hk', 'example.com.my', 'example.gov.my', 'example.co.kr', 'example.go.kr',
  'example.com.br', 'example.gov.br', 'example.com.ar', 'example.gob.ar', 'example.com.mx', 'example.gob.mx',
  'example.gob.es', 'example.es', 'interieur.gouv.fr', 'example.fr', 'example.asso.fr', 'example.de',
  'example.nl', 'example.be', 'example.ac.be', 'example.it', 'example.ch', 'example.at', 'example.ac.at',
  'example.co.at', 'example.se', 'example.no', 'example.dk', 'example.fi', 'example.pl', 'example.com.pl',
  'example.com.tr', 'example.gov.tr', 'example.co.il', 'example.ac.il', 'example.gov.il', 'example.ae',
  'example.gov.ae', 'example.com.sa', 'example.com.eg', 'example.com.pk', 'example.gov.pk', 'example.com.ng',
  'example.gov.ng', 'example.co.ke', 'example.go.ke', 'example.co.ug', 'example.go.ug', 'example.co.tz',
  'example.com.ph', 'example.gov.ph', 'example.co.th', 'example.go.th', 'example.com.vn', 'example.gov.vn',
  'example.co.id', 'example.go.id', 'example.ca', 'example.gc.ca', 'example.us', 'example.edu', 'harvard.edu',
  'example.gov', 'example.mil', 'example.org', 'example.net', 'example.info', 'example.io', 'example.ai',
  'example.eu', 'example.int', 'who.int', 'example.ck', 'www.ck', 'a.b.ck', 'example.com.cy', 'example.ac.cy',
  'example.com.mt', 'example.gov.mt', 'example.com.gi', 'example.gov.gi', 'example.co.je', 'example.co.gg',
  'example.co.im', 'example.ac.im', 'example.rs', 'example.co.rs', 'example.ro', 'example.com.ro',
  'example.pt', 'example.com.pt', 'example.gr', 'example.com.gr', 'example.cz', 'example.hu', 'example.co.hu',
  'example.ru', 'example.com.ru', 'example.ua', 'example.com.ua', 'example.lk', 'example.gov.lk',
  'example.com.bd', 'example.gov.bd', 'example.com.np', 'example.com.jm', 'example.com.gh', 'example.gov.gh',
  'example.co.zw', 'example.co.zm', 'example.org.za', 'example.nom.br', 'a.b.nom.br', 'bücher.de',
  'xn--bcher-kva.de', 'example.xn--p1ai', 'localhost', 'com', 'uk',
];

const prefixes = ['', 'mail.', 'a.b.'];
const corpus = [...NHS_TRUSTS, ...COUNCILS, ...UK_OTHERS, ...FOREIGN, ...CONSUMER_DOMAINS].flatMap((d) =>
  prefixes.map((p) => `${p}${d}`),
);

describe('registrableDomain against tldts-icann', () => {
  it(`has a corpus of a few hundred realistic domains (${corpus.length})`, () => {
    expect(corpus.length).toBeGreaterThan(300);
  });

  it('agrees on every domain in the corpus', () => {
    const disagreements = corpus
      .map((domain) => new URL(`http://${domain}/`).hostname)
      .filter((domain) => (registrableDomain(domain) ?? null) !== getDomain(domain) || publicSuffix(domain) !== getPublicSuffix(domain))
      .map((domain) => `${domain}: ours ${registrableDomain(domain)} / ${publicSuffix(domain)}, tldts ${getDomain(domain)} / ${getPublicSuffix(domain)}`);
    expect(disagreements).toEqual([]);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['a.leedsth.nhs.uk', 'leedsth.nhs.uk'], // one trust, however many subdomains
    ['leedsth.nhs.uk', 'leedsth.nhs.uk'],
    ['sth.nhs.uk', 'sth.nhs.uk'], // a different trust: nhs.uk is a public suffix
    ['stmarys.leeds.sch.uk', 'stmarys.leeds.sch.uk'], // *.sch.uk: the local authority label is part of the suffix
    ['leeds.gov.uk', 'leeds.gov.uk'],
    ['nhs.net', 'nhs.net'],
    ['www.ck', 'www.ck'], // the exception to *.ck
  ])('%s → %s', (domain, expected) => {
    expect(registrableDomain(domain)).toBe(expected);
  });

  it.each(['nhs.uk', 'co.uk', 'uk', 'leeds.sch.uk', 'anything.ck'])('%s is all suffix, so no organisation', (domain) => {
    expect(registrableDomain(domain)).toBeUndefined();
    expect(isPublicSuffix(domain)).toBe(true);
  });
});

describe('the generated suffix file', () => {
  const path = new URL('../../../../src/rules/lib/public-suffixes.generated.ts', import.meta.url);

  it('stays a few kB (the content script has 60 kB in all)', () => {
    expect(statSync(path).size).toBeLessThan(6_000);
  });

  it('is what the generator makes from the installed tldts-icann (re-run it after an update)', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { generate } = (await import('../../../../scripts/gen-public-suffixes.mjs')) as { generate: () => { source: string } };
    expect(readFileSync(path, 'utf8')).toBe(generate().source);
  });
});
