// The day of the last send Safe Send saw, and nothing else about it: NHSmail deactivates a
// personal account after 30 days without activity (reminder.ts), and this day is what the
// reminder counts from.
import { storage } from 'wxt/utils/storage';
import { dayKey, isDayKey } from './days';

const lastSendItem = storage.defineItem<string | null>('local:lastSendDay', {
  fallback: null,
  // Version 1 is the first shape (a `YYYY-MM-DD` string).
  version: 1,
  migrations: {},
});

function asDay(stored: unknown): string | undefined {
  return isDayKey(stored) ? stored : undefined;
}

/** Remember that a message was sent on `now`'s day. Written only when the day changes. */
export async function recordLastSend(now: Date): Promise<void> {
  const today = dayKey(now);
  if ((await getLastSend()) !== today) await lastSendItem.setValue(today);
}

/** The local day (`YYYY-MM-DD`) of the last send Safe Send saw; undefined if it has seen none. */
export async function getLastSend(): Promise<string | undefined> {
  return asDay(await lastSendItem.getValue());
}

/** Call `cb` with the new day whenever a send is recorded, until `signal` aborts. */
export function watchLastSend(cb: (day: string | undefined) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const unwatch = lastSendItem.watch((stored) => cb(asDay(stored)));
  signal.addEventListener('abort', unwatch, { once: true });
}
