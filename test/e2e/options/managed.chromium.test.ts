// An organisation's policy in Chromium, set in /etc/chromium/policies/managed/; scenarios in managed-suite.ts.
import { managedSuite } from './managed-suite';

managedSuite('chromium');
