import { DomainError } from '../../../src/common/domain-error';
import { createPublicKey, verify } from 'node:crypto';
import { SchoolCycle } from '../../../src/catalog/entities';
import { ProductionService } from '../../../src/production/production.service';
import { compactPayload, parsePayload } from '../../../src/production/qr-payload';
import { VerificationController } from '../../../src/production/verification.controller';
import { Credential } from '../../../src/production/entities';
import { startTestApp, TestApp } from '../../support/app';
import { stockForPrinting } from '../api/production-fixtures';

describe(VerificationController.name, () => {
  let t: TestApp;
  let payload: string;
  let folio: string;
  beforeAll(async () => {
    t = await startTestApp();
    const em = t.db.orm.em.fork();
    if (!(await em.findOne(SchoolCycle, { isCurrent: true }))) {
      const cycle = new SchoolCycle('2026-2027', '2026-08-24', '2027-07-14');
      cycle.isCurrent = true;
      await em.persistAndFlush(cycle);
    }
    const school = await t.createSchool({ drse: 'SUR', matricula: 100, nivel: 'PRIMARIA' });
    await stockForPrinting(t, { drseCode: 'SUR' }, 1);
    const students = [await t.createStudent(school, { withPhoto: true }), await t.createStudent(school, { withPhoto: true })];
    const production = t.app.get(ProductionService);
    const run = await production.createPrintRun({
      key: 'wf-1:print-run',
      holder: { type: 'DRSE', drseCode: 'SUR' },
      studentIds: students.map((s) => s.id),
      actor: { id: 'u-ce-sur', role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'SUR' },
    });
    expect(run).toMatchObject({ runId: expect.any(Number), planillas: 1, cards: 2, voided: 6, excluded: [] });
    const rendered = await production.renderRun(run.runId!);
    expect(rendered).toMatchObject({ runId: run.runId, pdfHash: expect.stringMatching(/^[0-9a-f]{64}$/), planillas: 1, cards: 2 });
    const card = await t.db.orm.em.fork().findOneOrFail(Credential, { runId: run.runId!, studentId: students[0].id });
    payload = card.qrPayload!;
    folio = card.folio;
  });
  afterAll(async () => t?.close());

  it('verifies a card publicly (no session) showing only school and cycle', async () => {
    const res = await t.http('GET', `/verificar/${payload}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      signatureValid: true,
      status: 'VIGENTE',
      folio,
      school: { name: expect.any(String), cct: expect.stringMatching(/^14/), turno: expect.any(String) },
      cycleCode: '2026-2027',
      message: expect.any(String),
    });
  });

  it('serves an HTML page to browsers and refuses a tampered code', async () => {
    const page = await t.http('GET', `/verificar/${payload}`, { headers: { accept: 'text/html' } });
    expect(page.contentType).toContain('text/html');
    expect(page.body.toString('utf8')).toContain(folio);
    // A character in the middle of the signature carries only data bits (the last one carries padding).
    const i = payload.length - 50;
    const bad = await t.http('GET', `/verificar/${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}`);
    expect(bad.body).toMatchObject({ signatureValid: false });
    expect(bad.body.status).toBeUndefined();
  });

  it('verifies the compact code cards print since issue 11 at /V/ (any case), and still the text form of earlier cards', async () => {
    const digits = compactPayload(payload);
    const first = await t.http('GET', `/verificar/${payload}`);
    for (const path of [`/V/${digits}`, `/v/${digits}`, `/verificar/${digits}`, `/V/${payload}`]) {
      const res = await t.http('GET', path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.body).toEqual(first.body);
    }
    const page = await t.http('GET', `/V/${digits}`, { headers: { accept: 'text/html' } });
    expect(page.body.toString('utf8')).toContain(folio);
    // A digit of the signature changed: the signature fails, nothing about the card is shown.
    const i = digits.length - 60;
    const bad = await t.http('GET', `/V/${digits.slice(0, i)}${(Number(digits[i]) + 1) % 10}${digits.slice(i + 1)}`);
    expect(bad.body).toEqual({ signatureValid: false, message: expect.stringContaining('firma') });
  });

  it('publishes the public keys, with which an offline verifier checks the signature', async () => {
    const res = await t.http('GET', '/verificar/claves');
    expect(res.status).toBe(200);
    const [key] = res.body as Array<{ keyId: string; publicKeyPem: string; current: boolean }>;
    expect(key).toMatchObject({ keyId: 'K1', current: true });
    const p = parsePayload(payload);
    expect(verify(null, Buffer.from(`SEJ-QR1|${p.signedText}`), createPublicKey(key.publicKeyPem), p.signature)).toBe(true);
  });

  it('refuses a print run to a role that does not print', async () => {
    await expect(
      t.app.get(ProductionService).createPrintRun({ key: 'wf-2', holder: { type: 'DRSE', drseCode: 'SUR' }, studentIds: [1], actor: { id: 'x', role: 'RECURSOS_MATERIALES' } }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
