// Launches Chromium with an unpacked build of the extension, pointed at the local OWA server.
//
// Recipe from toolchain.md ("Browsers"): playwright-core driving the system Chromium (no test
// tool may download its own browser). The OWA host names are mapped to the local server with
// --host-resolver-rules, so pages keep their real origin (https://outlook.office.com) and the
// built manifest's match patterns are exercised as they ship. Every other name resolves to
// NOTFOUND, so nothing can leave the machine and an unexpected request fails at once.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { resolve } from 'node:path';
import { SERVED_HOSTS } from './hosts';
import type { OwaServer } from './server';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface LaunchChromiumOptions {
  /** Folder of the unpacked build, e.g. `.output/chrome-mv3`. */
  extensionDir: string;
  server: Pick<OwaServer, 'port'>;
  /** Default true. Set false (with a display) to watch a test. */
  headless?: boolean;
  /** Host names mapped to the server; defaults to every OWA host plus the non-OWA host. */
  hosts?: readonly string[];
  /** More command-line flags, after `chromiumArgs` (e.g. the privacy test's `--log-net-log`). */
  extraArgs?: readonly string[];
}

export interface ChromiumSession {
  context: BrowserContext;
  /** The extension's id (it depends on the folder path, so it is read, never hard-coded). */
  extensionId: string;
  /** The extension's MV3 service worker; `serviceWorker.evaluate(…)` runs code in it. */
  serviceWorker: Worker;
  /** Milliseconds from launch until the service worker was up. */
  launchMs: number;
  /** Opens a new tab at `url` and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Opens `chrome-extension://<id>/<path>` in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `trigger` (e.g. a click that calls window.open) and returns the pop-out `opener` opened. */
  waitForPopup(opener: Page, trigger: () => Promise<unknown>): Promise<Page>;
  close(): Promise<void>;
}

/** `MAP host:443 127.0.0.1:port` for each host, then refuse every other name. */
export function hostResolverRules(hosts: readonly string[], port: number): string {
  return [...hosts.map((host) => `MAP ${host}:443 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

export interface ChromiumArgsOptions {
  /** The local server's port: the served host names are mapped to 127.0.0.1 there. */
  port: number;
  /** Host names mapped to the server; defaults to every OWA host plus the non-OWA host. */
  hosts?: readonly string[];
  /** Folder of an unpacked build to load (absolute); without it, no extension is loaded by these flags. */
  extensionDir?: string;
}

/**
 * The command-line flags every Chromium of the tests and benchmarks runs with: toolchain.md's
 * list, the host mapping to the local server, and (given `extensionDir`) the extension.
 */
export function chromiumArgs({ port, hosts = SERVED_HOSTS, extensionDir }: ChromiumArgsOptions): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${hostResolverRules(hosts, port)}`,
    // The local server's certificate is self-signed (server.ts explains why that is enough).
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    // QUIC would try UDP to the mapped port, where nothing listens.
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export async function launchChromium(options: LaunchChromiumOptions): Promise<ChromiumSession> {
  const extensionDir = resolve(options.extensionDir);
  const started = performance.now();
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      ...chromiumArgs({ port: options.server.port, hosts: options.hosts, extensionDir }),
      ...(options.extraArgs ?? []),
    ],
  });
  try {
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const launchMs = performance.now() - started;

    const openPage = async (url: string) => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
    return {
      context,
      extensionId,
      serviceWorker,
      launchMs,
      openPage,
      openExtensionPage: (path) => openPage(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`),
      async waitForPopup(opener, trigger) {
        const [popup] = await Promise.all([opener.waitForEvent('popup', { timeout: 10_000 }), trigger()]);
        return popup;
      },
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
