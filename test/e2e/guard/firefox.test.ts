// The in-page guard end to end in Firefox ESR (Puppeteer, .output/firefox-mv2): scenarios.ts.
import { guardSuite } from './scenarios';

guardSuite('firefox');
