// Realistic, deterministic benchmark data: sent-to histories that are mostly @nhs.net with
// councils, trusts, GP practices and families' consumer addresses; drafts with NHS-ish English
// text. A seeded generator, never Math.random: two runs measure the same work.
import type { Draft, Recipient } from '../../src/rules/types';
import { CONSUMER_DOMAINS } from '../../src/rules/lib/consumer-domains';

export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'david', 'elizabeth',
  'william', 'susan', 'richard', 'jessica', 'joseph', 'sarah', 'thomas', 'karen', 'charles', 'nancy',
  'mohammed', 'fatima', 'amir', 'aisha', 'priya', 'raj', 'oliver', 'amelia', 'harry', 'isla', 'jack',
  'ava', 'george', 'emily', 'noah', 'sophie', 'leo', 'grace', 'arthur', 'freya', 'wei', 'mei', 'olu',
  'chidi', 'agnieszka', 'piotr', 'siobhan', 'ciaran', 'gareth', 'rhian', 'alice', 'ben', 'chloe',
  'daniel', 'ella', 'finley', 'hannah', 'isaac', 'jasmine', 'kieran', 'lily', 'mason', 'niamh', 'owen',
  'poppy', 'quinn', 'ruby', 'samuel', 'tilly', 'usman', 'victoria', 'william', 'yasmin', 'zara', 'adam',
  'bethany', 'callum', 'deborah', 'edward', 'fiona', 'graham', 'helen', 'ian', 'julie', 'keith', 'lorraine',
  'martin', 'nicola', 'paul', 'rachel', 'stephen', 'tracey', 'vincent', 'wendy',
];
const LAST = [
  'smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'johnson', 'davies', 'patel', 'robinson',
  'wright', 'thompson', 'evans', 'walker', 'white', 'roberts', 'green', 'hall', 'wood', 'jackson',
  'clarke', 'khan', 'ahmed', 'ali', 'singh', 'begum', 'hussain', 'shah', 'lewis', 'harris', 'martin',
  'cooper', 'hughes', 'edwards', 'turner', 'morris', 'ward', 'king', 'baker', 'murphy', 'okafor',
  'nowak', 'kowalski', 'chen', 'wang', 'oconnor', 'macdonald', 'campbell', 'stewart', 'reid',
  'allen', 'bell', 'carter', 'dixon', 'ellis', 'fisher', 'gibson', 'holmes', 'irving', 'jenkins', 'kelly',
  'lloyd', 'mason', 'norton', 'owens', 'parker', 'quinn', 'russell', 'shaw', 'thomas', 'underwood',
  'vaughan', 'watson', 'young', 'adams', 'barnes', 'chapman', 'dawson', 'fletcher', 'graham', 'hunt',
  'iqbal', 'johnston', 'knight', 'lawrence', 'marshall', 'newton', 'osborne', 'palmer', 'rahman',
];
const COUNCILS = ['leeds.gov.uk', 'bradford.gov.uk', 'kirklees.gov.uk', 'wakefield.gov.uk', 'calderdale.gov.uk', 'york.gov.uk', 'northyorks.gov.uk'];
const TRUSTS = ['leedsth.nhs.uk', 'bthft.nhs.uk', 'mytholmroyd.nhs.uk', 'swyt.nhs.uk', 'lypft.nhs.uk', 'yas.nhs.uk', 'harrogate.nhs.uk'];
const PRACTICES = ['parkviewsurgery.nhs.uk', 'oakwoodmedicalcentre.co.uk', 'thegrangepractice.nhs.uk', 'hillsidesurgery.co.uk'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function personLocal(random: () => number): string {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const style = random();
  // NHSmail: firstname.lastname, with a number for namesakes.
  if (style < 0.6) return `${first}.${last}`;
  if (style < 0.85) return `${first}.${last}${1 + Math.floor(random() * 40)}`;
  if (style < 0.95) return `${first[0]}.${last}`;
  return `${first}${last}${Math.floor(random() * 100)}`;
}

/** A sent-to history of `size` distinct addresses: about 75% nhs.net. */
export function knownAddresses(size: number, seed = 1): string[] {
  const random = seeded(seed);
  const out = new Set<string>();
  while (out.size < size) {
    const r = random();
    if (r < 0.75) out.add(`${personLocal(random)}@nhs.net`);
    else if (r < 0.83) out.add(`${personLocal(random)}@${pick(random, COUNCILS)}`);
    else if (r < 0.88) out.add(`${personLocal(random)}@${pick(random, TRUSTS)}`);
    else if (r < 0.9) out.add(`${pick(random, ['reception', 'admin', 'practice.manager', 'referrals'])}@${pick(random, PRACTICES)}`);
    else out.add(`${personLocal(random)}@${pick(random, CONSUMER_DOMAINS.slice(0, 20))}`);
  }
  return [...out];
}

const PARAGRAPHS = [
  'Following our multidisciplinary team meeting this morning, I am writing to update you on the care plan for the resident we discussed. Her mobility has improved since the physiotherapy review and the falls risk assessment has been updated accordingly.',
  'The GP visited on Tuesday and changed the evening medication. The MAR chart has been amended and the pharmacy has confirmed the new blister packs will be delivered on Friday. Please let us know if the discharge summary from the hospital includes anything further.',
  'Could you confirm whether the district nursing team will continue the wound care visits twice weekly? The dressing was changed yesterday and the tissue viability nurse has asked for photographs at the next review.',
  'We would be grateful if the safeguarding lead could call the home manager this week. The family have raised a concern about visiting arrangements and we want to make sure the best interests decision is recorded properly.',
  'The Deprivation of Liberty Safeguards authorisation expires at the end of next month. I have started the renewal and the local authority has asked for the updated capacity assessment, which I will send separately.',
  'Thank you for your help with the hospital transfer. The ambulance arrived on time and the resident settled back in well. The respite bed will be available again from Monday for the next referral.',
];

/** English, NHS-ish text of about `bytes` characters. */
export function bodyText(bytes: number, seed = 2): string {
  const random = seeded(seed);
  const parts: string[] = ['Dear colleague,'];
  let length = parts[0]!.length;
  while (length < bytes) {
    const paragraph = pick(random, PARAGRAPHS);
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  parts.push('Kind regards,\nSenior Carer, Sunnyside Care Home');
  return parts.join('\n\n').slice(0, bytes);
}

/**
 * A typical draft: 5 recipients (three colleagues the user has emailed before, a council social
 * worker, a relative), 2 KB body, one attachment.
 */
export function typicalDraft(known: readonly string[]): Draft {
  const nhs = known.filter((a) => a.endsWith('@nhs.net'));
  const council = known.find((a) => a.endsWith('.gov.uk'))!;
  const to: Recipient[] = [
    { field: 'to', address: nhs[0]! },
    { field: 'to', address: nhs[1]! },
    { field: 'cc', address: nhs[2]! },
    { field: 'cc', address: council },
    { field: 'cc', address: 'margaret.jones@btinternet.com' },
  ];
  return {
    from: { address: 'sunnyside.carehome@nhs.net', name: 'Sunnyside Care Home' },
    recipients: to,
    subject: 'Care plan review - resident update',
    body: bodyText(2 * 1024),
    attachments: [{ name: 'care-plan-review.pdf', size: 120_000 }],
  };
}

/**
 * A heavy draft: 500 recipients (mostly known colleagues, some new addresses, some families at
 * consumer domains, a few typos and look-alikes), 100 KB body, 10 attachments.
 */
export function heavyDraft(known: readonly string[]): Draft {
  const random = seeded(3);
  const recipients: Recipient[] = [];
  const fields = ['to', 'cc', 'bcc'] as const;
  for (let i = 0; i < 500; i++) {
    const r = random();
    let address: string;
    if (r < 0.55) address = pick(random, known);
    else if (r < 0.75) address = `${personLocal(random)}@nhs.net`;
    else if (r < 0.9) address = `${personLocal(random)}@${pick(random, CONSUMER_DOMAINS.slice(0, 20))}`;
    else if (r < 0.97) address = `${personLocal(random)}@${pick(random, [...COUNCILS, ...TRUSTS])}`;
    else {
      // Slips: a typo'd domain, a swapped pair in a known local part.
      const base = pick(random, known);
      const at = base.indexOf('@');
      address = random() < 0.5 ? `${base.slice(0, at)}@nhs.nte` : `${base.slice(0, 2)}${base[3]}${base[2]}${base.slice(4)}`;
    }
    recipients.push({ field: fields[i % 10 === 0 ? 0 : i % 3]!, address });
  }
  return {
    from: { address: 'sunnyside.carehome@nhs.net' },
    recipients,
    subject: 'Monthly update for families and partners',
    body: bodyText(100 * 1024, 4),
    attachments: Array.from({ length: 10 }, (_, i) => ({ name: `newsletter-page-${i + 1}.pdf`, size: 250_000 })),
  };
}

const PLACE = ['oak', 'elm', 'ash', 'birch', 'willow', 'meadow', 'brook', 'river', 'hill', 'vale', 'park', 'green', 'field', 'moor', 'dale', 'bridge', 'castle', 'abbey', 'priory', 'grange', 'manor', 'lodge', 'court', 'house', 'view', 'side', 'wood', 'lea'];
const KIND = ['care', 'carehome', 'homecare', 'nursing', 'healthcare', 'hospice', 'support', 'living', 'trust', 'group', 'services', 'pharmacy', 'dental', 'clinic'];

/** An accredited (DCB1596-like) secure list: `count` distinct organisation domains. */
export function accreditedDomains(count: number, seed = 5): string[] {
  const random = seeded(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const name = `${pick(random, PLACE)}${pick(random, PLACE)}${pick(random, KIND)}`;
    out.add(`${name}.${pick(random, ['co.uk', 'org.uk', 'com', 'nhs.uk', 'uk'])}`);
  }
  return [...out];
}
