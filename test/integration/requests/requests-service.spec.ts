import { TestingModule } from '@nestjs/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../../src/common/domain-error';
import { RequestReadModel } from '../../../src/requests/request-read-model';
import { RequestsService } from '../../../src/requests/requests.service';
import type { TransitionRecord } from '../../../src/procedures/procedure-activities.types';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ProductionService } from '../../../src/production/production.service';
import { actors, buildProcedureModule, CYCLE, inventory, seedSchool } from '../workflows/support/harness';

type Row = Record<string, unknown>;

describe(RequestsService.name, () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let sut: RequestsService;
  let readModel: RequestReadModel;
  let em: EntityManager;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ moduleRef } = await buildProcedureModule(db.url));
    sut = moduleRef.get(RequestsService);
    readModel = moduleRef.get(RequestReadModel);
    em = moduleRef.get(EntityManager);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  const record = (r: Partial<TransitionRecord> & Pick<TransitionRecord, 'workflowId' | 'requestId' | 'seq' | 'scope'>): TransitionRecord => ({
    procedure: 'PROCEDURE_1', chartVersion: 1, parentWorkflowId: null, fromState: null, toState: 'revisionPlaneacion', event: 'SUBMIT',
    status: 'EN_REVISION_PLANEACION', final: false, actor: { id: 'u1', role: 'ESCUELA' }, comment: null, at: '2026-11-01T10:00:00.000Z',
    openTask: { key: 'REVISION_PLANEACION', title: 'Revisar el oficio de la escuela', role: 'DRSE_PLANEACION', dueAt: '2026-11-04T10:00:00.000Z' },
    escalation: null,
    ...r,
  });

  it('creates a request once per oficio key and refuses an unknown school', async () => {
    const { school } = await seedSchool(em.fork(), { cct: '14EPR0001A', drseCode: 'ALTOS_SUR', matricula: 100, hasInternet: false, seed: 1 });
    const first = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'OF-1' });
    const second = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'OF-1' });
    expect(first).toMatchObject({ created: true, drseCode: 'ALTOS_SUR', printRoute: 'DRSE' });
    expect(second).toMatchObject({ created: false, requestId: first.requestId });
    await expect(sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: 999999, oficioKey: 'X' })).rejects.toMatchObject({ field: 'schoolId' });
    await expect(sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: ' ' })).rejects.toBeInstanceOf(DomainError);
  });

  it('records a transition once however often it is retried, and keeps the audit append-only', async () => {
    const { school } = await seedSchool(em.fork(), { cct: '14EPR0002B', drseCode: 'ALTOS_SUR', matricula: 100, hasInternet: false, seed: 2 });
    const { requestId } = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: school.id, oficioKey: 'OF-2' });
    const r = record({ workflowId: 'wf-2', requestId, seq: 0, scope: { drseCode: 'ALTOS_SUR', schoolId: school.id } });
    expect(await readModel.recordTransition(r)).toEqual({ requestId, applied: true });
    expect(await readModel.recordTransition(r)).toEqual({ requestId, applied: false });
    const counts = await em.fork().execute<Row[]>(
      `select (select count(*)::int from procedure_audit where request_id = ?) as audit, (select count(*)::int from procedure_task where request_id = ?) as tasks`,
      [requestId, requestId],
    );
    expect(counts).toEqual([{ audit: 1, tasks: 1 }]);
    await expect(em.fork().execute('update procedure_audit set comment = ? where request_id = ?', ['x', requestId])).rejects.toThrow(/solo inserción/);
    await expect(em.fork().execute('delete from procedure_audit where request_id = ?', [requestId])).rejects.toThrow(/solo inserción/);
  });

  it('lists the inbox of an actor by role and scope, with filters and pagination', async () => {
    const a = await seedSchool(em.fork(), { cct: '14EPR0003C', drseCode: 'COSTA_SUR', matricula: 100, hasInternet: false, seed: 3 });
    const b = await seedSchool(em.fork(), { cct: '14EPR0004D', drseCode: 'LAGUNAS', matricula: 100, hasInternet: false, seed: 4 });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { requestId } = await sut.createRequest({ procedure: 'PROCEDURE_1', schoolId: a.school.id, oficioKey: `A-${i}` });
      await readModel.recordTransition(record({ workflowId: `wf-a-${i}`, requestId, seq: 0, scope: { drseCode: 'COSTA_SUR', schoolId: a.school.id } }));
      ids.push(requestId);
    }
    const { requestId: other } = await sut.createRequest({ procedure: 'PROCEDURE_2', schoolId: b.school.id, oficioKey: 'B-1' });
    await readModel.recordTransition(record({ procedure: 'PROCEDURE_2', workflowId: 'wf-b', requestId: other, seq: 0, scope: { drseCode: 'LAGUNAS', schoolId: b.school.id } }));
    // One of COSTA_SUR's tasks expires.
    await readModel.recordTransition(record({
      workflowId: 'wf-a-4', requestId: ids[4], seq: 1, fromState: 'revisionPlaneacion', event: 'SLA_EXPIRED', openTask: null,
      scope: { drseCode: 'COSTA_SUR', schoolId: a.school.id }, actor: { id: 'sistema', role: 'SISTEMA' },
      escalation: { role: 'CONTROL_ESCOLAR_CENTRAL', title: 'Atender vencimiento: Revisar el oficio de la escuela' },
    }));

    const planeacion = actors('COSTA_SUR', a.school.id).planeacion;
    const page1 = await sut.inbox(planeacion, { pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items[0]).toMatchObject({ requestId: ids[4], overdue: true });
    const page3 = await sut.inbox(planeacion, { pageSize: 2, page: 3 });
    expect(page3.items).toHaveLength(1);
    expect((await sut.inbox(planeacion, { overdue: true })).items.map((i) => i.requestId)).toEqual([ids[4]]);
    expect((await sut.inbox(planeacion, { procedure: 'PROCEDURE_2' })).total).toBe(0);
    expect((await sut.inbox(actors('LAGUNAS', b.school.id).planeacion, { procedure: 'PROCEDURE_2', status: 'EN_REVISION_PLANEACION' })).items.map((i) => i.requestId)).toEqual([other]);
    expect((await sut.inbox(actors('COSTA_SUR', a.school.id).escuela)).total).toBe(0);
    const central = await sut.inbox(actors('X', 0).central);
    expect(central.items).toEqual([expect.objectContaining({ requestId: ids[4], kind: 'ESCALAMIENTO' })]);
  });

  it('records a replacement receipt once through production, refusing bad data with the field named', async () => {
    const { school, student } = await seedSchool(em.fork(), { cct: '14EPR0005E', drseCode: 'SURESTE', matricula: 100, hasInternet: false, seed: 5 });
    const actor = actors('SURESTE', school.id).escuela;
    const studentId = await student({ primerIngreso: true });
    await expect(sut.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: 'REP-0' })).rejects.toMatchObject({ field: 'studentId' });
    // The student's card of this cycle, issued by a real run of the DRSE (consuming its stock).
    await inventory(moduleRef).receive({ drseCode: 'SURESTE' }, [{ item: 'TESLIN', quantity: 8 }, { item: 'MICA', quantity: 1 }, { item: `HOLOGRAMA:${CYCLE}`, quantity: 1 }, { item: 'TINTA', quantity: 50 }], 'rep-stock');
    const run = await moduleRef.get(ProductionService, { strict: false }).createPrintRun({
      key: 'rep-run', holder: { type: 'DRSE', drseCode: 'SURESTE' }, studentIds: [studentId], actor: actors('SURESTE', school.id).controlEscolar,
    });
    const { requestId } = await sut.createRequest({ procedure: 'REPLACEMENT', schoolId: school.id, oficioKey: 'REP-1', studentId });
    const ok = await sut.recordPayment(requestId, { receiptNumber: 'RC-100', paidOn: '2026-10-01', amountCents: 2800 }, actor);
    expect(await sut.recordPayment(requestId, { receiptNumber: 'RC-100', paidOn: '2026-10-01', amountCents: 2800 }, actor)).toEqual(ok);
    expect(await em.fork().execute<Row[]>('select r.id, r.status, c.folio, c.status as card_status from card_replacement r join credential c on c.id = r.revoked_credential_id')).toEqual([
      { id: ok.paymentId, status: 'PENDIENTE', folio: run.firstFolio, card_status: 'REVOCADA' },
    ]);
    await expect(sut.recordPayment(requestId, { receiptNumber: 'RC-101', paidOn: '01/10/2026', amountCents: 2800 }, actor)).rejects.toMatchObject({ field: 'paidOn' });
    await expect(sut.recordPayment(requestId, { receiptNumber: 'RC-102', paidOn: '2026-10-01', amountCents: 0 }, actor)).rejects.toMatchObject({ field: 'amountCents' });
    await expect(sut.recordPayment(requestId, { receiptNumber: 'RC-103', paidOn: '2026-10-01', amountCents: 2500 }, actor)).rejects.toMatchObject({ field: 'amountCents' });
  });
});
