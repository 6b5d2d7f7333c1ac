/**
 * HTTP clients in a process of their own, so a benchmark's API process serves requests and does
 * nothing else (as in production, where browsers and load balancers are elsewhere). Started by
 * `remoteClients()` in bench/support.ts; commands and answers go over the IPC channel.
 */
import { performance } from 'node:perf_hooks';

export interface ClientCall {
  method: string;
  path: string;
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface CallAnswer {
  status: number;
  ms: number;
  id: number | null;
  retryAfter: string | null;
}

export type ClientCommand =
  | { cmd: 'probe'; path: string; everyMs: number }
  | { cmd: 'stopProbe' }
  | { cmd: 'burst'; calls: ClientCall[] }
  | { cmd: 'load'; clients: number; seconds: number; calls: ClientCall[] };

export type ClientReply = { cmd: 'probe'; samples: number[] } | { cmd: 'burst'; answers: CallAnswer[] } | { cmd: 'load'; ms: number[]; errors: number };

const baseUrl = process.argv[2];

async function call(c: ClientCall): Promise<CallAnswer> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.token) headers.Authorization = `Bearer ${c.token}`;
  if (c.json !== undefined) headers['Content-Type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${c.path}`, { method: c.method, headers, body: c.json === undefined ? undefined : JSON.stringify(c.json) });
  const text = await res.text();
  const ms = performance.now() - t0;
  let id: number | null = null;
  if (res.status === 201 && /json/.test(res.headers.get('content-type') ?? '')) id = Number((JSON.parse(text) as { id?: number }).id ?? NaN);
  return { status: res.status, ms, id, retryAfter: res.headers.get('retry-after') };
}

let probing: Promise<number[]> | null = null;
let probe = false;

function send(reply: ClientReply): void {
  process.send!(reply);
}

process.on('message', (m: ClientCommand) => {
  void (async () => {
    if (m.cmd === 'probe') {
      probe = true;
      probing = (async () => {
        const samples: number[] = [];
        while (probe) {
          samples.push((await call({ method: 'GET', path: m.path })).ms);
          await new Promise((r) => setTimeout(r, m.everyMs));
        }
        return samples;
      })();
    } else if (m.cmd === 'stopProbe') {
      probe = false;
      send({ cmd: 'probe', samples: (await probing) ?? [] });
    } else if (m.cmd === 'burst') {
      send({ cmd: 'burst', answers: await Promise.all(m.calls.map(call)) });
    } else {
      const ms: number[] = [];
      let errors = 0;
      let n = 0;
      const until = performance.now() + m.seconds * 1000;
      await Promise.all(
        Array.from({ length: m.clients }, async () => {
          while (performance.now() < until) {
            const a = await call(m.calls[n++ % m.calls.length]);
            ms.push(a.ms);
            if (a.status >= 500) errors++;
          }
        }),
      );
      send({ cmd: 'load', ms, errors });
    }
  })();
});
