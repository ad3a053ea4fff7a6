import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/activity/background';

export default defineBackground(() => {
  // Wiring only; the work lives in src/. The background lives as long as the extension, so this
  // controller is never aborted here; tests abort theirs.
  void startBackground(new AbortController().signal);
});
