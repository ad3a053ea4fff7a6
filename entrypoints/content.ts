import { defineContentScript } from 'wxt/utils/define-content-script';
import { OWA_MATCHES } from '../src/outlook/hosts';

export default defineContentScript({
  matches: OWA_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {},
});
