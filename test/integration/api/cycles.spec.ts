import { CyclesService } from '../../../src/catalog/cycles.service';
import { resolveCycle } from '../../../src/inventory/stock-ledger';
import { ProductionService } from '../../../src/production/production.service';
import { startTestApp, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';
import { issuedCard, stockForPrinting, today } from './production-fixtures';

describe(CyclesService.name, () => {
  let t: TestApp;
  let admin: string;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => t.db.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.loginAs({ role: 'ADMIN' })).accessToken;
    await ensureCycles(t);
  });
  afterAll(async () => t?.close());

  it('keeps the tariff history, lets only ADMIN change it, and the replacement check reads it', async () => {
    const initial = await t.http('GET', '/cycles/2026-2027/tariffs', { token: admin });
    expect(initial.body).toMatchObject({ cycleCode: '2026-2027', currentCents: 2800, history: [{ cents: 2800, effectiveAt: null }] });
    const central = (await t.loginAs({ role: 'CONTROL_ESCOLAR_CENTRAL' })).accessToken;
    expect((await t.http('POST', '/cycles/2026-2027/tariffs', { token: central, json: { cents: 3000, reason: 'No le toca.' } })).status).toBe(403);
    const changed = await t.http('POST', '/cycles/2026-2027/tariffs', { token: admin, json: { cents: 3000, reason: 'Ley de Ingresos 2027.' } });
    expect(changed.status).toBe(200);
    expect(changed.body.currentCents).toBe(3000);
    expect(changed.body.history.map((h: { cents: number }) => h.cents)).toEqual([3000, 2800]);

    const school = await t.createSchool({ drse: 'VALLES' });
    await stockForPrinting(t, { drseCode: 'VALLES' }, 2);
    const card = await issuedCard(t, school.id, 'VALLES', { id: 'prueba', role: 'ADMIN' });
    const pay = (amountCents: number, receiptNumber: string) =>
      t.app.get(ProductionService).recordReplacementPayment({
        key: `tarifa-${receiptNumber}`,
        studentId: card.studentId!,
        receiptNumber,
        paidOn: today(),
        amountCents,
        reason: 'PERDIDA',
        actor: { id: 'prueba', role: 'ADMIN' },
      });
    await expect(pay(2800, 'REC-2800')).rejects.toThrow(/no coincide con la tarifa de reposición del ciclo 2026-2027 \(\$30\.00\)/);
    await expect(pay(3000, 'REC-3000')).resolves.toMatchObject({ replacementId: expect.any(Number) });
  });

  it('opens the next cycle: one current (enforced by the database), old cards stay valid, first entry resets, the hologram item switches', async () => {
    const school = await t.createSchool({ drse: 'VALLES' });
    await stockForPrinting(t, { drseCode: 'VALLES' }, 2);
    const card = await issuedCard(t, school.id, 'VALLES', { id: 'prueba', role: 'ADMIN' });
    const newcomer = await t.createStudent(school, { primerIngreso: true });

    const created = await t.http('POST', '/cycles', { token: admin, json: { code: '2027-2028', startsOn: '2027-08-23', endsOn: '2028-07-07' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ isCurrent: false, tariffCents: 2800, hologramItem: 'HOLOGRAMA:2027-2028' });
    expect((await t.http('POST', '/cycles', { token: admin, json: { code: '2027-2028', startsOn: '2027-08-23', endsOn: '2028-07-07' } })).status).toBe(409);

    const opened = await t.http('POST', '/cycles/2027-2028/open', { token: admin });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ cycle: { code: '2027-2028', isCurrent: true }, closed: '2026-2027' });
    expect(opened.body.nowContinuing).toBeGreaterThanOrEqual(1);
    const cycles = await t.http('GET', '/cycles', { token: admin });
    expect(cycles.body.items.filter((c: { isCurrent: boolean }) => c.isCurrent).map((c: { code: string }) => c.code)).toEqual(['2027-2028']);
    await expect(sql(`update school_cycle set is_current = true where code = '2026-2027'`)).rejects.toThrow(/school_cycle_one_current/);

    const holder = await t.http('GET', `/students/${card.studentId}`, { token: admin });
    expect(holder.body).toMatchObject({ primerIngreso: false, currentCard: { folio: card.folio, cycleCode: '2026-2027' }, hologramThisCycle: false });
    const [stored] = await sql<{ status: string }>('select status from credential where id = ?', [card.id]);
    expect(stored.status).toBe('EXPEDIDA');
    const fresh = await t.http('GET', `/students/${newcomer.id}`, { token: admin });
    expect(fresh.body).toMatchObject({ primerIngreso: true, hologramThisCycle: false });
    expect(fresh.body.currentCard).toBeUndefined();
    expect(await resolveCycle(t.db.orm.em.fork(), undefined)).toBe('2027-2028');

    expect((await t.http('POST', '/cycles/2026-2027/open', { token: admin })).status).toBe(409);
    expect((await t.http('POST', '/cycles/2027-2028/open', { token: admin })).body.nowContinuing).toBe(0);
  });

  it('records one hologram per student per cycle, also under concurrent confirmations', async () => {
    const school = await t.createSchool({ drse: 'SUR' });
    const a = await t.createStudent(school, { primerIngreso: false });
    const b = await t.createStudent(school, { primerIngreso: false });
    const esc = (await t.loginAs({ role: 'ESCUELA', schoolId: school.id })).accessToken;
    const first = await t.http('POST', `/schools/${school.id}/holograms`, { token: esc, json: { alumnos: [a.id] } });
    expect(first.status).toBe(200);
    expect(first.body.recorded).toBe(1);
    const again = await t.http('POST', `/schools/${school.id}/holograms`, { token: esc, json: { alumnos: [a.id, b.id] } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/uno solo por ciclo/);
    const [rowsB] = await sql<{ n: number }>('select count(*)::int as n from student_hologram where student_id = ?', [b.id]);
    expect(rowsB.n).toBe(0);

    const racers = await Promise.all(
      Array.from({ length: 4 }, () => t.http('POST', `/schools/${school.id}/holograms`, { token: esc, json: { alumnos: [b.id] } })),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const [rows] = await sql<{ n: number }>('select count(*)::int as n from student_hologram where student_id = ?', [b.id]);
    expect(rows.n).toBe(1);
    expect((await t.http('GET', `/students/${b.id}`, { token: esc })).body.hologramThisCycle).toBe(true);
    const other = await t.createSchool({ drse: 'SUR' });
    const stranger = await t.createStudent(other);
    expect((await t.http('POST', `/schools/${school.id}/holograms`, { token: esc, json: { alumnos: [stranger.id] } })).status).toBe(422);
  });
});
