// The in-page guard end to end in Chromium (Playwright, .output/chrome-mv3): scenarios.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import type { OwaServer } from '../harness';
import { startChromium, type GuardBrowser } from './browsers';
import { startFixtureServer } from './owa-server';
import { guardScenarios } from './scenarios';

let server: OwaServer | undefined;
let browser: GuardBrowser | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await startChromium(server);
});

afterAll(async () => {
  await browser?.close(); // the browser first, then the server (and its certificate folder)
  await server?.close();
});

describe('Chromium: the in-page guard on OWA', () => guardScenarios(() => browser!));
