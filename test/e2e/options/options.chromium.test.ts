// The options page and the popup in Chromium (MV3 build); the scenarios are in suite.ts.
import { optionsSuite } from './suite';

optionsSuite('chromium');
