// A local HTTPS server that stands in for Outlook on the web (OWA) in the end-to-end tests.
//
// The browsers are told that the real OWA host names (hosts.ts) live at 127.0.0.1:<port>
// (Chromium: --host-resolver-rules; Firefox: the CONNECT proxy in proxy.ts), so the page's
// origin is the real `https://outlook.office.com` and the built manifest's match patterns are
// exercised unchanged. The server:
//   - serves static files from a configurable prefix → directory map (`/mail/` → the OWA fixtures);
//   - answers OWA's GetMailTips call (`/owa/service.svc?action=GetMailTips`) with canned JSON
//     from a replaceable hook;
//   - records every request it receives, so a privacy test can prove the extension itself sends
//     nothing.
//
// Certificate: a fresh self-signed one is generated for every server with the `openssl` CLI into
// a temp dir that is deleted on close. Why not a committed test key: nothing to expire, no private
// key in the repo for secret scanners to flag, and it costs about 20 ms. The browsers accept it
// because they are told to ignore certificate errors (Chromium --ignore-certificate-errors,
// Firefox acceptInsecureCerts), so its trust does not matter — only that TLS is real.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { TLSSocket } from 'node:tls';
import { SERVED_HOSTS } from './hosts';

const run = promisify(execFile);

/** One request as the server received it (kept in arrival order in `server.requests`). */
export interface RecordedRequest {
  method: string;
  /** The Host header without port, e.g. `outlook.office.com`. */
  host: string;
  /** The TLS SNI name the browser asked for (proves which name it resolved through our rules). */
  serverName: string | undefined;
  /** Path plus query, e.g. `/owa/service.svc?action=GetMailTips`. */
  path: string;
  /** `https://<host><path>`: the URL as the page saw it. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  receivedAt: number;
  /** Status sent back; set once the response is finished. */
  status?: number;
}

/** What a handler returns; `json` is serialised with the right content type. */
export interface CannedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  json?: unknown;
}

/** Returns a response to take over the request, or undefined to let the next handler try. */
export type RequestHandler = (
  request: RecordedRequest,
) => CannedResponse | undefined | Promise<CannedResponse | undefined>;

/** Builds the GetMailTips JSON for one request. */
export type MailTipsHook = (request: RecordedRequest) => unknown;

export interface StartServerOptions {
  /**
   * URL path prefix → directory, longest prefix wins. A request for a directory serves its
   * index.html. Example: `{ '/mail/': 'test/fixtures/owa' }` serves `/mail/` from that folder.
   */
  routes: Record<string, string>;
  /** Replaces the default GetMailTips answer (see defaultMailTips). */
  mailTips?: MailTipsHook;
  /** Tried in order before GetMailTips and static files. */
  handlers?: RequestHandler[];
  /** Host names in the certificate; defaults to every served host. */
  hostNames?: readonly string[];
}

export interface OwaServer {
  /** The loopback port the server listens on (127.0.0.1). */
  port: number;
  /** Every request received so far, oldest first. */
  requests: RecordedRequest[];
  clearRequests(): void;
  /** Swaps the GetMailTips hook (for one test); pass undefined to restore the default. */
  setMailTips(hook: MailTipsHook | undefined): void;
  /** Adds a handler in front of the others; returns a function that removes it. */
  addHandler(handler: RequestHandler): () => void;
  /** `https://<host>` + path, for building page URLs. */
  url(host: string, path: string): string;
  /** PEM files of this run's certificate (deleted on close). */
  certificate: { certPath: string; keyPath: string };
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** True for OWA's MailTips call: `/owa/service.svc?action=GetMailTips` (also `/owa/0/…` for another mailbox). */
export function isMailTipsRequest(request: Pick<RecordedRequest, 'path'>): boolean {
  const url = new URL(request.path, 'https://placeholder.invalid');
  return /^\/owa\/(?:\d+\/)?service\.svc$/.test(url.pathname) && url.searchParams.get('action') === 'GetMailTips';
}

/**
 * The JSON payload of an OWA service.svc call. OWA sends it either as the body or, for some
 * calls, URL-encoded in the `x-owa-urlpostdata` header with an empty body; both are read.
 */
export function owaRequestPayload(request: RecordedRequest): unknown {
  const header = request.headers['x-owa-urlpostdata'];
  const text = request.body || (typeof header === 'string' ? decodeURIComponent(header) : '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Default GetMailTips answer: one "no tips" entry per recipient asked about, in the EWS JSON
 * shape (Body.ResponseMessages.Items[].MailTips.RecipientAddress). This is a plausible shape for
 * the harness, not a contract — fixtures that depend on OWA's exact response set their own hook.
 */
export function defaultMailTips(request: RecordedRequest): unknown {
  const payload = owaRequestPayload(request) as
    | { Body?: { Recipients?: Array<{ EmailAddress?: string }> } }
    | undefined;
  const recipients = payload?.Body?.Recipients ?? [];
  return {
    Body: {
      ResponseClass: 'Success',
      ResponseCode: 'NoError',
      ResponseMessages: {
        Items: recipients.map((recipient) => ({
          ResponseClass: 'Success',
          ResponseCode: 'NoError',
          MailTips: {
            RecipientAddress: { EmailAddress: recipient.EmailAddress ?? '', RoutingType: 'SMTP' },
            PendingMailTips: 'None',
            External: false,
          },
        })),
      },
    },
  };
}

/** Generates a throwaway self-signed certificate for the given names (P-256, valid 2 days). */
async function makeCertificate(hostNames: readonly string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'safe-send-e2e-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const altNames = [...hostNames.map((name) => `DNS:${name}`), 'IP:127.0.0.1'].join(',');
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=Safe Send e2e test server',
    '-addext', `subjectAltName=${altNames}`,
    '-addext', 'basicConstraints=critical,CA:FALSE',
    '-addext', 'extendedKeyUsage=serverAuth',
  ]);
  return { dir, keyPath, certPath };
}

/** Resolves a URL path inside `dir`, or undefined if it would escape it. */
function safeJoin(dir: string, relative: string): string | undefined {
  const root = resolve(dir);
  const target = resolve(root, `.${sep}${decodeURIComponent(relative)}`);
  return target === root || target.startsWith(root + sep) ? target : undefined;
}

async function serveStatic(
  routes: Array<[string, string]>,
  pathname: string,
): Promise<CannedResponse | undefined> {
  const route = routes.find(([prefix]) => pathname.startsWith(prefix));
  if (!route) return undefined;
  const [prefix, dir] = route;
  let file = safeJoin(dir, pathname.slice(prefix.length));
  if (!file) return { status: 403, body: 'Forbidden' };
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    return { status: 200, headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }, body };
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, response: CannedResponse): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...response.headers };
  let body = response.body ?? '';
  if (response.json !== undefined) {
    body = JSON.stringify(response.json);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(body);
}

/** Starts the server on 127.0.0.1 on a free port. Always `close()` it (in afterAll/finally). */
export async function startOwaServer(options: StartServerOptions): Promise<OwaServer> {
  const certificate = await makeCertificate(options.hostNames ?? SERVED_HOSTS);
  // Longest prefix first so `/mail/popout/` can override `/mail/`.
  const routes = Object.entries(options.routes)
    .map(([prefix, dir]): [string, string] => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const requests: RecordedRequest[] = [];
  let handlers: RequestHandler[] = [...(options.handlers ?? [])];
  let mailTips: MailTipsHook = options.mailTips ?? defaultMailTips;

  async function respond(request: RecordedRequest): Promise<CannedResponse> {
    for (const handler of handlers) {
      const response = await handler(request);
      if (response) return response;
    }
    if (isMailTipsRequest(request)) return { json: mailTips(request) };
    const pathname = new URL(request.path, 'https://placeholder.invalid').pathname;
    return (await serveStatic(routes, pathname)) ?? { status: 404, body: 'Not found' };
  }

  const server: Server = createServer(
    { key: await readFile(certificate.keyPath), cert: await readFile(certificate.certPath) },
    (req, res) => {
      void (async () => {
        const host = (req.headers.host ?? '').replace(/:\d+$/, '');
        const path = req.url ?? '/';
        const request: RecordedRequest = {
          method: req.method ?? 'GET',
          host,
          serverName: (req.socket as TLSSocket).servername || undefined,
          path,
          url: `https://${host}${path}`,
          headers: { ...req.headers },
          body: await readBody(req),
          receivedAt: Date.now(),
        };
        requests.push(request);
        try {
          const response = await respond(request);
          request.status = response.status ?? 200;
          send(res, response);
        } catch (error) {
          request.status = 500;
          send(res, { status: 500, body: String(error) });
        }
      })();
    },
  );
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    requests,
    clearRequests: () => void requests.splice(0),
    setMailTips: (hook) => void (mailTips = hook ?? defaultMailTips),
    addHandler(handler) {
      handlers = [handler, ...handlers];
      return () => void (handlers = handlers.filter((h) => h !== handler));
    },
    url: (host, path) => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    certificate: { certPath: certificate.certPath, keyPath: certificate.keyPath },
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await rm(certificate.dir, { recursive: true, force: true });
    },
  };
}
