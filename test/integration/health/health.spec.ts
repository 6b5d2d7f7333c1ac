import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Socket, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../../../src/app.factory';
import { createTestDatabase, TestDatabase } from '../../support/db';

async function boot(env: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const app = await createApp(NestFactory);
    await app.listen(0, '127.0.0.1');
    return { app, url: await app.getUrl() };
  } finally {
    process.env = saved;
  }
}

/** Sends one request on an open socket and reads its whole (small, non-chunked) response. */
function exchange(socket: Socket, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const [head, body = ''] = text.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? NaN);
      if (body.length >= length) done(null);
    };
    const onEnd = () => done(new Error(`la API cerró la conexión (recibido: ${JSON.stringify(text)})`));
    const done = (err: Error | null) => {
      socket.off('data', onData).off('end', onEnd).off('error', done);
      if (err) reject(err);
      else resolve(text);
    };
    socket.on('data', onData).on('end', onEnd).on('error', done);
    socket.write(request);
  });
}

describe('GET /health', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('reports database and Temporal up when both answer', async () => {
    const { app, url } = await boot({ DATABASE_URL: db.url, TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS! });
    try {
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(200);
      // The tests' dev server keeps its state in SQLite with one history shard (the cluster profile: postgres12, 4).
      expect(await res.json()).toEqual({ status: 'ok', database: 'up', temporal: 'up', temporalCluster: { almacen: 'sqlite', shards: 1 } });
    } finally {
      await app.close();
    }
  });

  it('reports Temporal down (503) when nothing listens at its address', async () => {
    const { app, url } = await boot({ DATABASE_URL: db.url, TEMPORAL_ADDRESS: '127.0.0.1:1' });
    try {
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degradado', database: 'up', temporal: 'down' });
    } finally {
      await app.close();
    }
  });

  it('keeps an idle connection open past the 5 s Node default, so a client reusing it is not reset', async () => {
    const { app, url } = await boot({ DATABASE_URL: db.url, TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS! });
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    try {
      await new Promise((resolve) => socket.once('connect', resolve));
      const request = `GET /health HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`;
      const first = await exchange(socket, request);
      expect(first).toMatch(/^HTTP\/1\.1 200/);
      expect(first).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);
      await sleep(6000);
      expect(await exchange(socket, request)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
      await app.close();
    }
  });
});
