// The warning UI as one lazily loaded chunk (issue 3: the content scripts have 60 kB in all).
// Everything here is needed only when a send must be stopped, which by design is rare ("silence
// when all is well", product.md), so it is not in content.js: wxt.config.ts builds this file as
// an ES module (`warning.js`) and the guard imports it the first time it has something to say
// (src/ui/load-warning.ts). It runs in the content script's isolated world, with the same DOM.
import { applyFix } from '../outlook/edit';
import { handleKeydown, isWarningOpen, showWarning } from './dialog';
import { foldFollowOns } from './fold';

export { applyFix, foldFollowOns, handleKeydown, isWarningOpen, showWarning };

/**
 * The extension version this chunk was built for (set by wxt.config.ts). A content script left
 * running by an extension update would otherwise import the new version's chunk; the loader
 * refuses a chunk whose version is not the running extension's.
 */
export const version: string = typeof __SAFE_SEND_VERSION__ === 'string' ? __SAFE_SEND_VERSION__ : '';
declare const __SAFE_SEND_VERSION__: string | undefined;

/** What the guard uses from the chunk. */
export interface WarningUi {
  version: string;
  showWarning: typeof showWarning;
  isWarningOpen: typeof isWarningOpen;
  handleKeydown: typeof handleKeydown;
  applyFix: typeof applyFix;
  foldFollowOns: typeof foldFollowOns;
}
