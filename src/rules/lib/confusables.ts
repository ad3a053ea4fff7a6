// Look-alike letters in domains: `nhs.nеt` with a Cyrillic е is a different domain (the page and
// normaliseDomain give it as punycode, `nhs.xn--nt-nlc`) that looks exactly like nhs.net.
//
// The idea is Unicode's "skeleton" (UTS #39, section 4): map every character to the Latin letter
// it looks like and compare the results. No library: the full UTS #39 table (about 6,000
// entries, most of them symbols and scripts nobody types in a domain) is far too big for the
// content script's budget, and the small npm packages (`confusables`, `homoglyph-finder`) are
// hand-picked maps made for chat filters, no more authoritative than the short table below.
// The slips and attacks that matter for email domains use a few dozen Cyrillic and Greek letters
// drawn the same as Latin ones, plus digit/letter and `rn`/`m` swaps in plain ASCII.
//
// Decoding punycode: browsers encode IDNs (the URL parser) but have no decoder, and Node's
// `punycode` module is deprecated, so the RFC 3492 decoder is here (about 40 lines).

/** Non-Latin letters drawn like a Latin one (lower case; the URL parser has lower-cased them). */
const LOOKALIKE_LETTERS: Record<string, string> = {
  // Cyrillic
  а: 'a', г: 'r', е: 'e', і: 'i', ј: 'j', к: 'k', о: 'o', п: 'n', р: 'p', с: 'c', у: 'y',
  х: 'x', ь: 'b', ѕ: 's', һ: 'h', ӏ: 'l', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  // Greek
  α: 'a', γ: 'y', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', σ: 'o', υ: 'u', χ: 'x',
  // Latin letters from other blocks that the URL parser keeps as they are
  ı: 'i', ɑ: 'a', ɡ: 'g', ɩ: 'i',
};

/** ASCII look-alikes that people type by mistake or that phishers use: `g00gle`, `hotrnail`. */
const LOOKALIKE_ASCII: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/0/g, 'o'],
  [/1/g, 'l'],
];

const PLAIN = /^[a-z2-9.-]*$/;

/**
 * The Latin "skeleton" of a Unicode domain: what it looks like on screen. Accents are dropped
 * (é → e), look-alike letters mapped, then ASCII look-alikes folded. Two domains with the same
 * skeleton are indistinguishable at a glance.
 */
export function skeleton(unicodeDomain: string): string {
  // Most domains are plain ASCII with nothing to fold: skip the work (a DCB1596 list has thousands).
  if (PLAIN.test(unicodeDomain) && !unicodeDomain.includes('rn') && !unicodeDomain.includes('vv')) return unicodeDomain;
  let out = '';
  for (const ch of unicodeDomain.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining accent
    out += LOOKALIKE_LETTERS[ch] ?? ch;
  }
  for (const [pattern, latin] of LOOKALIKE_ASCII) out = out.replace(pattern, latin);
  return out;
}

// ---- RFC 3492 punycode decoding ----
const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 22; // 0-9 → 26-35
  if (code >= 97 && code <= 122) return code - 97; // a-z → 0-25
  if (code >= 65 && code <= 90) return code - 65;
  return BASE;
}

/** Decode one punycode label body (without `xn--`); undefined when it is not valid punycode. */
function decodeLabel(input: string): string | undefined {
  const output: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let k = 0; k < Math.max(basicEnd, 0); k++) {
    const code = input.charCodeAt(k);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length; ) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE) return undefined;
      i += digit * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > 0x7fffffff) return undefined;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** `nhs.xn--nt-nlc` → `nhs.nеt`; labels that are not valid punycode stay as they are. */
export function toUnicodeDomain(asciiDomain: string): string {
  if (!asciiDomain.includes('xn--')) return asciiDomain;
  return asciiDomain
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodeLabel(label.slice(4)) ?? label) : label))
    .join('.');
}
