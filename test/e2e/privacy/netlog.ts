// Chromium's NetLog: the browser's own record of every request its network stack handles, from
// every process (pages, extension pages, the extension's service worker, the browser itself),
// each with its initiator origin. It is the browser-level witness of the privacy test: Playwright
// events and CDP sessions see what their targets report; the NetLog sees what went to the network.
//
// `--log-net-log=FILE` writes it; the file is complete once the browser has closed. Otherwise the
// browser is the harness's launchChromium (test/e2e/harness/chromium.ts): the same flags and host
// mapping, so every name but the served ones fails at once.
import { readFileSync } from 'node:fs';
import { launchChromium, type ChromiumSession } from '../harness/chromium';
import type { OwaServer } from '../harness/server';

export function launchChromiumWithNetLog(options: {
  extensionDir: string;
  server: Pick<OwaServer, 'port'>;
  netLogPath: string;
}): Promise<ChromiumSession> {
  return launchChromium({
    extensionDir: options.extensionDir,
    server: options.server,
    extraArgs: [
      `--log-net-log=${options.netLogPath}`,
      // URLs and initiators, no cookies or bodies: all this test needs.
      '--net-log-capture-mode=Default',
    ],
  });
}

/** One URL request from the NetLog. `initiator` is an origin, or undefined for the browser's own. */
export interface NetLogRequest {
  url: string;
  method: string;
  initiator: string | undefined;
}

interface NetLogFile {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{ type: number; params?: Record<string, unknown> }>;
}

/**
 * Every URL request in a NetLog file (URL_REQUEST_START_JOB: one per request and redirect hop).
 * A file cut short (the browser crashed) is read up to its last whole event.
 */
export function readNetLog(path: string): NetLogRequest[] {
  const text = readFileSync(path, 'utf8');
  let log: NetLogFile;
  try {
    log = JSON.parse(text) as NetLogFile;
  } catch {
    // One event per line: drop the partial last line and close the list.
    log = JSON.parse(`${text.slice(0, text.lastIndexOf('},\n') + 1)}]}`) as NetLogFile;
  }
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  if (startJob === undefined) throw new Error(`${path} is not a NetLog: it has no URL_REQUEST_START_JOB event type`);
  return log.events
    .filter((event) => event.type === startJob && typeof event.params?.url === 'string')
    .map((event) => {
      const initiator = event.params!.initiator;
      return {
        url: event.params!.url as string,
        method: String(event.params!.method ?? ''),
        // "not an origin": the browser's own request (component updater, account check…).
        initiator: typeof initiator === 'string' && initiator !== 'not an origin' ? initiator : undefined,
      };
    });
}
