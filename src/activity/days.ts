// Calendar days for what Safe Send remembers. Everything it keeps is dated to the day, never the
// time (privacy: a day says enough for retention, the 90-day activity window and NHSmail's 30-day
// inactivity rule, and no more).
//
// Days are the user's LOCAL calendar day ("I last sent an email on Monday"), written as ISO
// `YYYY-MM-DD`, and counted through Date.UTC so a clock change (BST ↔ GMT: a 23- or 25-hour day)
// never makes a day count come out fractional or off by one.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The local calendar day of `date`, as `YYYY-MM-DD`. */
export function dayKey(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True for a real calendar day written `YYYY-MM-DD` (not `2025-02-30`). */
export function isDayKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dayNumber(day: string): number {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  const date = new Date((dayNumber(day) + n) * MS_PER_DAY);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
