// The options page and the popup in Firefox ESR (MV2 build); the scenarios are in suite.ts.
import { optionsSuite } from './suite';

optionsSuite('firefox');
