import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../src/access';
import { HolderService } from '../../../src/inventory/holder.service';
import { INVENTORY_CONFIG, InventoryConfig } from '../../../src/inventory/inventory-config';
import { StockService } from '../../../src/inventory/stock.service';
import { Credential } from '../../../src/production/entities';
import { ProductionService } from '../../../src/production/production.service';
import type { ScopeWorld, TestApp } from '../../support/app';
import { ensureCycles } from './inventory-fixtures';

/** Test data of the production endpoints: cards issued through the service (as a workflow would), the rest over HTTP. */

export const today = (): string => new Date().toISOString().slice(0, 10);

/** The card row of a student in a run (folio, signed QR payload). */
export async function cardOf(t: TestApp, studentId: number, runId?: number): Promise<Credential> {
  return t.db.orm.em.fork().findOneOrFail(Credential, runId ? { studentId, runId } : { studentId }, { orderBy: { id: 'desc' } });
}

/** Issues one card for a new student of `schoolId` (DRSE `drseCode` prints) and returns its row. */
export async function issuedCard(t: TestApp, schoolId: number, drseCode: string, actor: Actor): Promise<Credential> {
  const student = await t.createStudent(schoolId);
  const run = await t.app.get(ProductionService).createPrintRun({ key: `prueba-${randomUUID()}`, holder: { type: 'DRSE', drseCode }, studentIds: [student.id], actor });
  if (run.runId === null) throw new Error(`no card issued: ${JSON.stringify(run.excluded)}`);
  return cardOf(t, student.id, run.runId);
}

export interface ProductionWorld {
  runId: number;
  /** A card of the target school issued by its DRSE (VALLES). */
  folio: string;
  payload: string;
  /** A recorded replacement of a student of the target school. */
  replacementId: number;
}

const worlds = new WeakMap<TestApp, Promise<ProductionWorld>>();
/** The ids of the last world built, for the matrix's synchronous `sees`. */
export const productionIds: ProductionWorld = { runId: 0, folio: '', payload: '', replacementId: 0 };

/** A print run of the VALLES DRSE for the matrix's target school, and a replacement there; made once per app. */
export function productionWorld(w: ScopeWorld, t: TestApp): Promise<ProductionWorld> {
  let world = worlds.get(t);
  if (!world) {
    world = buildWorld(w, t);
    worlds.set(t, world);
  }
  return world;
}

async function buildWorld(w: ScopeWorld, t: TestApp): Promise<ProductionWorld> {
  await ensureCycles(t);
  const production = t.app.get(ProductionService);
  const ce: Actor = { id: w.users.CONTROL_ESCOLAR_DENTRO!.id, role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'VALLES' };
  await stockForPrinting(t, { drseCode: 'VALLES' });
  const [a, b] = [await t.createStudent(w.school), await t.createStudent(w.school)];
  const run = await production.createPrintRun({ key: `matriz-${randomUUID()}`, holder: { type: 'DRSE', drseCode: 'VALLES' }, studentIds: [a.id, b.id], actor: ce });
  const card = await cardOf(t, a.id, run.runId!);
  const replacement = await production.recordReplacementPayment({
    key: `matriz-${randomUUID()}`,
    studentId: b.id,
    receiptNumber: `MATRIZ-${randomUUID().slice(0, 8)}`,
    paidOn: today(),
    amountCents: 2800,
    reason: 'PERDIDA',
    actor: { id: w.users.ADMIN!.id, role: 'ADMIN' },
  });
  Object.assign(productionIds, { runId: run.runId!, folio: card.folio, payload: card.qrPayload!, replacementId: replacement.replacementId });
  return { ...productionIds };
}

/** pdfinfo / pdftotext over a PDF buffer (poppler-utils). */
export function pdfTools(pdf: Buffer): { pages: number; info: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sej-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), info, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Row counts that must not move when a request is refused or only previews. */
export async function productionSnapshot(t: TestApp): Promise<string> {
  const em = t.db.orm.em.fork();
  const one = async (sql: string) => (await em.execute(sql)) as unknown[];
  return JSON.stringify({
    runs: await one('select count(*)::int as n from print_run'),
    cards: await one('select status, count(*)::int as n from credential group by status order by status'),
    events: await one('select count(*)::int as n from credential_event'),
    replacements: await one('select status, count(*)::int as n from card_replacement group by status order by status'),
    reports: await one('select count(*)::int as n from card_report'),
    folios: await one('select last_value::text, is_called from credential_folio_seq'),
    inFlight: await one(`select count(*)::int as n from idempotency_record where state = 'EN_CURSO'`),
  });
}

/**
 * Material for print runs (runs consume their holder's stock, R6/R7): a receipt at the holder of
 * whole packs — `sheets` Teslin sheets, as many micas and holograms of the cycle as slots, and ink
 * for as many planillas (whole sets). Returns the holder id.
 */
export async function stockForPrinting(t: TestApp, holder: { drseCode: string } | { schoolId: number }, sheets = 20, cycleCode = '2026-2027'): Promise<number> {
  await ensureCycles(t);
  const row = await t.app.get(HolderService).resolve(holder);
  const slots = sheets * 8;
  const perSet = t.app.get<InventoryConfig>(INVENTORY_CONFIG).planillasPerInkSet;
  await t.app.get(StockService).receive({
    key: `material-prueba-${randomUUID()}`,
    actor: { id: 'prueba-material', role: 'ADMIN' },
    holderId: row.id,
    cycleCode,
    lines: [
      { item: 'TESLIN', quantity: slots },
      { item: 'MICA', quantity: slots },
      { item: `HOLOGRAMA:${cycleCode}`, quantity: slots },
      { item: 'TINTA', quantity: Math.ceil(sheets / perSet) * perSet },
    ],
    reason: 'Material de prueba para corridas de impresión',
  });
  return row.id;
}
