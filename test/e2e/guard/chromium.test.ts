// The in-page guard end to end in Chromium (Playwright, .output/chrome-mv3): scenarios.ts.
import { guardSuite } from './scenarios';

guardSuite('chromium');
