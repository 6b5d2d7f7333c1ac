/**
 * The statewide simulation's people, in a process of their own (bench/statewide.bench.ts starts
 * it): `clients` concurrent virtual users, each filing a Procedure 1 oficio through the HTTP API
 * and driving it to ENTREGADA with the scripted decision of each open task (the task's role's token;
 * the signed acuse as an upload), polling the request's detail as a person's page would. Replies
 * over the IPC channel with counts and latencies.
 */
import { performance } from 'node:perf_hooks';

export interface DriveJob {
  school: string;
  students: number[];
  /** Token per role (DRSE roles of the school's DRSE, ESCUELA of the school). */
  tokens: Record<string, string>;
  /** Leave it open after filing (the open-workflows phase). */
  fileOnly?: boolean;
}

export interface DriveCommand {
  cmd: 'drive';
  clients: number;
  jobs: DriveJob[];
  pollMs: number;
  timeoutMs: number;
}

export interface DriveReply {
  cmd: 'drive';
  wallMs: number;
  filed: number;
  complete: number;
  transitions: number;
  fileMs: number[];
  decisionMs: number[];
  detailMs: number[];
  errors5xx: number;
  /** Decisions answered 503 and sent again (counted in errors5xx too). */
  retried: number;
  failures: string[];
}

/** The scripted decision of each open task of Procedure 1 (the happy path). */
const SCRIPT: Record<string, string> = {
  REVISION_PLANEACION: 'ACCEPT',
  VALIDACION_CONTROL_ESCOLAR: 'VALIDATE',
  CONFIRMACION_PRODUCCION: 'PRODUCTION_CONFIRMED',
  ENTREGA: 'DELIVER',
};

const baseUrl = process.argv[2];
const PDF = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

async function call(method: string, path: string, token: string, body?: { json?: unknown; form?: FormData }): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body?.json !== undefined) headers['Content-Type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body?.form ?? (body?.json === undefined ? undefined : JSON.stringify(body.json)) });
  const text = await res.text();
  const ms = performance.now() - t0;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text: text.slice(0, 200) };
  }
  return { status: res.status, body: parsed, ms };
}

async function drive(m: DriveCommand): Promise<DriveReply> {
  const out: DriveReply = { cmd: 'drive', wallMs: 0, filed: 0, complete: 0, transitions: 0, fileMs: [], decisionMs: [], detailMs: [], errors5xx: 0, retried: 0, failures: [] };
  const fail = (why: string) => {
    if (out.failures.length < 20) out.failures.push(why);
  };
  const seen = (a: Answer) => {
    if (a.status >= 500) out.errors5xx++;
    return a;
  };
  let next = 0;
  const t0 = performance.now();
  const one = async (job: DriveJob, n: number): Promise<void> => {
    const form = new FormData();
    form.append('datos', JSON.stringify({ procedimiento: 'PROCEDURE_1', nuevos: job.students, continuan: [] }));
    form.append('oficio', new Blob([new Uint8Array(PDF(`Oficio ${job.school} ${n} ${Math.random()}`))], { type: 'application/pdf' }), 'oficio.pdf');
    const filed = seen(await call('POST', '/requests', job.tokens.ESCUELA, { form }));
    if (filed.status !== 201) return fail(`presentar → ${filed.status} ${JSON.stringify(filed.body).slice(0, 200)}`);
    out.fileMs.push(filed.ms);
    out.filed++;
    if (job.fileOnly) return;
    const id = Number(filed.body.id);
    const reader = job.tokens.DRSE_CONTROL_ESCOLAR;
    const deadline = performance.now() + m.timeoutMs;
    let lastKey = '';
    while (performance.now() < deadline) {
      const d = seen(await call('GET', `/requests/${id}`, reader));
      out.detailMs.push(d.ms);
      if (d.status !== 200) return fail(`detalle ${id} → ${d.status}`);
      const estado = String(d.body.estado);
      const task = d.body.tareaAbierta as { key: string; rol: string; descripcion?: string | null } | null;
      if (estado === 'ENTREGADA') {
        out.complete++;
        out.transitions += (d.body.linea as unknown[]).length;
        return;
      }
      if (['RECHAZADA', 'RETIRADA', 'CANCELADA'].includes(estado)) return fail(`solicitud ${id} terminó en ${estado}`);
      const stepKey = task ? `${task.key}:${String(d.body.linea && (d.body.linea as unknown[]).length)}` : '';
      if (estado === 'ESPERANDO_ACUSE' && task && stepKey !== lastKey) {
        const acuse = new FormData();
        acuse.append('archivo', new Blob([new Uint8Array(PDF(`Acuse firmado ${id}`))], { type: 'application/pdf' }), 'acuse-firmado.pdf');
        const r = seen(await call('POST', `/requests/${id}/signed-acuse`, job.tokens[task.rol] ?? reader, { form: acuse }));
        if (r.status !== 200) return fail(`acuse firmado ${id} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        out.decisionMs.push(r.ms);
        lastKey = stepKey;
        continue;
      }
      const evento = task ? SCRIPT[task.key] : undefined;
      if (task && evento && stepKey !== lastKey) {
        const r = seen(await call('POST', `/requests/${id}/decisions`, job.tokens[task.rol] ?? reader, { json: { evento, comentario: 'Simulación estatal.' } }));
        // 503 "reintente": a person retries after reading the page again (the decision may have been applied meanwhile).
        if (r.status === 503) {
          out.retried++;
          await new Promise((res) => setTimeout(res, 2 * m.pollMs));
          continue;
        }
        if (r.status !== 200) return fail(`decisión ${evento} ${id} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        out.decisionMs.push(r.ms);
        lastKey = stepKey;
        continue;
      }
      if (task && !evento && estado !== 'ESPERANDO_ACUSE') return fail(`solicitud ${id}: tarea sin guion ${task.key} (${estado}): ${task.descripcion ?? ''}`);
      await new Promise((r) => setTimeout(r, m.pollMs));
    }
    fail(`solicitud ${id}: sin terminar en ${m.timeoutMs} ms`);
  };
  await Promise.all(
    Array.from({ length: m.clients }, async () => {
      while (next < m.jobs.length) {
        const n = next++;
        try {
          await one(m.jobs[n], n);
        } catch (err) {
          fail(String(err));
        }
      }
    }),
  );
  out.wallMs = performance.now() - t0;
  return out;
}

process.on('message', (m: DriveCommand) => {
  void drive(m).then((r) => process.send!(r));
});
