// The options page's services in the extension: the policy store, the sent-to history and the
// activity counts, all in browser.storage (through WXT's storage), and downloads through a link.
import { policyToDocument } from '../policy/index';
import { loadPolicy, OPTIONS_MANAGED_WAIT_MS, resetPolicy, savePolicy, watchPolicy } from '../policy/storage';
import { clearHistory, getHistory, removeFromHistory } from '../activity/history';
import { activityCsv, getActivity } from '../activity/activity';
import { downloadWithLink, type OptionsServices } from './services';

export function browserServices(): OptionsServices {
  return {
    loadPolicy: () => loadPolicy({ managedWaitMs: OPTIONS_MANAGED_WAIT_MS }),
    // What is stored is the smallest document that gives this policy (only what differs from
    // the defaults), so a better default in a later version reaches settings nobody changed.
    savePolicy: (policy) => savePolicy(policyToDocument(policy)),
    resetPolicy,
    watchPolicy,
    getHistory,
    removeFromHistory,
    clearHistory,
    getActivity,
    activityCsv,
    download: downloadWithLink,
    now: () => new Date(),
  };
}
