// The harness's local OWA server and CONNECT proxy, driven from Node (no browser): what a guard
// or privacy test relies on — the right file for a URL, the GetMailTips hook, the request log,
// the certificate's names, and a proxy that tunnels only the served hosts.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_PAGES_DIR } from './build';
import { OWA_HOSTS, SERVED_HOSTS } from './hosts';
import { startConnectProxy, type ConnectProxy } from './proxy';
import { startOwaServer, type OwaServer } from './server';

interface Reply {
  status: number;
  contentType: string | undefined;
  body: string;
  certificate: PeerCertificate;
}

let server: OwaServer;

beforeAll(async () => {
  server = await startOwaServer({ routes: { '/mail/': HARNESS_PAGES_DIR } });
});

afterAll(async () => {
  await server?.close();
});

/** One HTTPS request to the server as a browser would make it for `https://<host><path>`. */
function fetchFromServer(
  host: string,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        servername: host,
        path,
        method: init.method ?? 'GET',
        headers: { host, ...init.headers },
        // The certificate is self-signed on purpose (server.ts); its names are checked below.
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
            certificate: (res.socket as import('node:tls').TLSSocket).getPeerCertificate(),
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

const mailTipsPath = '/owa/service.svc?action=GetMailTips&app=Mail';
const askingAbout = (...addresses: string[]) =>
  JSON.stringify({ Body: { Recipients: addresses.map((EmailAddress) => ({ EmailAddress, RoutingType: 'SMTP' })) } });
const answeredAddresses = (body: string) =>
  (JSON.parse(body) as { Body: { ResponseMessages: { Items: Array<{ MailTips: { RecipientAddress: { EmailAddress: string } } }> } } }).Body.ResponseMessages.Items.map(
    (item) => item.MailTips.RecipientAddress.EmailAddress,
  );

describe('local OWA server', () => {
  it('serves /mail/ from the mapped folder, index.html for the folder itself', async () => {
    const reply = await fetchFromServer('outlook.office.com', '/mail/');
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('text/html; charset=utf-8');
    expect(reply.body).toContain('<title>Safe Send test page</title>');
    expect((await fetchFromServer('outlook.office.com', '/mail/a11y.html')).body).toContain('faulty-host');
  });

  it('answers 404 outside the routes and 403 for a path that climbs out of its folder', async () => {
    expect((await fetchFromServer('outlook.office.com', '/calendar/')).status).toBe(404);
    expect((await fetchFromServer('outlook.office.com', '/mail/missing.html')).status).toBe(404);
    expect((await fetchFromServer('outlook.office.com', '/mail/..%2f..%2f..%2f..%2fpackage.json')).status).toBe(403);
  });

  it('presents a certificate naming every served host', async () => {
    const { certificate } = await fetchFromServer('email.nhs.net', '/mail/');
    for (const host of SERVED_HOSTS) expect(certificate.subjectaltname).toContain(`DNS:${host}`);
  });

  it('answers GetMailTips for the recipients asked about, from the body or the x-owa-urlpostdata header', async () => {
    const fromBody = await fetchFromServer('outlook.office.com', mailTipsPath, {
      method: 'POST',
      body: askingAbout('jane.smith@nhs.net', 'bob@example.org'),
    });
    expect(fromBody.contentType).toBe('application/json; charset=utf-8');
    expect(answeredAddresses(fromBody.body)).toEqual(['jane.smith@nhs.net', 'bob@example.org']);
    const fromHeader = await fetchFromServer('outlook.office.com', mailTipsPath, {
      method: 'POST',
      headers: { 'x-owa-urlpostdata': encodeURIComponent(askingAbout('ward7@nhs.net')) },
    });
    expect(answeredAddresses(fromHeader.body)).toEqual(['ward7@nhs.net']);
  });

  it('lets a test replace the GetMailTips answer and put its own handler in front', async () => {
    server.setMailTips(() => ({ canned: 'for this test' }));
    const removeHandler = server.addHandler((request) =>
      request.path === '/owa/startupdata.ashx' ? { status: 204 } : undefined,
    );
    try {
      expect(JSON.parse((await fetchFromServer('outlook.office.com', mailTipsPath, { method: 'POST' })).body)).toEqual({
        canned: 'for this test',
      });
      expect((await fetchFromServer('outlook.office.com', '/owa/startupdata.ashx')).status).toBe(204);
    } finally {
      server.setMailTips(undefined);
      removeHandler();
    }
    expect(answeredAddresses((await fetchFromServer('outlook.office.com', mailTipsPath, { method: 'POST', body: askingAbout('a@nhs.net') })).body)).toEqual([
      'a@nhs.net',
    ]);
    expect((await fetchFromServer('outlook.office.com', '/owa/startupdata.ashx')).status).toBe(404);
  });

  it('records every request: host, TLS name, path, body and the status sent back', async () => {
    server.clearRequests();
    await fetchFromServer('outlook.cloud.microsoft', mailTipsPath, { method: 'POST', body: askingAbout('x@nhs.net') });
    await fetchFromServer('example.org', '/nothing-here');
    expect(server.requests).toMatchObject([
      {
        method: 'POST',
        host: 'outlook.cloud.microsoft',
        serverName: 'outlook.cloud.microsoft',
        url: `https://outlook.cloud.microsoft${mailTipsPath}`,
        body: askingAbout('x@nhs.net'),
        status: 200,
      },
      { method: 'GET', host: 'example.org', url: 'https://example.org/nothing-here', status: 404 },
    ]);
  });
});

describe('CONNECT proxy (Firefox host mapping)', () => {
  let proxy: ConnectProxy;

  beforeAll(async () => {
    proxy = await startConnectProxy(Object.fromEntries(OWA_HOSTS.map((host) => [`${host}:443`, server.port])));
  });

  afterAll(async () => {
    await proxy?.close();
  });

  /** Asks the proxy for a tunnel; resolves with the proxy's status code and the tunnel socket. */
  function openTunnel(target: string) {
    return new Promise<{ status: number; socket: import('node:net').Socket }>((done, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: target, agent: false });
      req.on('connect', (res, socket) => done({ status: res.statusCode ?? 0, socket }));
      req.on('response', (res) => done({ status: res.statusCode ?? 0, socket: res.socket }));
      req.on('error', fail);
      req.end();
    });
  }

  it('tunnels a served host to the server, TLS end to end', async () => {
    const { status, socket } = await openTunnel('email.nhs.net:443');
    expect(status).toBe(200);
    const page = await new Promise<string>((done, fail) => {
      const tls = tlsConnect({ socket, servername: 'email.nhs.net', rejectUnauthorized: false }, () => {
        tls.write('GET /mail/ HTTP/1.1\r\nHost: email.nhs.net\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      tls.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      tls.on('end', () => done(text));
      tls.on('error', fail);
    });
    expect(page).toMatch(/^HTTP\/1\.1 200/);
    expect(page).toContain('<title>Safe Send test page</title>');
    expect(proxy.tunnelled).toContain('email.nhs.net:443');
  });

  it('refuses a host it does not serve, and any plain HTTP request, and lists them', async () => {
    const refused = await openTunnel('login.microsoftonline.com:443');
    expect(refused.status).toBe(403);
    refused.socket.destroy();
    const plain = await new Promise<number>((done, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port: proxy.port, path: 'http://example.org/', headers: { host: 'example.org' }, agent: false }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
    expect(plain).toBe(403);
    expect(proxy.refused).toEqual(['CONNECT login.microsoftonline.com:443', 'GET http://example.org/']);
  });
});
