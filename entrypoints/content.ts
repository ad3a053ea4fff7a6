import { defineContentScript } from 'wxt/utils/define-content-script';
import { OWA_MATCHES } from '../src/outlook/hosts';
import { startGuardInPage } from '../src/outlook/start';

// The in-page guard. document_start so its window capture listeners are registered before any
// of OWA's; every frame and about:blank pop-out, because pop-out compose windows are about:blank
// documents rendered by the opener (outlook-web.md).
export default defineContentScript({
  matches: OWA_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main(ctx) {
    startGuardInPage(window, ctx.signal);
  },
});
