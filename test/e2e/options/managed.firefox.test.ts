// An organisation's policy in Firefox ESR, set in its distribution/policies.json; scenarios in managed-suite.ts.
import { managedSuite } from './managed-suite';

managedSuite('firefox');
