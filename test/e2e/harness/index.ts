// The end-to-end harness in one import: `import { startOwaServer, launchChromium, … } from './harness'`.
// README.md in this folder explains how the pieces fit together.
export { axeInShadowRoot, formatViolations, injectAxe, type AnyPage, type AxeViolation } from './axe';
export {
  BUILD_FOR,
  startBrowser,
  type BrowserName,
  type StartBrowserOptions,
  type TestBrowser,
} from './browsers';
export { buildUnderTest, ensureBuilt, HARNESS_PAGES_DIR, REPO_ROOT, type BuildTarget } from './build';
export {
  CHROMIUM_PATH,
  chromiumArgs,
  hostResolverRules,
  launchChromium,
  type ChromiumArgsOptions,
  type ChromiumSession,
  type LaunchChromiumOptions,
} from './chromium';
export { FIXED_EXTENSION_UUID, launchFirefox, type FirefoxSession, type LaunchFirefoxOptions } from './firefox';
export { OWA_FIXTURES_URL, startFixtureServer } from './fixture-server';
export { NON_OWA_HOST, OWA_HOSTS, SERVED_HOSTS, type OwaHost } from './hosts';
export { startConnectProxy, type ConnectProxy } from './proxy';
export {
  defaultMailTips,
  isMailTipsRequest,
  owaRequestPayload,
  startOwaServer,
  type CannedResponse,
  type MailTipsHook,
  type OwaServer,
  type RecordedRequest,
  type RequestHandler,
  type StartServerOptions,
} from './server';
export {
  button,
  label,
  playwrightTab,
  puppeteerTab,
  TIMER_WAITS,
  type BrowserTab,
  type Modifier,
  type Target,
  type Waits,
} from './tab';
