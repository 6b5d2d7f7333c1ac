// The cluster profile's stand-in for a load balancer in front of the Temporal frontends:
// `ts-node --transpile-only scripts/temporal-frontend-proxy.ts <listen host:port> <backend host:port>...`.
// Each client connection goes to the next backend that accepts it (round robin); when a server
// dies its connections drop and the clients' reconnections land on a live one. TCP only, so gRPC
// (HTTP/2) passes through untouched.
import * as net from 'node:net';

const [listen, ...backends] = process.argv.slice(2);
if (!listen || backends.length === 0) {
  console.error('Uso: temporal-frontend-proxy.ts <host:puerto> <servidor host:puerto>...');
  process.exit(2);
}
const split = (hp: string): { host: string; port: number } => {
  const i = hp.lastIndexOf(':');
  return { host: hp.slice(0, i), port: Number(hp.slice(i + 1)) };
};
let next = 0;

function connect(client: net.Socket, tried: number): void {
  if (tried >= backends.length) {
    client.destroy();
    return;
  }
  const target = split(backends[next]);
  next = (next + 1) % backends.length;
  const upstream = net.connect(target);
  const onError = () => {
    upstream.destroy();
    connect(client, tried + 1);
  };
  upstream.once('error', onError);
  upstream.once('connect', () => {
    upstream.off('error', onError);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
    client.resume();
  });
}

const server = net.createServer({ pauseOnConnect: true }, (client) => connect(client, 0));
const { host, port } = split(listen);
server.listen(port, host, () => console.log(`Proxy de Temporal en ${listen} → ${backends.join(', ')}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
