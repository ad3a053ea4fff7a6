// Firefox's stand-in for Chromium's --host-resolver-rules: a loopback HTTP proxy that tunnels
// `CONNECT <served host>:443` to the local HTTPS server and refuses everything else.
//
// Why a proxy: Firefox can map a name to 127.0.0.1 (network.dns.localDomains,
// network.dns.forceResolve) but cannot change the port, and the tests must not bind 443
// (needs root, collides between runs). A proxy keeps the page's origin the real
// `https://outlook.office.com` (port 443) while the bytes go to 127.0.0.1:<server port>; TLS
// stays end to end between Firefox and the server, so the proxy sees no content.
// Refusing everything else makes any unexpected connection fail at once (and be listed in
// `refused`) instead of waiting on a network that is not there.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** `host:port` of every CONNECT that was tunnelled, in order. */
  tunnelled: string[];
  /** Every request refused: `CONNECT host:port`, or `GET http://…` for plain proxy requests. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Starts the proxy on 127.0.0.1 on a free port. `routes` maps `host:port` as the browser asks
 * for it (e.g. `outlook.office.com:443`) to the loopback port to tunnel it to.
 */
export async function startConnectProxy(routes: Record<string, number>): Promise<ConnectProxy> {
  const tunnelled: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const server: Server = createServer((req, res) => {
    // A plain-HTTP proxy request (`GET http://host/…`): nothing in the tests is served over HTTP.
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { connection: 'close' }).end('Refused by the Safe Send test proxy');
  });
  server.on('connection', track);
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = (req.url ?? '').toLowerCase();
    const port = routes[target];
    if (port === undefined) {
      refused.push(`CONNECT ${target}`);
      client.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnelled.push(target);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    const hangUp = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', hangUp);
    client.on('error', hangUp);
    client.on('close', hangUp);
    upstream.on('close', hangUp);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  return {
    port: (server.address() as AddressInfo).port,
    tunnelled,
    refused,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
