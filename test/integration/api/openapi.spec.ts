import SwaggerParser from '@apidevtools/swagger-parser';
import { createApp } from '../../../src/app.factory';
import { startTestApp, TestApp } from '../../support/app';

type Operation = { description?: string; responses: Record<string, unknown>; security?: unknown[]; 'x-roles'?: string[] };

describe(createApp.name, () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http('GET', '/docs-json')).body;
  });
  afterAll(async () => t?.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.entries(item)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => ({ id: `${m.toUpperCase()} ${p}`, op })),
    );

  it('serves a valid OpenAPI 3 document at /docs-json (checked by swagger-parser)', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toContain('swagger-ui');
  });

  it('declares for every operation its roles (x-roles and the description) and its error answers', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(10);
    for (const { id, op } of ops) {
      const roles = op['x-roles'];
      expect({ id, roles: Array.isArray(roles) && roles.length > 0 }).toEqual({ id, roles: true });
      if (roles!.includes('PUBLICO')) {
        expect({ id, description: op.description }).toEqual({ id, description: expect.stringContaining('público') });
        continue;
      }
      expect({ id, description: op.description }).toEqual({ id, description: expect.stringContaining(`**Roles:** ${roles!.join(', ')}.`) });
      expect({ id, responses: Object.keys(op.responses) }).toEqual({ id, responses: expect.arrayContaining(['401', '403']) });
      expect({ id, security: op.security }).toEqual({ id, security: [{ bearer: [] }] });
    }
  });

  it('documents errors as application/problem+json', () => {
    const op = doc.paths['/students'].post;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '404', '409', '422']));
    expect(op.responses['422']).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } });
  });
});
