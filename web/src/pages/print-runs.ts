import { download, get, newKey, Page, post, qs, session } from '../api.js';
import { allSchools } from '../catalog.js';
import { field, fmtDate, h, select, table, uid } from '../dom.js';
import type { PageContext } from '../main.js';
import { act, messageBox, progress, section } from '../ui.js';

interface PrintRun {
  id: number;
  holder: { name: string };
  cycleCode: string;
  planillas: number;
  cards: number;
  voided: number;
  excludedCount: number;
  /** Students with a card in force: the cycle's hologram only, no new card (R3). */
  hologramOnlyCount: number;
  firstFolio?: string;
  lastFolio?: string;
  createdAt: string;
  pdfReady: boolean;
  /** The request whose procedure generated the run; null for a run made on this page. */
  requestId: number | null;
  excluded?: { studentId: number; reason: string; detail: string; studentName?: string }[];
  hologramOnly?: { studentId: number; studentName: string | null; folio: string; cardCycleCode: string }[];
}
const PRINTERS = ['ESCUELA', 'DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

/** Print runs: preview (watermarked, marks nothing), create (folios, R7 voids, R9 issue), download. */
export async function printRunsPage(ctx: PageContext): Promise<void> {
  ctx.title('Impresión de credenciales');
  const actor = session.actor!;
  const list = h('div');
  // Again after a run is generated, so the list never says «Sin registros.» under the new run.
  const showRuns = async () => {
    const runs = await get<Page<PrintRun>>(`/print-runs${qs({ pageSize: 50 })}`);
    list.replaceChildren(runsTable(runs));
  };
  await showRuns();
  const result = h('div', { 'aria-live': 'polite' });
  ctx.main.append(manualLink());
  if (PRINTERS.includes(actor.role)) ctx.main.append(await runForm(actor.role, actor.schoolId, result, showRuns), result);
  ctx.main.append(list);
}

function runsTable(runs: Page<PrintRun>): HTMLElement {
  return table(
    'Corridas de impresión',
    ['Corrida', 'Imprime', 'Solicitud', 'Ciclo', 'Planillas', 'Credenciales', 'Folios cancelados', 'Sólo holograma', 'Excluidos', 'Folios', 'PDF'],
    runs.items.map((r) => [
      `${r.id} · ${fmtDate(r.createdAt)}`, r.holder.name,
      r.requestId !== null ? h('a', { href: `#/solicitudes/${r.requestId}` }, `Solicitud #${r.requestId}`) : 'Ninguna',
      r.cycleCode, String(r.planillas), String(r.cards), String(r.voided), String(r.hologramOnlyCount ?? 0), String(r.excludedCount),
      r.firstFolio ? `${r.firstFolio} … ${r.lastFolio}` : '—', pdfButton(r),
    ]),
  );
}

/** The printing and lamination manual the lineamientos require inside the system (no session needed). */
export function manualLink(): HTMLElement {
  return h('p', { class: 'manual' }, 'Antes de imprimir y enmicar, siga el ', h('a', { href: '/manual/impresion.pdf', download: 'manual-impresion-credenciales.pdf' }, 'Manual para la impresión y el enmicado de credenciales (PDF)'), '.');
}

function pdfButton(r: PrintRun): HTMLElement {
  const box = messageBox();
  if (!PRINTERS.includes(session.actor!.role) || r.cards === 0) return h('span', null, '—');
  const b = h('button', { type: 'button', class: 'secondary' }, `Descargar planillas de la corrida ${r.id}`);
  b.addEventListener('click', () => {
    const p = progress(r.pdfReady ? 'Descargando…' : 'Generando el PDF de las planillas…');
    void act(b, box, async () => {
      box.replaceChildren(p);
      await download(`/print-runs/${r.id}/pdf`, `planillas-${r.id}.pdf`);
      box.ok('PDF listo.');
    });
  });
  return h('div', null, b, box);
}

async function runForm(role: string, schoolId: number | undefined, result: HTMLElement, onCreated: () => Promise<void>): Promise<HTMLElement> {
  let schoolsSel: HTMLSelectElement | null = null;
  const perSchool = h('input', { type: 'checkbox', id: uid('ps'), name: 'newPlanillaPerSchool' });
  if (role !== 'ESCUELA') {
    const schools = await allSchools({ printRoute: 'DRSE' });
    schoolsSel = select('schoolIds', schools.map((s): [string, string] => [String(s.id), `${s.cct} ${s.turno} · ${s.name}`]), { multiple: true, size: Math.min(6, Math.max(2, schools.length)) });
  }
  const box = messageBox();
  const previewBtn = h('button', { type: 'button', class: 'secondary' }, 'Ver muestra (sin validez)');
  const createBtn = h('button', { type: 'submit' }, 'Generar corrida (marca las credenciales como expedidas)');
  const body = () => ({
    schoolIds: schoolsSel ? Array.from(schoolsSel.selectedOptions).map((o) => Number(o.value)) : [schoolId!],
    ...(perSchool.checked ? { newPlanillaPerSchool: true } : {}),
  });
  let key = newKey();
  previewBtn.addEventListener('click', () => {
    const p = progress('Generando la muestra…');
    void act(previewBtn, box, async () => {
      box.replaceChildren(p);
      await download('/print-runs/preview', 'muestra.pdf', 'POST', body());
      box.ok('Muestra descargada: lleva la marca «MUESTRA — SIN VALIDEZ» y no usa folios.');
    });
  });
  const form = h(
    'form',
    null,
    schoolsSel ? field('Escuelas (Ctrl o Mayús para varias)', schoolsSel, 'Se imprimen todos sus alumnos con fotografía que no tengan credencial de este ciclo.') : h('p', null, 'Se imprimen los alumnos de su escuela con fotografía y sin credencial de este ciclo, más las reposiciones pendientes. Quien ya tiene credencial vigente recibe sólo el holograma del ciclo, y queda registrado.'),
    schoolsSel ? h('div', { class: 'check' }, perSchool, h('label', { for: perSchool.id }, 'Cada escuela empieza en una planilla nueva')) : null,
    h('div', { class: 'actions' }, previewBtn, createBtn),
    box,
  );
  const confirmHolder = h('div');
  form.insertBefore(confirmHolder, box);
  // Irreversible like every other step that confirms: folios are used, cards issued and material consumed.
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    box.reset();
    const who = schoolsSel ? `${body().schoolIds.length} escuela(s) elegida(s)` : 'su escuela';
    const go = h('button', { type: 'button' }, 'Confirmar: generar la corrida');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancelar');
    const panel = h(
      'div',
      { class: 'notice warn', role: 'group', 'aria-label': 'Confirmar la corrida' },
      h('p', null, h('strong', null, 'Esto no se puede deshacer. '), `Se expedirán las credenciales de ${who}: cada una usa un folio, una ranura de Teslin, una mica, un holograma y tinta, y queda marcada como expedida del ciclo.`),
      h('p', null, 'Si no lo ha hecho, revise antes la muestra (sin validez).'),
      h('div', { class: 'actions' }, go, cancel),
    );
    cancel.addEventListener('click', () => {
      confirmHolder.replaceChildren();
      createBtn.focus();
    });
    go.addEventListener('click', () => {
      confirmHolder.replaceChildren();
      create();
    });
    confirmHolder.replaceChildren(panel);
    go.focus();
  });
  const create = () => {
    const p = progress('Generando la corrida: folios, planillas de 8 y anulación de espacios en blanco…');
    void act(createBtn, box, async () => {
      box.replaceChildren(p);
      const run = await post<PrintRun>('/print-runs', body(), key);
      key = newKey();
      const holograms = run.hologramOnlyCount ? ` ${run.hologramOnlyCount} alumno(s) con credencial vigente reciben sólo el holograma del ciclo.` : '';
      box.ok(`Corrida ${run.id}: ${run.cards} credencial(es) en ${run.planillas} planilla(s), ${run.voided} espacio(s) cancelado(s).${holograms}`);
      result.replaceChildren(
        section(
          `Corrida ${run.id}`,
          h('p', null, run.firstFolio ? `Folios ${run.firstFolio} a ${run.lastFolio}.` : ''),
          run.hologramOnly?.length
            ? table(
                'Sólo holograma del ciclo (ya tienen credencial vigente)',
                ['Alumno', 'Credencial vigente'],
                run.hologramOnly.map((g) => [g.studentName ?? `Alumno ${g.studentId}`, `Folio ${g.folio}, ciclo ${g.cardCycleCode}`]),
              )
            : null,
          run.excluded?.length
            ? table('Alumnos excluidos', ['Alumno', 'Motivo'], run.excluded.map((e) => [e.studentName ?? `Alumno ${e.studentId}`, e.detail]))
            : h('p', null, 'Ningún alumno excluido.'),
          pdfButton(run),
        ),
      );
      void onCreated().catch(() => undefined);
    });
  };
  return section('Nueva corrida de impresión', form);
}
