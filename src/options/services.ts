// What the options page needs from the rest of the extension, as one interface: the page is
// built against this, the browser wiring (browser-services.ts) implements it with the policy
// storage and activity modules, and the DOM tests can hand it the same modules over fakeBrowser.
import type { Policy } from '../policy/schema';
import type { LoadedPolicy } from '../policy/storage';
import type { HistoryEntry } from '../activity/history';
import type { DayActivity } from '../activity/activity';

export type { PolicySource } from '../policy/storage';
/** The policy in force, where it came from, and any problems reading it (src/policy/storage.ts). */
export type PolicyState = LoadedPolicy;

export type SaveOutcome = { ok: true; policy: Policy } | { ok: false; errors: string[] };

export interface OptionsServices {
  loadPolicy(): Promise<PolicyState>;
  /** Validate and store; refused (with the reasons) leaves the saved policy as it was. */
  savePolicy(policy: Policy): Promise<SaveOutcome>;
  /** Forget the saved policy: the defaults apply. */
  resetPolicy(): Promise<void>;
  /** Call `cb` when the policy in force changes (saved elsewhere, or the managed policy is pushed). */
  watchPolicy(cb: (state: PolicyState) => void, signal: AbortSignal): void;
  getHistory(): Promise<HistoryEntry[]>;
  removeFromHistory(address: string): Promise<void>;
  clearHistory(): Promise<void>;
  getActivity(now: Date): Promise<DayActivity[]>;
  activityCsv(now: Date): Promise<string>;
  /** Offer `text` to the user as a downloaded file. */
  download(fileName: string, text: string, type: string): void;
  now(): Date;
}

/** Save a file through an object URL and a temporary link (no `downloads` permission needed). */
export function downloadWithLink(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
