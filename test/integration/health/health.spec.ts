import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
      expect(await res.json()).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
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
});
