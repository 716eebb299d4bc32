import { connect, createServer, type Server, type Socket } from 'node:net';

/** How the proxy treats connections: pass them on, swallow them (accept, never answer), or refuse them. */
export type ProxyMode = 'forward' | 'blackhole' | 'refuse';

/**
 * A TCP proxy in front of PostgreSQL that a test can turn into an outage:
 * `blackhole` is a server that accepts and never answers (a hung host, a
 * firewall that drops replies), `refuse` is nothing listening on the port.
 * Switching modes cuts the connections already open, as a real outage does.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let mode: ProxyMode = 'forward';
  let port = 0;
  let server: Server | undefined;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const listen = async () => {
    server = createServer((client) => {
      track(client);
      if (mode !== 'forward') return; // blackhole: keep the socket open and silent
      const upstream = connect(target.port, target.host);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  };
  const cutAll = () => {
    for (const s of sockets) s.destroy();
  };
  await listen();
  return {
    get port() {
      return port;
    },
    async setMode(next: ProxyMode) {
      cutAll();
      if (next === 'refuse' && server) {
        await new Promise<void>((r) => server!.close(() => r()));
        server = undefined;
      }
      mode = next;
      if (next !== 'refuse' && !server) await listen();
    },
    async close() {
      cutAll();
      if (server) await new Promise<void>((r) => server!.close(() => r()));
    },
  };
}
