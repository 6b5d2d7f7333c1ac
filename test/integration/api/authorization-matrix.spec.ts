import { randomUUID } from 'node:crypto';
import { ProductionService } from '../../../src/production/production.service';
import { compactPayload } from '../../../src/production/qr-payload';
import { AuthGuard } from '../../../src/http/auth.guard';
import { formWith, pngPhoto, zipOf } from '../../support/files';
import { createScopeWorld, Persona, PERSONAS, ScopeWorld, startTestApp, TestApp } from '../../support/app';
import { ensureCycles, inventoryIds, inventoryWorld, schoolAcuse, ticketAt } from './inventory-fixtures';
import { issuedCard, productionIds, productionWorld, stockForPrinting, today } from './production-fixtures';
import { supportIds, openTicket, ticketWorld } from './support-fixtures';
import { ensureWorker, matrixRequest, oficioForm, requestForm, requestIds, requestsWorld, returnedRequest, signedAcuseForm } from './requests-fixtures';

/**
 * Every endpoint × every persona (each role inside and outside the target's scope, plus no login).
 * Expected answers, in PERSONAS order:
 *   ANON  ESC_IN ESC_OUT  PLA_IN PLA_OUT  CE_IN CE_OUT  TEC_IN TEC_OUT  RM  CEC  DGTI  ADMIN
 * A number is the HTTP status; SEE / HIDE mean 200 with the target in / not in the returned list.
 * ESC_OUT is a school of the SAME DRSE; the DRSE *_OUT personas belong to another DRSE.
 * To add an endpoint: add a row (and, if it needs data, a `prepare`).
 */
type Expected = number | 'SEE' | 'HIDE';

interface Request {
  path: string;
  json?: unknown;
  form?: FormData;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the OpenAPI document names it (to prove every operation has a row). */
  route: string;
  expect: string;
  request: (w: ScopeWorld, t: TestApp, persona: Persona) => Request | Promise<Request>;
  /** For SEE/HIDE: is the target in this list response? */
  sees?: (body: { items: { id: number }[] }, w: ScopeWorld) => boolean;
}

const csv = (curp: string) => Buffer.from(`CURP,NOMBRES,PRIMER_APELLIDO,SEGUNDO_APELLIDO,PRIMER_INGRESO\n${curp},Ana,Ruiz,Peña,SI\n`, 'utf8');
const schoolRow = { cct: '14EPR0999Z', turno: 'MATUTINO', nivel: 'PRIMARIA', nombre: 'Escuela de la matriz', domicilio: 'Calle 1', telefono: '3300000000', drse: 'VALLES', matricula: 100, internet: true };
const schoolCsv = Buffer.from('CCT,TURNO,NIVEL,NOMBRE,DOMICILIO,TELEFONO,DRSE,MATRICULA,INTERNET\n14EPR0999Z,MATUTINO,PRIMARIA,Escuela de la matriz,Calle 1,3300000000,VALLES,100,SI\n', 'utf8');
const hasId = (id: number) => (body: { items: { id: number }[] }) => body.items.some((i) => i.id === id);

let complaintId = 0;
let reportId = 0;

const ROWS: Row[] = [
  //                                                                   ANON ESC_IN ESC_OUT PLA_IN PLA_OUT CE_IN CE_OUT TEC_IN TEC_OUT RM  CEC DGTI ADMIN
  { name: 'salud', method: 'GET', route: '/health', expect:             '200  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/health' }) },
  { name: 'descifrar datos de Temporal', method: 'POST', route: '/temporal-codec/decode', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/temporal-codec/decode', json: { payloads: [] } }) },
  { name: 'cifrar datos de Temporal', method: 'POST', route: '/temporal-codec/encode', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/temporal-codec/encode', json: { payloads: [] } }) },
  { name: 'quién soy', method: 'GET', route: '/auth/me', expect:        '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/auth/me' }) },
  { name: 'lista de escuelas', method: 'GET', route: '/schools', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE SEE SEE',
    request: () => ({ path: '/schools?pageSize=200' }), sees: (b, w) => hasId(w.school.id)(b) },
  { name: 'una escuela', method: 'GET', route: '/schools/{id}', expect: '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: (w) => ({ path: `/schools/${w.school.id}` }) },
  { name: 'importar escuelas (CSV)', method: 'POST', route: '/schools/import', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 200 403 200',
    request: () => ({ path: '/schools/import?simular=true', form: formWith('archivo', schoolCsv, 'escuelas.csv', 'text/csv') }) },
  { name: 'importar escuelas (JSON)', method: 'POST', route: '/schools/import.json', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 200 403 200',
    request: () => ({ path: '/schools/import.json?simular=true', json: { escuelas: [schoolRow] } }) },
  { name: 'editar escuela', method: 'PATCH', route: '/schools/{id}', expect:
                                                                        '401  403    403     403    403     200   404    403    403     403 200 403 200',
    request: (w) => ({ path: `/schools/${w.school.id}`, json: { matricula: w.school.matricula } }) },
  { name: 'historial de una escuela', method: 'GET', route: '/schools/{id}/changes', expect:
                                                                        '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: (w) => ({ path: `/schools/${w.school.id}/changes` }) },
  { name: 'contactos de ayuda', method: 'GET', route: '/support/contacts', expect:
                                                                        '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/support/contacts' }) },
  { name: 'cambiar contactos de ayuda', method: 'PUT', route: '/support/contacts/{drseCode}', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/support/contacts/VALLES', json: { contactos: [{ area: 'Tecnologías de la DRSE', telefono: '3330307500', correo: 'tecnologias.valles@jalisco.gob.mx' }] } }) },
  // Support tickets (R10). The target school (with internet) opens; DRSE staff may open only for a school without internet.
  { name: 'abrir ticket de soporte', method: 'POST', route: '/support-tickets', expect:
                                                                        '401  201    404     403    404     403   404    403    403     403 403 403 403',
    request: (w) => ({ path: '/support-tickets', json: { tipo: 'DUDA', descripcion: 'Duda de la matriz de autorización.', escuela: w.school.id } }) },
  { name: 'tickets de soporte', method: 'GET', route: '/support-tickets', expect:
                                                                        '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE SEE SEE',
    request: async (w, t) => {
      await ticketWorld(w, t);
      return { path: '/support-tickets?pageSize=200' };
    },
    sees: (b) => hasId(supportIds.ticketId)(b) },
  { name: 'un ticket de soporte', method: 'GET', route: '/support-tickets/{id}', expect:
                                                                        '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/support-tickets/${await ticketWorld(w, t)}` }) },
  // A fresh ticket per persona, at Tecnologías' step: only the target DRSE's Tecnologías resolves it.
  { name: 'decidir un ticket de soporte', method: 'POST', route: '/support-tickets/{id}/decisions', expect:
                                                                        '401  403    404     403    404     403   404    200    404     403 403 403 403',
    request: async (w, t) => ({ path: `/support-tickets/${await openTicket(w, t)}/decisions`, json: { evento: 'RESOLVE', comentario: 'Resuelto en la matriz.' } }) },
  { name: 'bitácora del trabajo de la escuela', method: 'GET', route: '/schools/{id}/work-log', expect:
                                                                        '401  200    404     200    404     200   404    403    403     403 200 403 200',
    request: (w) => ({ path: `/schools/${w.school.id}/work-log` }) },
  { name: 'DRSE y Sub-DRSE', method: 'GET', route: '/drses', expect:   '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/drses' }) },
  { name: 'alta de Sub-DRSE', method: 'POST', route: '/drses', expect:  '401  403    403     403    403     403   403    403    403     403 403 403 201',
    request: () => ({ path: '/drses', json: { code: 'VALLES_MATRIZ', name: 'Sub DRSE de la matriz', seat: 'Tala', parentCode: 'VALLES' } }) },
  { name: 'editar DRSE', method: 'PATCH', route: '/drses/{code}', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/drses/VALLES', json: { seat: 'Ameca' } }) },
  { name: 'ciclos escolares', method: 'GET', route: '/cycles', expect:  '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/cycles' }) },
  { name: 'crear ciclo', method: 'POST', route: '/cycles', expect:        '401  403    403     403    403     403   403    403    403     403 403 403 201',
    request: () => ({ path: '/cycles', json: { code: '2030-2031', startsOn: '2030-08-26', endsOn: '2031-07-11' } }) },
  // Opening the cycle that is already current: allowed to ADMIN and changes nothing for the other rows.
  { name: 'abrir ciclo', method: 'POST', route: '/cycles/{code}/open', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: async (w, t) => ({ path: `/cycles/${await ensureCycles(t)}/open` }) },
  { name: 'tarifa de reposición', method: 'GET', route: '/cycles/{code}/tariffs', expect:
                                                                        '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: async (w, t) => ({ path: `/cycles/${await ensureCycles(t)}/tariffs` }) },
  // On the previous cycle, so the replacement rows keep paying the current tariff.
  { name: 'cambiar tarifa', method: 'POST', route: '/cycles/{code}/tariffs', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: async (w, t) => ({ path: `/cycles/${(await ensureCycles(t)) === '2026-2027' ? '2025-2026' : '2026-2027'}/tariffs`, json: { cents: 2900, reason: 'Prueba de la matriz.' } }) },
  { name: 'confirmar hologramas', method: 'POST', route: '/schools/{id}/holograms', expect:
                                                                        '401  200    404     403    403     200   404    403    403     403 200 403 200',
    request: async (w, t) => {
      await ensureCycles(t);
      return { path: `/schools/${w.school.id}/holograms`, json: { alumnos: [(await t.createStudent(w.school)).id] } };
    } },
  { name: 'lista de alumnos', method: 'GET', route: '/students', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE 403 SEE',
    request: () => ({ path: '/students?pageSize=200' }), sees: (b, w) => hasId(w.student.id)(b) },
  { name: 'un alumno', method: 'GET', route: '/students/{id}', expect:  '401  200    404     200    404     200   404    403    403     403 200 403 200',
    request: (w) => ({ path: `/students/${w.student.id}` }) },
  { name: 'foto de un alumno', method: 'GET', route: '/students/{id}/photo', expect:
                                                                        '401  200    404     200    404     200   404    403    403     403 200 403 200',
    request: (w) => ({ path: `/students/${w.student.id}/photo` }) },
  { name: 'registrar alumno', method: 'POST', route: '/students', expect: '401  201    404     403    404     403   404    403    403     403 201 403 201',
    request: (w, t) => ({ path: '/students', json: { curp: t.newCurp(), nombres: 'Ana', primerApellido: 'Ruiz', primerIngreso: true, schoolId: w.school.id } }) },
  { name: 'importar CSV', method: 'POST', route: '/students/import', expect:
                                                                        '401  200    404     403    404     403   404    403    403     403 200 403 200',
    request: (w, t) => ({ path: `/students/import?schoolId=${w.school.id}`, form: formWith('archivo', csv(t.newCurp()), 'alumnos.csv', 'text/csv') }) },
  { name: 'cargar foto', method: 'PUT', route: '/students/{id}/photo', expect:
                                                                        '401  200    404     403    404     403   404    403    403     403 200 403 200',
    request: (w) => ({ path: `/students/${w.student.id}/photo`, form: formWith('foto', pngPhoto(2), 'foto.png', 'image/png') }) },
  // Outside its scope a student's CURP is as unknown as a CURP nobody has: the entry is refused (422).
  { name: 'ZIP de fotos', method: 'POST', route: '/students/photos.zip', expect:
                                                                        '401  200    422     422    422     422   422    403    403     403 200 403 200',
    request: (w) => ({ path: '/students/photos.zip', form: formWith('archivo', zipOf({ [`${w.student.curp}.png`]: pngPhoto(3) }), 'fotos.zip', 'application/zip') }) },
  { name: 'declinar (R4)', method: 'POST', route: '/students/{id}/opt-out', expect:
                                                                        '401  200    404     403    404     403   404    403    403     403 200 403 200',
    request: (w) => ({ path: `/students/${w.student.id}/opt-out`, json: { reason: 'La familia no la desea.' } }) },
  { name: 'presentar queja (R4)', method: 'POST', route: '/complaints', expect:
                                                                        '401  201    404     201    404     201   404    403    403     403 201 403 201',
    request: (w) => ({ path: '/complaints', json: { schoolId: w.school.id, studentId: w.student.id, description: 'El director se negó a tramitar la credencial.' } }) },
  { name: 'lista de quejas', method: 'GET', route: '/complaints', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE 403 SEE',
    request: () => ({ path: '/complaints?pageSize=200' }), sees: (b) => hasId(complaintId)(b) },
  { name: 'atender queja', method: 'POST', route: '/complaints/{id}/resolve', expect:
                                                                        '401  403    403     403    403     200   404    403    403     403 200 403 200',
    request: async (w, t) => {
      const filed = await t.http('POST', '/complaints', { token: w.tokens.ADMIN, json: { schoolId: w.school.id, description: 'Queja para atender en la matriz.' } });
      return { path: `/complaints/${filed.body.id}/resolve`, json: { outcome: 'NO_PROCEDE', resolution: 'Se habló con el director.' } };
    } },
  // The target school has internet: its DRSE does not act for it (403); out of scope → 404.
  { name: 'revertir declinación (R4)', method: 'POST', route: '/students/{id}/opt-out/reversal', expect:
                                                                        '401  200    404     403    404     403   404    403    403     403 200 403 200',
    request: async (w, t) => {
      const student = await t.createStudent(w.school, { declined: true });
      return { path: `/students/${student.id}/opt-out/reversal`, json: { reason: 'La familia pide la credencial.' } };
    } },
  // Inventory (docs/api.md, "Inventario"). Target: the VALLES DRSE warehouse, a VALLES ticket, equipment and failure, an acuse to the target school.
  { name: 'almacenes', method: 'GET', route: '/inventory/holders', expect: '401  HIDE   HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE SEE SEE',
    request: async (w, t) => {
      await inventoryWorld(w, t);
      return { path: '/inventory/holders?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === inventoryIds.vallesId) },
  { name: 'existencias', method: 'GET', route: '/inventory/holders/{id}/balances', expect:
                                                                        '401  404    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/inventory/holders/${(await inventoryWorld(w, t)).vallesId}/balances` }) },
  { name: 'movimientos', method: 'GET', route: '/inventory/holders/{id}/ledger', expect:
                                                                        '401  404    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/inventory/holders/${(await inventoryWorld(w, t)).vallesId}/ledger?item=MICA` }) },
  { name: 'justificación (R6)', method: 'GET', route: '/inventory/holders/{id}/justification', expect:
                                                                        '401  404    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/inventory/holders/${(await inventoryWorld(w, t)).vallesId}/justification` }) },
  { name: 'umbrales', method: 'PUT', route: '/inventory/holders/{id}/thresholds', expect:
                                                                        '401  403    403     403    403     403   403    200    404     403 403 403 200',
    request: async (w, t) => ({ path: `/inventory/holders/${(await inventoryWorld(w, t)).vallesId}/thresholds`, json: { thresholds: [{ item: 'MICA', minimum: 10, target: 40 }] } }) },
  { name: 'entrada al central', method: 'POST', route: '/inventory/holders/{id}/receipts', expect:
                                                                        '401  403    403     403    403     403   403    403    403     201 403 403 201',
    request: async (w, t) => ({ path: `/inventory/holders/${(await inventoryWorld(w, t)).centralId}/receipts`, json: { lines: [{ item: 'MICA', quantity: 5 }] } }) },
  { name: 'ajuste', method: 'POST', route: '/inventory/holders/{id}/adjustments', expect:
                                                                        '401  404    404     403    403     403   403    201    404     403 403 403 201',
    request: async (w, t) => ({ path: `/inventory/holders/${(await inventoryWorld(w, t)).vallesId}/adjustments`, json: { item: 'MICA', delta: 1, reason: 'Conteo físico de la matriz.' } }) },
  { name: 'abrir ticket', method: 'POST', route: '/supply-tickets', expect: '401  403    403     403    403     403   403    201    404     403 403 403 201',
    request: async (w, t) => {
      await inventoryWorld(w, t);
      return { path: '/supply-tickets', json: { drseCode: 'VALLES', lines: [{ item: 'MICA', quantity: 5 }], justification: 'Ticket de la matriz.' } };
    } },
  { name: 'lista de tickets', method: 'GET', route: '/supply-tickets', expect: '401  403    403     SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE 403 SEE',
    request: async (w, t) => {
      await inventoryWorld(w, t);
      return { path: '/supply-tickets?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === inventoryIds.ticketId) },
  { name: 'un ticket', method: 'GET', route: '/supply-tickets/{id}', expect: '401  403    403     200    404     200   404    200    404     200 200 403 200',
    request: async (w, t) => ({ path: `/supply-tickets/${(await inventoryWorld(w, t)).ticketId}` }) },
  { name: 'revisar ticket', method: 'POST', route: '/supply-tickets/{id}/review', expect:
                                                                        '401  403    403     403    403     403   403    403    403     200 403 403 200',
    request: async (w, t) => ({ path: `/supply-tickets/${(await ticketAt(t, w.tokens.ADMIN, 'OPEN')).ticketId}/review` }) },
  { name: 'aprobar ticket', method: 'POST', route: '/supply-tickets/{id}/approve', expect:
                                                                        '401  403    403     403    403     403   403    403    403     200 403 403 200',
    request: async (w, t) => ({ path: `/supply-tickets/${(await ticketAt(t, w.tokens.ADMIN, 'UNDER_REVIEW')).ticketId}/approve`, json: { lines: [{ item: 'MICA', quantity: 10 }] } }) },
  { name: 'rechazar ticket', method: 'POST', route: '/supply-tickets/{id}/reject', expect:
                                                                        '401  403    403     403    403     403   403    403    403     200 403 403 200',
    request: async (w, t) => ({ path: `/supply-tickets/${(await ticketAt(t, w.tokens.ADMIN, 'UNDER_REVIEW')).ticketId}/reject`, json: { reason: 'Sin existencia central.' } }) },
  { name: 'cancelar ticket', method: 'POST', route: '/supply-tickets/{id}/cancel', expect:
                                                                        '401  403    403     403    403     403   403    200    404     200 403 403 200',
    request: async (w, t) => ({ path: `/supply-tickets/${(await ticketAt(t, w.tokens.ADMIN, 'OPEN')).ticketId}/cancel`, json: { reason: 'Se pidió por error.' } }) },
  { name: 'enviar material', method: 'POST', route: '/supply-tickets/{id}/shipments', expect:
                                                                        '401  403    403     403    403     403   403    403    403     201 403 403 201',
    request: async (w, t) => ({ path: `/supply-tickets/${(await ticketAt(t, w.tokens.ADMIN, 'APPROVED')).ticketId}/shipments`, json: { lines: [{ item: 'MICA', quantity: 8 }] } }) },
  { name: 'confirmar recepción', method: 'POST', route: '/supply-tickets/{id}/shipments/{shipmentId}/receipt', expect:
                                                                        '401  403    403     403    403     403   403    200    404     403 403 403 200',
    request: async (w, t) => {
      const { ticketId, shipmentId } = await ticketAt(t, w.tokens.ADMIN, 'SHIPPED');
      return { path: `/supply-tickets/${ticketId}/shipments/${shipmentId}/receipt` };
    } },
  { name: 'equipo', method: 'GET', route: '/equipment', expect:         '401  HIDE   HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE SEE SEE',
    request: async (w, t) => {
      await inventoryWorld(w, t);
      return { path: '/equipment?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === inventoryIds.equipmentId) },
  { name: 'registrar equipo', method: 'POST', route: '/equipment', expect: '401  403    403     403    403     403   403    201    404     201 403 403 201',
    request: async (w, t, persona) => ({ path: '/equipment', json: { holderId: (await inventoryWorld(w, t)).vallesId, kind: 'LAMINATOR', serialNumber: `MATRIZ-${persona}` } }) },
  { name: 'reportar falla', method: 'POST', route: '/equipment/{id}/failures', expect:
                                                                        '401  404    404     403    403     201   404    201    404     201 403 403 201',
    request: async (w, t) => ({ path: `/equipment/${(await inventoryWorld(w, t)).equipmentId}/failures`, json: { description: 'Falla reportada en la matriz.' } }) },
  { name: 'fallas turnadas', method: 'GET', route: '/equipment/failures', expect:
                                                                        '401  403    403     403    403     403   403    SEE    HIDE    SEE SEE SEE SEE',
    request: async (w, t) => {
      await inventoryWorld(w, t);
      return { path: '/equipment/failures?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === inventoryIds.failureId) },
  { name: 'atender falla', method: 'POST', route: '/equipment/failures/{id}/resolve', expect:
                                                                        '401  403    403     403    403     403   403    200    404     403 200 200 200',
    request: async (w, t) => {
      const { equipmentId } = await inventoryWorld(w, t);
      const failure = await t.http('POST', `/equipment/${equipmentId}/failures`, { token: w.tokens.ADMIN, json: { description: 'Falla para atender en la matriz.' } });
      return { path: `/equipment/failures/${failure.body.id}/resolve`, json: { resolution: 'Se reemplazó el fusor.' } };
    } },
  { name: 'acuses', method: 'GET', route: '/acuses', expect:            '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE SEE SEE',
    request: async (w, t) => {
      await inventoryWorld(w, t);
      return { path: '/acuses?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === inventoryIds.acuseId) },
  { name: 'un acuse', method: 'GET', route: '/acuses/{id}', expect:     '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/acuses/${(await inventoryWorld(w, t)).acuseId}` }) },
  { name: 'PDF del acuse', method: 'GET', route: '/acuses/{id}/pdf', expect:
                                                                        '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/acuses/${(await inventoryWorld(w, t)).acuseId}/pdf` }) },
  { name: 'cargar acuse firmado', method: 'POST', route: '/acuses/{id}/signed-scan', expect:
                                                                        '401  201    404     403    403     201   404    201    404     201 403 403 201',
    // A fresh acuse for the personas that may sign (rendering one costs a PDF); the others get the
    // world's acuse, already signed: wrongly let through, they would get 409, not their 403/404.
    request: async (w, t, persona) => {
      const world = await inventoryWorld(w, t);
      const signers: Persona[] = ['ESCUELA_DENTRO', 'CONTROL_ESCOLAR_DENTRO', 'TECNOLOGIAS_DENTRO', 'RECURSOS_MATERIALES', 'ADMIN'];
      const acuseId = signers.includes(persona) ? await schoolAcuse(w, t, world.vallesId) : world.acuseId;
      return { path: `/acuses/${acuseId}/signed-scan`, form: formWith('archivo', pngPhoto(6), 'firmado.png', 'image/png') };
    } },
  { name: 'acuse firmado', method: 'GET', route: '/acuses/{id}/signed-scan', expect:
                                                                        '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: async (w, t) => ({ path: `/acuses/${(await inventoryWorld(w, t)).acuseId}/signed-scan` }) },
  // Production (docs/api.md, "Producción"). Target: a VALLES DRSE run for the target school (the DRSE prints for it, R1), one of its cards, a replacement there.
  // ESC_IN's school is DRSE-routed: printing itself is a business refusal (422), not a role refusal.
  { name: 'corrida de impresión', method: 'POST', route: '/print-runs', expect:
                                                                        '401  422    404     403    403     201   404    403    403     403 201 403 201',
    request: async (w, t, persona) => {
      await productionWorld(w, t);
      const student = await t.createStudent(w.school);
      const central = persona === 'CONTROL_ESCOLAR_CENTRAL' || persona === 'ADMIN';
      return { path: '/print-runs', json: { studentIds: [student.id], ...(central ? { holder: { type: 'DRSE', drseCode: 'VALLES' } } : {}) } };
    } },
  { name: 'muestra de impresión', method: 'POST', route: '/print-runs/preview', expect:
                                                                        '401  422    404     403    403     200   404    403    403     403 200 403 200',
    request: async (w, t, persona) => {
      await productionWorld(w, t);
      const student = await t.createStudent(w.school);
      const central = persona === 'CONTROL_ESCOLAR_CENTRAL' || persona === 'ADMIN';
      return { path: '/print-runs/preview', json: { studentIds: [student.id], ...(central ? { holder: { type: 'DRSE', drseCode: 'VALLES' } } : {}) } };
    } },
  { name: 'corridas', method: 'GET', route: '/print-runs', expect:      '401  HIDE   HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE 403 SEE',
    request: async (w, t) => {
      await productionWorld(w, t);
      return { path: '/print-runs?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === productionIds.runId) },
  { name: 'una corrida', method: 'GET', route: '/print-runs/{id}', expect: '401  404    404     200    404     200   404    403    403     403 200 403 200',
    request: async (w, t) => ({ path: `/print-runs/${(await productionWorld(w, t)).runId}` }) },
  { name: 'PDF de la corrida', method: 'GET', route: '/print-runs/{id}/pdf', expect:
                                                                        '401  404    404     403    403     200   404    403    403     403 200 403 200',
    request: async (w, t) => ({ path: `/print-runs/${(await productionWorld(w, t)).runId}/pdf` }) },
  // Only central corrects (R9): a fresh card for it; the others get the world's card (wrongly let through, they would void it).
  { name: 'corregir credencial (R9)', method: 'POST', route: '/cards/{folio}/correction', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 200 403 403',
    request: async (w, t, persona) => {
      const world = await productionWorld(w, t);
      const folio = persona === 'CONTROL_ESCOLAR_CENTRAL'
        ? (await issuedCard(t, w.school.id, 'VALLES', { id: w.users.CONTROL_ESCOLAR_DENTRO!.id, role: 'DRSE_CONTROL_ESCOLAR', drseCode: 'VALLES' })).folio
        : world.folio;
      return { path: `/cards/${folio}/correction`, json: { reason: 'Credencial impresa por error en la matriz.' } };
    } },
  { name: 'bitácora de una credencial', method: 'GET', route: '/cards/{folio}/events', expect:
                                                                        '401  200    404     200    404     200   404    403    403     403 200 403 200',
    request: async (w, t) => ({ path: `/cards/${(await productionWorld(w, t)).folio}/events` }) },
  { name: 'registrar reposición (R5)', method: 'POST', route: '/replacements', expect:
                                                                        '401  201    404     403    404     403   404    403    403     403 201 403 201',
    // The receipt starts the replacement workflow (a worker runs it); the target school has internet: its DRSE → 403.
    request: async (w, t, persona) => {
      const ce = { id: w.users.CONTROL_ESCOLAR_DENTRO!.id, role: 'DRSE_CONTROL_ESCOLAR' as const, drseCode: 'VALLES' };
      await productionWorld(w, t);
      await ensureWorker(t);
      const card = await issuedCard(t, w.school.id, 'VALLES', ce);
      return { path: '/replacements', json: { studentId: card.studentId, receiptNumber: `MATRIZ-${persona.replace(/_/g, '-')}`, paidOn: today(), amountCents: 2800, reason: 'DANO' } };
    } },
  { name: 'reposiciones', method: 'GET', route: '/replacements', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE 403 SEE',
    request: async (w, t) => {
      await productionWorld(w, t);
      return { path: '/replacements?pageSize=200' };
    },
    sees: (b) => b.items.some((i) => i.id === productionIds.replacementId) },
  // The target school has internet: its DRSE does not report for it (403); central does.
  { name: 'reportar credencial (extravío, robo, daño)', method: 'POST', route: '/replacements/reports', expect:
                                                                        '401  201    404     403    404     403   404    403    403     403 201 403 201',
    request: async (w, t, persona) => {
      const ce = { id: w.users.CONTROL_ESCOLAR_DENTRO!.id, role: 'DRSE_CONTROL_ESCOLAR' as const, drseCode: 'VALLES' };
      await productionWorld(w, t);
      // One planilla per persona: material of its own, so the rows after it still print.
      if (persona === PERSONAS[0]) await stockForPrinting(t, { drseCode: 'VALLES' }, PERSONAS.length + 1);
      const card = await issuedCard(t, w.school.id, 'VALLES', ce);
      return { path: '/replacements/reports', json: { studentId: card.studentId, kind: 'PERDIDA', reportedOn: today() } };
    } },
  { name: 'credenciales reportadas', method: 'GET', route: '/replacements/reports', expect:
                                                                        '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE 403 SEE',
    request: async (w, t) => {
      if (!reportId) {
        const ce = { id: w.users.CONTROL_ESCOLAR_DENTRO!.id, role: 'DRSE_CONTROL_ESCOLAR' as const, drseCode: 'VALLES' };
        await productionWorld(w, t);
        await stockForPrinting(t, { drseCode: 'VALLES' }, 1);
        const card = await issuedCard(t, w.school.id, 'VALLES', ce);
        const report = await t.app.get(ProductionService).reportCard({ key: `matriz-${randomUUID()}`, studentId: card.studentId!, kind: 'ROBO', reportedOn: today(), actor: ce, onBehalfSchoolId: null });
        reportId = report.reportId;
      }
      return { path: '/replacements/reports?pageSize=200' };
    },
    sees: (b) => hasId(reportId)(b) },
  { name: 'manual de impresión', method: 'GET', route: '/manual/impresion.pdf', expect:
                                                                        '200  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/manual/impresion.pdf' }) },
  { name: 'claves públicas', method: 'GET', route: '/verificar/claves', expect:
                                                                        '200  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/verificar/claves' }) },
  { name: 'verificar credencial', method: 'GET', route: '/verificar/{payload}', expect:
                                                                        '200  200    200     200    200     200   200    200    200     200 200 200 200',
    request: async (w, t) => ({ path: `/verificar/${(await productionWorld(w, t)).payload}` }) },
  { name: 'verificar credencial impresa (forma compacta)', method: 'GET', route: '/V/{payload}', expect:
                                                                        '200  200    200     200    200     200   200    200    200     200 200 200 200',
    request: async (w, t) => ({ path: `/V/${compactPayload((await productionWorld(w, t)).payload)}` }) },
  // Requests (docs/api.md, "Trámites"). Target: a Procedure 1 request of the target school awaiting Planeación (a worker runs for these rows).
  // DRSE staff file only for a school without internet (datos.escuela); the target has internet → 403.
  { name: 'presentar oficio', method: 'POST', route: '/requests', expect: '401  201    201     403    404     403   404    403    403     403 403 403 403',
    // Each school files what its route allows (R1): the target school is printed for by its DRSE, the sibling prints on site.
    request: async (w, t, persona) => {
      await requestsWorld(w, t);
      const datos = persona === 'ESCUELA_FUERA'
        ? { procedimiento: 'PROCEDURE_2', material: { teslinSheets: 1, micas: 8, holograms: 8 }, justificacion: 'Oficio de material de la matriz.' }
        : { procedimiento: 'PROCEDURE_1', nuevos: [(await t.createStudent(w.school)).id], continuan: [], ...(persona.startsWith('ESCUELA') ? {} : { escuela: w.school.id }) };
      return { path: '/requests', form: requestForm(datos) };
    } },
  { name: 'lista de solicitudes', method: 'GET', route: '/requests', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE 403 SEE',
    request: async (w, t) => {
      await requestsWorld(w, t);
      return { path: '/requests?procedimiento=PROCEDURE_1&pageSize=100' };
    },
    sees: (b) => b.items.some((i) => i.id === requestIds.requestId) },
  { name: 'una solicitud', method: 'GET', route: '/requests/{id}', expect: '401  200    404     200    404     200   404    200    404     200 200 403 200',
    request: async (w, t) => ({ path: `/requests/${(await requestsWorld(w, t)).requestId}` }) },
  { name: 'oficio de una solicitud', method: 'GET', route: '/requests/{id}/oficio', expect:
                                                                        '401  200    404     200    404     200   404    200    404     200 200 403 200',
    request: async (w, t) => ({ path: `/requests/${(await requestsWorld(w, t)).requestId}/oficio` }) },
  // ACCEPT on a fresh request each time: Planeación decides; other roles in scope may not act on this task (403).
  { name: 'decidir', method: 'POST', route: '/requests/{id}/decisions', expect:
                                                                        '401  403    404     200    404     403   404    403    404     403 403 403 403',
    request: async (w, t) => ({ path: `/requests/${await matrixRequest(w, t)}/decisions`, json: { evento: 'ACCEPT' } }) },
  // A Procedure 1 request in Planeación's review: only the DRSE's Control Escolar collects its signed acuse (409: not yet); other roles 403.
  { name: 'acuse firmado', method: 'POST', route: '/requests/{id}/signed-acuse', expect:
                                                                        '401  403    404     403    404     409   404    403    404     403 403 403 403',
    request: async (w, t) => ({ path: `/requests/${(await requestsWorld(w, t)).requestId}/signed-acuse`, form: signedAcuseForm() }) },
  { name: 'retirar', method: 'POST', route: '/requests/{id}/withdraw', expect:
                                                                        '401  200    404     403    404     403   404    403    403     403 403 403 403',
    request: async (w, t, persona) => ({ path: `/requests/${persona === 'ESCUELA_DENTRO' ? await matrixRequest(w, t) : (await requestsWorld(w, t)).requestId}/withdraw`, json: {} }) },
  { name: 'corregir alumnos', method: 'PUT', route: '/requests/{id}/students', expect:
                                                                        '401  200    404     403    404     403   404    403    403     403 403 403 403',
    request: async (w, t, persona) => ({
      path: `/requests/${persona === 'ESCUELA_DENTRO' ? await returnedRequest(w, t) : (await requestsWorld(w, t)).requestId}/students`,
      json: { nuevos: [w.student.id], continuan: [] },
    }) },
  // The target is a Procedure 1 request: the school reaches the rule (409), not the scope or role refusals.
  { name: 'corregir material', method: 'PUT', route: '/requests/{id}/material', expect:
                                                                        '401  409    404     403    403     403   403    403    403     403 403 403 403',
    request: async (w, t) => ({ path: `/requests/${(await requestsWorld(w, t)).requestId}/material`, json: { material: { teslinSheets: 1, micas: 8, holograms: 8 } } }) },
  // Not returned to the school: 409 for the school; scope and role refusals first for the others.
  { name: 'reemplazar oficio', method: 'PUT', route: '/requests/{id}/oficio', expect:
                                                                        '401  409    404     403    404     403   404    403    403     403 403 403 403',
    request: async (w, t) => ({ path: `/requests/${(await requestsWorld(w, t)).requestId}/oficio`, form: oficioForm() }) },
  { name: 'bandeja', method: 'GET', route: '/inbox', expect:            '401  HIDE   HIDE    SEE    HIDE    HIDE  HIDE   HIDE   HIDE    HIDE HIDE HIDE HIDE',
    request: async (w, t) => {
      await requestsWorld(w, t);
      return { path: '/inbox?pageSize=100' };
    },
    sees: (b) => (b.items as unknown as Array<{ requestId: number }>).some((i) => i.requestId === requestIds.requestId) },
  { name: 'bandeja de todo', method: 'GET', route: '/inbox/items', expect: '401  HIDE   HIDE    SEE    HIDE    HIDE  HIDE   HIDE   HIDE    HIDE HIDE HIDE HIDE',
    request: async (w, t) => {
      await requestsWorld(w, t);
      return { path: '/inbox/items?tipo=TAREA&pageSize=100' };
    },
    sees: (b) => (b.items as unknown as Array<{ solicitudId: number | null }>).some((i) => i.solicitudId === requestIds.requestId) },
  { name: 'pendientes por tipo', method: 'GET', route: '/inbox/counts', expect:
                                                                        '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/inbox/counts' }) },
  { name: 'diagrama', method: 'GET', route: '/procedures/{procedure}/diagram', expect:
                                                                        '401  200    200     200    200     200   200    200    200     200 200 200 200',
    request: () => ({ path: '/procedures/PROCEDURE_1/diagram' }) },
  { name: 'cobertura', method: 'GET', route: '/reports/coverage', expect: '401  403    403     SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE 403 SEE',
    request: () => ({ path: '/reports/coverage' }),
    sees: (b) => (b as unknown as { drses: Array<{ code: string }> }).drses.some((d) => d.code === 'VALLES') },
  { name: 'cobertura (CSV)', method: 'GET', route: '/reports/coverage/csv', expect:
                                                                        '401  403    403     200    200     200   200    200    200     200 200 403 200',
    request: () => ({ path: '/reports/coverage/csv' }) },
  { name: 'cobertura de una DRSE', method: 'GET', route: '/reports/coverage/drses/{code}', expect:
                                                                        '401  403    403     200    404     200   404    200    404     200 200 403 200',
    request: () => ({ path: '/reports/coverage/drses/VALLES' }) },
  { name: 'cobertura de una DRSE (CSV)', method: 'GET', route: '/reports/coverage/drses/{code}/csv', expect:
                                                                        '401  403    403     200    404     200   404    200    404     200 200 403 200',
    request: () => ({ path: '/reports/coverage/drses/VALLES/csv' }) },
  { name: 'cobertura de una escuela', method: 'GET', route: '/reports/coverage/schools/{id}', expect:
                                                                        '401  200    404     200    404     200   404    200    404     200 200 200 200',
    request: (w) => ({ path: `/reports/coverage/schools/${w.school.id}` }) },
  { name: 'cuentas', method: 'GET', route: '/users', expect:            '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/users' }) },
  { name: 'deshabilitar una cuenta', method: 'POST', route: '/users/{id}/disable', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: async (_w, t) => ({ path: `/users/${(await t.createUser({ role: 'RECURSOS_MATERIALES' })).id}/disable` }) },
  { name: 'habilitar una cuenta', method: 'POST', route: '/users/{id}/enable', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: async (_w, t) => ({ path: `/users/${(await t.createUser({ role: 'RECURSOS_MATERIALES' })).id}/enable` }) },
  // A wrong current password: every role reaches the check (422), nothing changes.
  { name: 'cambiar la contraseña', method: 'POST', route: '/auth/password', expect:
                                                                        '401  422    422     422    422     422   422    422    422     422 422 422 422',
    request: () => ({ path: '/auth/password', json: { currentPassword: 'no-es-la-actual', newPassword: 'una frase larga cualquiera' } }) },
  { name: 'bitácora de seguridad', method: 'GET', route: '/security/events', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/security/events' }) },
  // Last: applying the kits adds stock to the world's holders.
  { name: 'kits iniciales (vista previa)', method: 'GET', route: '/inventory/initial-kits', expect:
                                                                        '401  403    403     403    403     403   403    403    403     200 403 403 200',
    request: () => ({ path: '/inventory/initial-kits' }) },
  { name: 'registrar kits iniciales', method: 'POST', route: '/inventory/initial-kits', expect:
                                                                        '401  403    403     403    403     403   403    403    403     403 403 403 200',
    request: () => ({ path: '/inventory/initial-kits', json: {} }) },
];

/** Operations deliberately outside the matrix, with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /auth/login': 'público; probado en auth.spec.ts',
  'POST /auth/refresh': 'público; probado en auth.spec.ts',
  'POST /auth/logout': 'cerraría las sesiones de la matriz; probado en auth.spec.ts',
  'POST /auth/logout-all': 'cerraría las sesiones de la matriz; probado en auth.spec.ts',
};

function parse(expect: string): Expected[] {
  const cells = expect.trim().split(/\s+/).map((c) => (c === 'SEE' || c === 'HIDE' ? c : Number(c)));
  if (cells.length !== PERSONAS.length) throw new Error(`row needs ${PERSONAS.length} cells: ${expect}`);
  return cells;
}

describe(AuthGuard.name, () => {
  let t: TestApp;
  let w: ScopeWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createScopeWorld(t);
    const filed = await t.http('POST', '/complaints', {
      token: w.tokens.ADMIN,
      json: { schoolId: w.school.id, description: 'Queja de la escuela destino para las listas.' },
    });
    complaintId = filed.body.id;
  });
  afterAll(async () => t?.close());

  it.each(ROWS.map((r) => [`${r.method} ${r.route} (${r.name})`, r] as const))('%s answers every persona as the table says', async (_, row) => {
    const expected = parse(row.expect);
    const got: string[] = [];
    const want: string[] = [];
    for (const [i, persona] of PERSONAS.entries()) {
      const req = await row.request(w, t, persona);
      const res = await t.http(row.method, req.path, { token: w.tokens[persona], json: req.json, form: req.form });
      const e = expected[i];
      let answer = String(res.status);
      if (e === 'SEE' || e === 'HIDE') {
        answer = res.status === 200 ? (row.sees!(res.body, w) ? 'SEE' : 'HIDE') : String(res.status);
      }
      got.push(`${persona}=${answer}`);
      want.push(`${persona}=${e}`);
      if (res.status >= 400) expect(res.contentType).toContain('application/problem+json');
    }
    expect(got).toEqual(want);
  });

  it("Sub-DRSE: its parent DRSE's staff see and act on its schools; the Sub-DRSE's staff see only their own", async () => {
    const created = await t.http('POST', '/drses', { token: w.tokens.ADMIN, json: { code: 'VALLES_SUR', name: 'Sub DRSE Valles Sur', seat: 'Cocula', parentCode: 'VALLES' } });
    expect(created.status).toBe(201);
    const nested = await t.http('POST', '/drses', { token: w.tokens.ADMIN, json: { code: 'VALLES_SUR_2', name: 'Otra', seat: 'Tala', parentCode: 'VALLES_SUR' } });
    expect(nested.status).toBe(422);
    const school = await t.createSchool({ drse: 'VALLES_SUR', matricula: 90 });
    const student = await t.createStudent(school);
    const sub = (await t.loginAs({ role: 'DRSE_PLANEACION', drse: 'VALLES_SUR' })).accessToken;
    const cases: Array<[string, string | undefined, string, string, unknown, number]> = [
      ['Planeación de la DRSE madre ve la escuela', w.tokens.PLANEACION_DENTRO, 'GET', `/schools/${school.id}`, undefined, 200],
      ['Planeación de otra DRSE no', w.tokens.PLANEACION_FUERA, 'GET', `/schools/${school.id}`, undefined, 404],
      ['Control Escolar de la madre ve al alumno', w.tokens.CONTROL_ESCOLAR_DENTRO, 'GET', `/students/${student.id}`, undefined, 200],
      ['Control Escolar de otra DRSE no', w.tokens.CONTROL_ESCOLAR_FUERA, 'GET', `/students/${student.id}`, undefined, 404],
      ['Control Escolar de la madre cambia la matrícula', w.tokens.CONTROL_ESCOLAR_DENTRO, 'PATCH', `/schools/${school.id}`, { matricula: 91 }, 200],
      ['Control Escolar de otra DRSE no', w.tokens.CONTROL_ESCOLAR_FUERA, 'PATCH', `/schools/${school.id}`, { matricula: 92 }, 404],
      ['la Sub-DRSE ve su escuela', sub, 'GET', `/schools/${school.id}`, undefined, 200],
      ['la Sub-DRSE no ve las de la madre', sub, 'GET', `/schools/${w.school.id}`, undefined, 404],
      ['Tecnologías de la madre ve la cobertura de la Sub-DRSE', w.tokens.TECNOLOGIAS_DENTRO, 'GET', '/reports/coverage/drses/VALLES_SUR', undefined, 200],
      ['Tecnologías de otra DRSE no', w.tokens.TECNOLOGIAS_FUERA, 'GET', '/reports/coverage/drses/VALLES_SUR', undefined, 404],
      ['Planeación de la madre ve la cobertura de la escuela', w.tokens.PLANEACION_DENTRO, 'GET', `/reports/coverage/schools/${school.id}`, undefined, 200],
      ['la Sub-DRSE ve su cobertura', sub, 'GET', '/reports/coverage/drses/VALLES_SUR', undefined, 200],
      ['la Sub-DRSE no ve la de la madre', sub, 'GET', '/reports/coverage/drses/VALLES', undefined, 404],
    ];
    const got = [];
    for (const [name, token, method, path, json] of cases) got.push(`${name}: ${(await t.http(method, path, { token, json })).status}`);
    expect(got).toEqual(cases.map(([name, , , , , status]) => `${name}: ${status}`));
    const list = await t.http('GET', '/schools?pageSize=200', { token: w.tokens.PLANEACION_DENTRO });
    expect(hasId(school.id)(list.body)).toBe(true);
    const filtered = await t.http('GET', '/schools?drse=VALLES_SUR', { token: w.tokens.PLANEACION_DENTRO });
    expect(filtered.body.items.map((s: { id: number }) => s.id)).toEqual([school.id]);
  });

  it('has a row for every operation of the OpenAPI document', async () => {
    const doc = (await t.http('GET', '/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set([...ROWS.map((r) => `${r.method} ${r.route}`), ...Object.keys(NOT_IN_MATRIX)]);
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });
});
