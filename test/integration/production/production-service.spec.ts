import { Credential, CredentialEvent, PrintRun, CardReplacement, CardReport } from '../../../src/production/entities';
import { ProductionService } from '../../../src/production/production.service';
import { Student } from '../../../src/catalog/entities';
import {
  BASE_URL,
  CENTRAL,
  createProductionFixture,
  drseActor,
  folioSequence,
  makeSchool,
  makeStudents,
  pdfTools,
  ProductionFixture,
} from './production-fixture';

describe(ProductionService.name, () => {
  let f: ProductionFixture;
  beforeAll(async () => {
    f = await createProductionFixture(4);
  });
  afterAll(async () => f?.close());

  const em = () => f.db.orm.em.fork();
  const VALLES = drseActor('VALLES');

  it('issues 17 cards on 3 planillas, voiding the 7 blank slots before the file exists, and renders them', async () => {
    const a = await makeSchool(em(), 'VALLES', 'DRSE', 'Escuela Primaria "Benito Juárez"');
    const b = await makeSchool(em(), 'VALLES', 'DRSE', 'Escuela Primaria "Niños Héroes"');
    const names = [
      // Names refuse markup since issue 11; an apostrophe still reaches the HTML, escaped.
      { nombres: "D'Artagnan", primerApellido: 'Peña', segundoApellido: 'Núñez' },
      { nombres: 'Begoña', primerApellido: 'Ibarra', segundoApellido: 'Zúñiga' },
      {
        nombres: 'María Guadalupe Esperanza de los Ángeles',
        primerApellido: 'Hernández de la Torre y Castañeda',
        segundoApellido: 'Fernández de Córdoba Sánchez-Villaseñor',
      },
    ];
    const students = [...(await makeStudents(f, a, 9, { names })), ...(await makeStudents(f, b, 8))];
    const before = await folioSequence(f.db.orm.em);

    const run = await f.sut.createPrintRun({ key: 'run-17', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: students.map((s) => s.id), actor: VALLES });

    expect(run).toMatchObject({ planillas: 3, cards: 17, voided: 7, excluded: [] });
    // Before any file: 24 folios taken from the sequence, 7 of them already voided (R7), 17 issued (R9).
    const stored = await em().find(Credential, { runId: run.runId! }, { orderBy: { planilla: 'asc', slot: 'asc' } });
    expect(stored).toHaveLength(24);
    const blanks = stored.filter((c) => c.kind === 'BLANCO');
    expect(blanks.map((c) => [c.planilla, c.status, !!c.voidedAt, !!c.voidReason])).toEqual(Array(7).fill([2, 'ANULADA', true, true]));
    expect(stored.filter((c) => c.kind === 'TARJETA').every((c) => c.status === 'EXPEDIDA')).toBe(true);
    expect((await em().findOneOrFail(PrintRun, { id: run.runId! })).pdfHash ?? null).toBeNull();
    const after = await folioSequence(f.db.orm.em);
    expect(after.lastValue - (before.isCalled ? before.lastValue : before.lastValue - 1)).toBe(24);
    // Ordered by school, then by name; folios follow the slots.
    const numbers = stored.map((c) => Number(c.folioNumber));
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(new Set(stored.slice(0, 9).map((c) => c.schoolId))).toEqual(new Set([a.id]));

    const pdf = await f.sut.getRunPdf(run.runId!);
    const runAfter = await em().findOneOrFail(PrintRun, { id: run.runId! });
    expect(runAfter.renderedAt!.getTime()).toBeGreaterThanOrEqual(Math.max(...blanks.map((c) => c.voidedAt!.getTime())));
    const tools = pdfTools(f, pdf, 'run17');
    const info = tools.info();
    expect(info).toMatch(/Pages:\s+3\b/);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = tools.text().replace(/\s+/g, ' ');
    for (const c of stored) expect(text).toContain(c.folio);
    expect(text).toContain("D'Artagnan Peña Núñez");
    expect(text).toContain('Begoña Ibarra Zúñiga');
    expect(text).toContain('Escuela Primaria "Niños Héroes"');
    expect(text).toContain('CANCELADO');

    // Every QR of a full sheet decodes (zbarimg) at 150 dpi, as a phone sees a printed, laminated card
    // (issue 11: modules ≥ 0.5 mm), to the compact verification URL, and verifies as current.
    const codes = tools.qrCodes(1, 150);
    expect(codes).toHaveLength(8);
    const page1 = stored.filter((c) => c.planilla === 0);
    const base = BASE_URL.toUpperCase() + '/V/';
    for (const code of codes) {
      expect(code).toMatch(new RegExp(`^${base.replace(/[./]/g, '\\$&')}\\d{170,190}$`));
      const result = await f.verification.verify(code);
      expect(result).toMatchObject({ signatureValid: true, status: 'VIGENTE', cycleCode: '2026-2027', school: { cct: a.cct } });
      expect(page1.map((c) => c.folio)).toContain(result.folio);
      // The same signed claims as the stored (text form) payload, which still verifies.
      const card = page1.find((c) => c.folio === result.folio)!;
      expect(await f.verification.verify(card.qrPayload!)).toEqual(result);
      // No personal data in the code.
      for (const s of students) expect(code).not.toContain(s.curp);
      expect(JSON.stringify(result)).not.toMatch(/Peña|Begoña|Ibarra/);
    }
    expect(new Set(codes).size).toBe(8);
    // A tampered payload fails: another school (the last of its 11 digits, after the key id's 5) with the same signature.
    const i = base.length + 15;
    const tampered = codes[0].slice(0, i) + ((Number(codes[0][i]) + 1) % 10) + codes[0].slice(i + 1);
    expect(await f.verification.verify(tampered)).toEqual({ signatureValid: false, message: expect.stringContaining('firma') });

    // Consumption recorded once, with the run's key.
    expect(f.recorder.calls.map((c) => c.consumption)).toEqual([
      expect.objectContaining({ key: `print-run:${run.runId}`, cardsPrinted: 17, planillas: 3, voidedSlots: 7, micas: 17, inkPlanillas: 3 }),
    ]);

    // Re-render from stored cards (file lost): same folios, no folio assigned.
    const seqBefore = await folioSequence(f.db.orm.em);
    await em().nativeUpdate(PrintRun, { id: run.runId! }, { pdfHash: null });
    const again = pdfTools(f, await f.sut.getRunPdf(run.runId!), 'run17-again').text().replace(/\s+/g, ' ');
    for (const c of stored) expect(again).toContain(c.folio);
    expect(await folioSequence(f.db.orm.em)).toEqual(seqBefore);
    expect(await em().count(Credential, { runId: run.runId! })).toBe(24);
  });

  it('puts 16 cards on 2 planillas and voids nothing', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const students = await makeStudents(f, s, 16);
    const run = await f.sut.createPrintRun({ key: 'run-16', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: students.map((x) => x.id), actor: VALLES });
    expect(run).toMatchObject({ planillas: 2, cards: 16, voided: 0 });
    expect(await em().count(Credential, { runId: run.runId!, status: 'ANULADA' })).toBe(0);
    const tools = pdfTools(f, await f.sut.getRunPdf(run.runId!), 'run16');
    expect(tools.info()).toMatch(/Pages:\s+2\b/);
  });

  it('starts each school on a new planilla when asked, voiding the blanks of every school', async () => {
    const a = await makeSchool(em(), 'VALLES', 'DRSE');
    const b = await makeSchool(em(), 'VALLES', 'DRSE');
    const ids = [...(await makeStudents(f, a, 3)), ...(await makeStudents(f, b, 2))].map((x) => x.id);
    const run = await f.sut.createPrintRun({ key: 'run-per-school', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: ids, newPlanillaPerSchool: true, actor: VALLES });
    expect(run).toMatchObject({ planillas: 2, cards: 5, voided: 11 });
  });

  it('excludes and lists students without photo, who declined, already issued, or out of scope', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const onSite = await makeSchool(em(), 'VALLES', 'ESCUELA');
    const other = await makeSchool(em(), 'NORTE', 'DRSE');
    const ok = await makeStudents(f, s, 2);
    const [noPhoto] = await makeStudents(f, s, 1, { photo: false });
    const [declined] = await makeStudents(f, s, 1, { declined: true });
    const [prints] = await makeStudents(f, onSite, 1);
    const [far] = await makeStudents(f, other, 1);
    const first = await f.sut.createPrintRun({ key: 'run-excl-1', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [ok[0].id], actor: VALLES });
    expect(first.cards).toBe(1);

    const run = await f.sut.createPrintRun({
      key: 'run-excl-2',
      holder: { type: 'DRSE', drseCode: 'VALLES' },
      studentIds: [ok[0].id, ok[1].id, noPhoto.id, declined.id, prints.id, far.id, 999999],
      actor: VALLES,
    });
    expect(run.cards).toBe(1);
    const reasons = Object.fromEntries(run.excluded.map((e) => [e.studentId, e.reason]));
    expect(reasons).toEqual({
      [ok[0].id]: 'YA_EXPEDIDA',
      [noPhoto.id]: 'SIN_FOTOGRAFIA',
      [declined.id]: 'RECHAZADA',
      [prints.id]: 'RUTA_DE_IMPRESION',
      [far.id]: 'FUERA_DE_ALCANCE',
      999999: 'NO_ENCONTRADO',
    });
    expect(run.excluded.every((e) => e.detail.length > 10)).toBe(true);
    expect(await em().count(Credential, { studentId: { $in: [noPhoto.id, declined.id, prints.id, far.id] } })).toBe(0);
  });

  it('never issues a student twice when two runs for overlapping students start at the same time', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const students = await makeStudents(f, s, 12);
    const ids = students.map((x) => x.id);
    const [r1, r2] = await Promise.all([
      f.sut.createPrintRun({ key: 'race-1', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: ids.slice(0, 9), actor: VALLES }),
      f.sut.createPrintRun({ key: 'race-2', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: ids.slice(3), actor: VALLES }),
    ]);
    expect(r1.cards + r2.cards).toBe(12);
    const rows = await em().execute<Array<{ student_id: number; n: string }>>(
      `select student_id, count(*) as n from credential where student_id = any(?::int[]) and status = 'EXPEDIDA' group by student_id`,
      [`{${ids.join(',')}}`],
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    const loser = r1.excluded.length > 0 ? r1 : r2;
    expect(loser.excluded.map((e) => e.reason)).toEqual(Array(6).fill('YA_EXPEDIDA'));
  });

  it('is idempotent on the key and refuses the same key with other students', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const students = await makeStudents(f, s, 3);
    const input = { key: 'run-idem', holder: { type: 'DRSE' as const, drseCode: 'VALLES' }, studentIds: students.map((x) => x.id), actor: VALLES };
    const a = await f.sut.createPrintRun(input);
    const b = await f.sut.createPrintRun(input);
    expect(b).toMatchObject({ runId: a.runId, cards: 3, voided: 5, firstFolio: a.firstFolio, lastFolio: a.lastFolio });
    expect(await em().count(PrintRun, { key: 'run-idem' })).toBe(1);
    await expect(f.sut.createPrintRun({ ...input, studentIds: [students[0].id] })).rejects.toMatchObject({ field: 'key', status: 409 });
  });

  it('refuses roles that do not print and holders outside the actor scope', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const [st] = await makeStudents(f, s, 1);
    const base = { key: 'run-denied', holder: { type: 'DRSE' as const, drseCode: 'VALLES' }, studentIds: [st.id] };
    await expect(f.sut.createPrintRun({ ...base, actor: { id: 'u1', role: 'RECURSOS_MATERIALES' } })).rejects.toMatchObject({ status: 403 });
    await expect(f.sut.createPrintRun({ ...base, actor: drseActor('NORTE') })).rejects.toMatchObject({ status: 403, field: 'holder' });
    await expect(f.sut.createPrintRun({ ...base, holder: { type: 'DRSE', drseCode: 'no existe' } as never, actor: VALLES })).rejects.toMatchObject({ field: 'holder' });
    expect(await em().count(Credential, { studentId: st.id })).toBe(0);
  });

  it('previews watermarked cards without marking anything or using a folio', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const students = await makeStudents(f, s, 9);
    const seq = await folioSequence(f.db.orm.em);
    const cards = await em().count(Credential);
    const preview = await f.sut.preview({ holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: students.map((x) => x.id), actor: VALLES });
    expect(preview).toMatchObject({ planillas: 2, cards: 9, excluded: [] });
    expect(await folioSequence(f.db.orm.em)).toEqual(seq);
    expect(await em().count(Credential)).toBe(cards);
    const tools = pdfTools(f, preview.pdf, 'preview');
    expect(tools.info()).toMatch(/Pages:\s+2\b/);
    const text = tools.text('raw');
    expect(text.match(/MUESTRA — SIN VALIDEZ/g)).toHaveLength(9);
    expect(text).not.toMatch(/\d{4}-\d{7}-\d/);
    // The students can still be issued afterwards.
    const run = await f.sut.createPrintRun({ key: 'after-preview', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: students.map((x) => x.id), actor: VALLES });
    expect(run.cards).toBe(9);
  });

  it('lets only central staff unmark an issued card, with a reason, audited; the folio is void and never reused', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const [st] = await makeStudents(f, s, 1);
    const run = await f.sut.createPrintRun({ key: 'run-correct', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [st.id], actor: VALLES });
    const folio = run.firstFolio!;
    await expect(f.sut.correctIssuedCard({ folio, reason: 'Impresión de prueba por error', actor: VALLES })).rejects.toMatchObject({ status: 403 });
    await expect(f.sut.correctIssuedCard({ folio, reason: 'Impresión de prueba por error', actor: { id: 'a', role: 'ADMIN' } })).rejects.toMatchObject({ status: 403 });
    await expect(f.sut.correctIssuedCard({ folio, reason: '  ', actor: CENTRAL })).rejects.toMatchObject({ field: 'reason' });
    expect((await em().findOneOrFail(Credential, { folio })).status).toBe('EXPEDIDA');

    const done = await f.sut.correctIssuedCard({ folio, reason: 'Impresión de prueba por error', actor: CENTRAL });
    expect(done).toMatchObject({ folio, status: 'ANULADA', correctedById: CENTRAL.id });
    const again = await f.sut.correctIssuedCard({ folio, reason: 'otra vez lo mismo', actor: CENTRAL });
    expect(again.correctedAt).toEqual(done.correctedAt);
    const events = await em().find(CredentialEvent, { folio });
    expect(events.map((e) => [e.event, e.actorId, e.actorRole, e.reason])).toEqual([['CORRECCION', CENTRAL.id, 'CONTROL_ESCOLAR_CENTRAL', 'Impresión de prueba por error']]);

    const rerun = await f.sut.createPrintRun({ key: 'run-correct-2', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [st.id], actor: VALLES });
    expect(rerun.cards).toBe(1);
    expect(rerun.firstFolio).not.toBe(folio);
    expect(await em().count(Credential, { folio })).toBe(1);
  });

  it('replaces a lost card after a receipt for the tariff: old folio revoked, new card in the holder’s next run', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const [st] = await makeStudents(f, s, 1);
    const first = await f.sut.createPrintRun({ key: 'run-repl-1', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [st.id], actor: VALLES });
    const old = await em().findOneOrFail(Credential, { folio: first.firstFolio! });
    const school: typeof VALLES = { id: 'u-esc', role: 'ESCUELA', schoolId: s.id, drseCode: 'VALLES' };
    const payment = { key: 'pay-1', studentId: st.id, receiptNumber: 'rec-2026-0001', paidOn: '2026-10-01', amountCents: 2800, reason: 'PERDIDA' as const, actor: school };

    await expect(f.sut.recordReplacementPayment({ ...payment, amountCents: 2500 })).rejects.toMatchObject({ field: 'amountCents' });
    const recorded = await f.sut.recordReplacementPayment(payment);
    expect(recorded).toMatchObject({ revokedFolio: old.folio, status: 'PENDIENTE' });
    expect(await f.sut.recordReplacementPayment(payment)).toEqual(recorded);
    await expect(f.sut.recordReplacementPayment({ ...payment, key: 'pay-2' })).rejects.toMatchObject({ field: 'receiptNumber', status: 409 });
    expect((await em().findOneOrFail(Credential, { id: old.id })).status).toBe('REVOCADA');
    expect(await f.sut.pendingReplacements({ type: 'DRSE', drseCode: 'VALLES' })).toEqual([st.id]);

    // The DRSE's next run prints it even when not listed.
    const next = await f.sut.createPrintRun({ key: 'run-repl-2', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [], actor: VALLES });
    expect(next.cards).toBe(1);
    const fresh = await em().findOneOrFail(Credential, { runId: next.runId!, kind: 'TARJETA' });
    expect(fresh).toMatchObject({ studentId: st.id, status: 'EXPEDIDA' });
    expect(await em().findOneOrFail(Credential, { id: old.id })).toMatchObject({ status: 'REEMPLAZADA', replacedByFolio: fresh.folio });
    expect(await em().findOneOrFail(CardReplacement, { key: 'pay-1' })).toMatchObject({ status: 'EMITIDA', newCredentialId: fresh.id });
    expect(await f.sut.pendingReplacements({ type: 'DRSE', drseCode: 'VALLES' })).toEqual([]);
    expect((await em().find(CredentialEvent, { credentialId: old.id })).map((e) => e.event)).toEqual(['REVOCACION', 'REEMPLAZO']);

    const verifiedOld = await f.verification.verify(old.qrPayload!);
    expect(verifiedOld).toMatchObject({ signatureValid: true, status: 'REEMPLAZADA' });
    expect(await f.verification.verify(`${BASE_URL}/verificar/${fresh.qrPayload}`)).toMatchObject({ status: 'VIGENTE' });
  });

  it('refuses a replacement for a student without an issued card', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const [st] = await makeStudents(f, s, 1);
    await expect(
      f.sut.recordReplacementPayment({ key: 'pay-x', studentId: st.id, receiptNumber: 'REC-X-1', paidOn: '2026-10-01', amountCents: 2800, reason: 'ROBO', actor: CENTRAL }),
    ).rejects.toMatchObject({ field: 'studentId' });
    expect(await em().count(CardReplacement, { studentId: st.id })).toBe(0);
    expect(await em().count(Student, { id: st.id })).toBe(1);
  });

  it('a loss report makes the card «reportada» at once, once per card even under concurrent reports; the card stays the student’s until paid', async () => {
    const s = await makeSchool(em(), 'VALLES', 'DRSE');
    const [st] = await makeStudents(f, s, 1);
    const run = await f.sut.createPrintRun({ key: 'run-report-1', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [st.id], actor: VALLES });
    const card = await em().findOneOrFail(Credential, { folio: run.firstFolio! });
    const report = { studentId: st.id, kind: 'ROBO' as const, reportedOn: '2026-10-01', actor: CENTRAL, onBehalfSchoolId: null };

    await expect(f.sut.reportCard({ ...report, key: 'rep-bad', kind: 'OLVIDO' as never })).rejects.toMatchObject({ field: 'kind' });
    await expect(f.sut.reportCard({ ...report, key: 'rep-bad', reportedOn: '2999-01-01' })).rejects.toMatchObject({ field: 'reportedOn' });
    const results = await Promise.allSettled([1, 2, 3].map((n) => f.sut.reportCard({ ...report, key: `rep-${n}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409, 409]);
    expect(await em().count(CardReport, { credentialId: card.id })).toBe(1);
    expect((await em().find(CredentialEvent, { credentialId: card.id })).map((e) => e.event)).toEqual(['REPORTE']);
    expect(await f.verification.verify(card.qrPayload!)).toMatchObject({ status: 'REPORTADA', reportedOn: '2026-10-01' });
    // Not revoked yet: a run does not print the student again without the paid replacement.
    expect((await em().findOneOrFail(Credential, { id: card.id })).status).toBe('EXPEDIDA');
    const again = await f.sut.createPrintRun({ key: 'run-report-2', holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [st.id], actor: VALLES });
    expect(again.cards).toBe(0);
  });
});
