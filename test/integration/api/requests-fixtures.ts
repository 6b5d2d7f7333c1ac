import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Worker } from '@temporalio/worker';
import { formWith, pdfDocument } from '../../support/files';
import type { HttpResult, ScopeWorld, TestApp } from '../../support/app';
import { connectTestTemporal, TestTemporal } from '../../support/temporal';

/** The multipart form of POST /requests: `datos` (JSON) and, unless `oficio` is null, a PDF scan. */
export function requestForm(datos: unknown, oficio: Buffer | null = pdfDocument(`Oficio ${Math.random()}`), filename = 'oficio.pdf', type = 'application/pdf'): FormData {
  const form = new FormData();
  form.append('datos', typeof datos === 'string' ? datos : JSON.stringify(datos));
  if (oficio) form.append('oficio', new Blob([new Uint8Array(oficio)], { type }), filename);
  return form;
}

/** A form with only a PDF in `oficio` (PUT /requests/:id/oficio). */
export function oficioForm(): FormData {
  return formWith('oficio', pdfDocument(`Oficio corregido ${Math.random()}`), 'oficio.pdf', 'application/pdf');
}

export function fileP1(t: TestApp, token: string, lists: { nuevos: number[]; continuan?: number[] }, headers: Record<string, string> = {}): Promise<HttpResult> {
  return t.http('POST', '/requests', { token, headers, form: requestForm({ procedimiento: 'PROCEDURE_1', nuevos: lists.nuevos, continuan: lists.continuan ?? [] }) });
}

/** A scanned, signed and sealed acuse (a PDF) in `archivo`. */
export function signedAcuseForm(): FormData {
  return formWith('archivo', pdfDocument(`Acuse firmado y sellado ${Math.random()}`), 'acuse-firmado.pdf', 'application/pdf');
}

/**
 * After DELIVER: waits until the request waits for its signed acuse, uploads the scan as `token`
 * (POST /requests/:id/signed-acuse) and waits until it is ENTREGADA. Returns the delivered detail.
 */
export async function uploadSignedAcuse(t: TestApp, token: string, id: number, readerToken = token): Promise<HttpResult> {
  await detailWhen(t, readerToken, id, 'ESPERANDO_ACUSE');
  const res = await t.http('POST', `/requests/${id}/signed-acuse`, { token, form: signedAcuseForm() });
  if (res.status !== 200) throw new Error(`signed acuse refused: ${res.status} ${JSON.stringify(res.body)}`);
  return detailWhen(t, readerToken, id, 'ENTREGADA');
}

/** Polls `read` until `done` holds (the workflow runs asynchronously); fails with the last value after `ms`. */
export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not reached; last value: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}

/** GET /requests/:id until its public status is `estado`. */
export function detailWhen(t: TestApp, token: string, id: number, estado: string, ms?: number): Promise<HttpResult> {
  return eventually(
    () => t.http('GET', `/requests/${id}`, { token }),
    // `linea` non-empty: the first transition is recorded (the query answers before that).
    (r) => r.status === 200 && r.body.estado === estado && r.body.fuente === 'FLUJO' && r.body.linea.length > 0,
    ms,
  );
}

const workers = new WeakMap<TestApp, Promise<void>>();

/**
 * A Temporal worker for an app started without one (the authorisation matrix): the real workflows
 * and activities on the app's task queue, shut down before the app closes.
 */
export function ensureWorker(t: TestApp): Promise<void> {
  let ready = workers.get(t);
  if (!ready) {
    ready = (async () => {
      if (t.temporal) return;
      const [{ WorkerModule }, { collectActivities }, { createWorker }] = await Promise.all([
        import('../../../src/worker.module'),
        import('../../../src/worker'),
        import('../../../src/temporal/worker-factory'),
      ]);
      const temporal: TestTemporal = await connectTestTemporal();
      const ctx: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
      const worker: Worker = await createWorker({ connection: temporal.nativeConnection, taskQueue: t.taskQueue, activities: collectActivities(ctx) });
      const run = worker.run();
      const close = t.close.bind(t);
      t.close = async () => {
        worker.shutdown();
        await run;
        await ctx.close();
        await temporal.close();
        await close();
      };
    })();
    workers.set(t, ready);
  }
  return ready;
}

/** A Procedure 1 request of the matrix's target school (for a new student), filed by ADMIN-free means (its school user), in Planeación's review. */
export async function matrixRequest(w: ScopeWorld, t: TestApp): Promise<number> {
  await ensureWorker(t);
  // A student of its own: a student is in one open Procedure 1 request at a time (409 otherwise).
  const student = await t.createStudent(w.school);
  const filed = await fileP1(t, w.tokens.ESCUELA_DENTRO!, { nuevos: [student.id] });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  await detailWhen(t, w.tokens.ADMIN!, filed.body.id, 'EN_REVISION_PLANEACION');
  await eventually(
    () => t.http('GET', `/requests/${filed.body.id}`, { token: w.tokens.ADMIN }),
    (r) => r.body.tareaAbierta?.key === 'REVISION_PLANEACION',
  );
  return filed.body.id as number;
}

const matrixWorlds = new WeakMap<TestApp, Promise<{ requestId: number }>>();
/** The ids of the last matrix world, for the synchronous `sees` checks. */
export const requestIds = { requestId: 0 };

/** One Procedure 1 request of the matrix's target school, awaiting Planeación (made once per app). */
export function requestsWorld(w: ScopeWorld, t: TestApp): Promise<{ requestId: number }> {
  let world = matrixWorlds.get(t);
  if (!world) {
    world = matrixRequest(w, t).then((requestId) => {
      requestIds.requestId = requestId;
      return { requestId };
    });
    matrixWorlds.set(t, world);
  }
  return world;
}

/** A fresh matrix request returned to the school for correction (Planeación of the target DRSE returns it). */
export async function returnedRequest(w: ScopeWorld, t: TestApp): Promise<number> {
  const id = await matrixRequest(w, t);
  const res = await t.http('POST', `/requests/${id}/decisions`, { token: w.tokens.PLANEACION_DENTRO, json: { evento: 'RETURN', comentario: 'Corrija la lista.' } });
  if (res.status !== 200) throw new Error(`return failed: ${res.status} ${JSON.stringify(res.body)}`);
  await detailWhen(t, w.tokens.ADMIN!, id, 'DEVUELTA_A_ESCUELA');
  return id;
}
