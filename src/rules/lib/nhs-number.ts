// Finding NHS numbers in free text (product.md: "NHS number check digit"; NHS Data Dictionary,
// "NHS NUMBER"). Used by `patient-identifier`, by `unsecured-recipient` in its `sensitive` mode and
// by the options page (to explain what counts).
//
// A random 10-digit string passes the check digit 1 time in 11, so the shape matters as much as
// the arithmetic: only the forms people and clinical systems write are accepted, and only when the
// number stands on its own, not as a slice of a longer digit run (a phone number, an account
// number, a 12-digit reference, a timestamp).

/** Multiply digits 1–9 by 10…2, sum, 11 − (sum mod 11); 11 → 0; 10 → no valid number. */
function checkDigitOf(nineDigits: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Spaces people type, including the no-break space that rich-text editors put in. */
const SPACE = '[ \\u00a0]';
/** The hyphen-minus, and the Unicode hyphens and en dash that word processors substitute. */
const DASH = '[-\\u2010\\u2011\\u2013]';
/**
 * What may join two digit groups into one longer number: a space, a dash, or a decimal point or
 * slash (`3.9434765919`, `1/9434765919`). Commas are left out on purpose so that a list written
 * `9434765919,9990000018` still finds both numbers.
 */
const JOINER = '[ \\u00a0./\\-\\u2010\\u2011\\u2013]';

/**
 * `943 476 5919`, `943-476-5919` or `9434765919`. The two separators must be the same kind:
 * `943 476-5919` is not a form any NHS system prints, and mixed groupings are far more often
 * phone or reference numbers, so it is not matched (a deliberate choice, tested).
 * The look-behind and look-ahead keep the number from being part of a longer digit run,
 * including one continued across a single space or dash (`01234 9434765919 7`).
 */
const FORM = `\\d{3}(?:${SPACE}\\d{3}${SPACE}|${DASH}\\d{3}${DASH}|\\d{3})\\d{4}`;
const STANDING_ALONE = `(?<!\\d${JOINER}?)${FORM}(?!${JOINER}?\\d)`;
const WHOLE = new RegExp(`^${FORM}$`);

/** True for a valid NHS number: 10 digits, optionally written `943 476 5919` or `943-476-5919`. */
export function isValidNhsNumber(input: string): boolean {
  const text = input.trim();
  return WHOLE.test(text) && hasValidCheckDigit(digitsOf(text));
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const expected = checkDigitOf(digits.slice(0, 9));
  return expected !== undefined && expected === digits.charCodeAt(9) - 48;
}

export interface NhsNumberMatch {
  /** Where the number starts in the text, as written (with its separators). */
  start: number;
  /** Just after its last digit. */
  end: number;
  /** The ten digits, without separators. */
  digits: string;
}

/** Every valid NHS number in `text`, in order; numbers with a wrong check digit are skipped. */
export function findNhsNumbers(text: string): NhsNumberMatch[] {
  const found: NhsNumberMatch[] = [];
  // A fresh global regex per call, so no lastIndex is shared between callers.
  for (const match of text.matchAll(new RegExp(STANDING_ALONE, 'g'))) {
    const digits = digitsOf(match[0]);
    if (hasValidCheckDigit(digits)) found.push({ start: match.index, end: match.index + match[0].length, digits });
  }
  return found;
}

/** `9434765919` → `943 476 5919`, the form the NHS prints (for the options page and messages). */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
