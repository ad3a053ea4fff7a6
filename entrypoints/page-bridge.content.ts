import { defineContentScript } from 'wxt/utils/define-content-script';
import { OWA_MATCHES } from '../src/outlook/hosts';
import { installPageBridge } from '../src/outlook/page-bridge';

// The MAIN-world half of recipient address resolution (src/outlook/page-bridge.ts): reads the
// SMTP address OWA keeps in a pill's React props, and what OWA's own MailTips and people
// suggestions carried, and answers the isolated content script's synchronous requests.
export default defineContentScript({
  matches: OWA_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  world: 'MAIN',
  globalName: false,
  main() {
    installPageBridge(window);
  },
});
