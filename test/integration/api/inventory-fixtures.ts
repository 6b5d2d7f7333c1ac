import { randomUUID } from 'node:crypto';
import { AcuseService } from '../../../src/inventory/acuse.service';
import type { ScopeWorld, TestApp } from '../../support/app';
import { pngPhoto, formWith } from '../../support/files';

/** Test data of the inventory endpoints, made through the API (and the acuse service where no endpoint creates one). */

export const CYCLE = '2026-2027';
export const OTHER_CYCLE = '2025-2026';

/** Registers 2026-2027 (current) and 2025-2026 unless a current cycle already exists. */
export async function ensureCycles(t: TestApp): Promise<string> {
  const em = t.db.orm.em.fork();
  const current = await em.execute<Array<{ code: string }>>('select code from school_cycle where is_current');
  if (current.length > 0) return current[0].code;
  await em.execute(
    `insert into school_cycle (code, starts_on, ends_on, is_current) values (?, '2026-08-24', '2027-07-09', true), (?, '2025-08-25', '2026-07-10', false)
     on conflict do nothing`,
    [CYCLE, OTHER_CYCLE],
  );
  return CYCLE;
}

export async function holderId(t: TestApp, token: string | undefined, query: string): Promise<number> {
  const res = await t.http('GET', `/inventory/holders?${query}`, { token });
  if (res.status !== 200 || res.body.items.length !== 1) throw new Error(`holder ${query} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items[0].id as number;
}

/** POST that must succeed; returns the body. */
export async function ok(t: TestApp, token: string | undefined, path: string, json: unknown, expected = [200, 201]) {
  const res = await t.http('POST', path, { token, json });
  if (!expected.includes(res.status)) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface InventoryWorld {
  centralId: number;
  vallesId: number;
  ticketId: number;
  equipmentId: number;
  failureId: number;
  acuseId: number;
}

const worlds = new WeakMap<TestApp, Promise<InventoryWorld>>();
/** The ids of the last world built, for synchronous checks (the matrix's `sees`). */
export const inventoryIds: InventoryWorld = { centralId: 0, vallesId: 0, ticketId: 0, equipmentId: 0, failureId: 0, acuseId: 0 };

/** One set of inventory data around the matrix's target DRSE (VALLES) and school, made once per app. */
export function inventoryWorld(w: ScopeWorld, t: TestApp): Promise<InventoryWorld> {
  let world = worlds.get(t);
  if (!world) {
    world = buildWorld(w, t);
    worlds.set(t, world);
  }
  return world;
}

async function buildWorld(w: ScopeWorld, t: TestApp): Promise<InventoryWorld> {
  await ensureCycles(t);
  const admin = w.tokens.ADMIN;
  const centralId = await holderId(t, admin, 'kind=CENTRAL');
  const vallesId = await holderId(t, admin, 'drseCode=VALLES&kind=DRSE');
  await ok(t, admin, `/inventory/holders/${centralId}/receipts`, { lines: [{ item: 'MICA', quantity: 100000 }, { item: 'TESLIN', quantity: 80000 }], reason: 'Existencia para la matriz' });
  const ticket = await openTicket(t, admin);
  const equipment = await ok(t, admin, '/equipment', { holderId: vallesId, kind: 'PRINTER', serialNumber: `MATRIZ-${randomUUID().slice(0, 8)}` });
  const failure = await ok(t, admin, `/equipment/${equipment.id}/failures`, { description: 'No jala el papel Teslin.' });
  const acuseId = await schoolAcuse(w, t, vallesId);
  const form = formWith('archivo', pngPhoto(5), 'acuse-firmado.png', 'image/png');
  const scan = await t.http('POST', `/acuses/${acuseId}/signed-scan`, { token: admin, form });
  if (scan.status !== 201) throw new Error(`signed scan → ${scan.status} ${JSON.stringify(scan.body)}`);
  return Object.assign(inventoryIds, { centralId, vallesId, ticketId: ticket.id, equipmentId: equipment.id, failureId: failure.id, acuseId });
}

/** A MATERIAL_ESCUELA acuse from the VALLES warehouse to the target school (no endpoint creates these: procedures do). */
export async function schoolAcuse(w: ScopeWorld, t: TestApp, vallesId: number): Promise<number> {
  const acuse = await t.app.get(AcuseService).create({
    key: `matriz-acuse-${randomUUID()}`,
    actor: { id: w.users.ADMIN!.id, role: 'ADMIN' },
    kind: 'MATERIAL_ESCUELA',
    fromHolderId: vallesId,
    schoolId: w.school.id,
    lines: [{ item: 'MICA', quantity: 10 }],
  });
  return acuse.acuseId;
}

export async function openTicket(t: TestApp, token: string | undefined, drseCode = 'VALLES', lines = [{ item: 'MICA', quantity: 20 }]) {
  return ok(t, token, '/supply-tickets', { drseCode, lines, justification: 'Se agotaron las micas del ciclo.' });
}

/** A ticket of VALLES advanced by central staff to `until`. */
export async function ticketAt(t: TestApp, admin: string | undefined, until: 'OPEN' | 'UNDER_REVIEW' | 'APPROVED' | 'SHIPPED') {
  const ticket = await openTicket(t, admin);
  if (until === 'OPEN') return { ticketId: ticket.id as number, shipmentId: 0 };
  await ok(t, admin, `/supply-tickets/${ticket.id}/review`, {});
  if (until === 'UNDER_REVIEW') return { ticketId: ticket.id as number, shipmentId: 0 };
  await ok(t, admin, `/supply-tickets/${ticket.id}/approve`, {});
  if (until === 'APPROVED') return { ticketId: ticket.id as number, shipmentId: 0 };
  const shipped = await ok(t, admin, `/supply-tickets/${ticket.id}/shipments`, { lines: [{ item: 'MICA', quantity: 20 }] });
  return { ticketId: ticket.id as number, shipmentId: shipped.shipmentId as number };
}
