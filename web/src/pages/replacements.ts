import { get, newKey, Page, post, qs, session } from '../api.js';
import { allSchools, allStudents, fullName, type Student } from '../catalog.js';
import { clear, field, fmtDay, h, input, select, table } from '../dom.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, messageBox, section } from '../ui.js';

interface Replacement {
  id: number;
  studentName: string;
  cct: string;
  receiptNumber: string;
  paidOn: string;
  amountCents: number;
  reason: string;
  status: string;
  revokedFolio: string;
  newFolio?: string;
}
interface CardReport {
  id: number;
  studentName: string;
  cct: string;
  folio: string;
  kind: string;
  reportedOn: string;
  actorRole: string;
  onBehalfOfSchool: boolean;
  replacementStatus: string | null;
}
const REASONS: [string, string][] = [['PERDIDA', 'Pérdida'], ['DANO', 'Daño'], ['ROBO', 'Robo']];
const REPORT_KINDS: [string, string][] = [['PERDIDA', 'Extravío'], ['ROBO', 'Robo'], ['DANO', 'Daño']];
const REPLACEMENT_STATE: Record<string, string> = { PENDIENTE: 'Pagada, pendiente de impresión', EMITIDA: 'Repuesta' };

/** Who reports for which school: a school for itself; DRSE staff for their schools without internet. */
async function reportSchools(): Promise<Array<{ id: number; label: string }>> {
  const actor = session.actor!;
  if (actor.role === 'ESCUELA') return actor.schoolId ? [{ id: actor.schoolId, label: '' }] : [];
  if (actor.role !== 'DRSE_CONTROL_ESCOLAR' && actor.role !== 'DRSE_PLANEACION') return [];
  return (await allSchools()).filter((s) => !s.hasInternet).map((s) => ({ id: s.id, label: `${s.name} · ${s.cct} ${s.turno}` }));
}

/** The loss report: from the moment it is sent, the public verification answers «reportada». */
async function reportForm(): Promise<HTMLElement | null> {
  const schools = await reportSchools();
  if (!schools.length) return null;
  const school = select('reportSchool', schools.map((s): [string, string] => [String(s.id), s.label]));
  const student = select('reportStudent', []);
  const kind = select('reportKind', REPORT_KINDS);
  const reportedOn = input('reportedOn', { type: 'date', required: true, value: new Date().toISOString().slice(0, 10) });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Reportar la credencial');
  const key = newKey();
  const loadStudents = async (): Promise<void> => {
    const withCard = (await allStudents(Number(school.value))).filter((s: Student) => s.currentCard);
    clear(student, ...withCard.map((s) => h('option', { value: String(s.id) }, `${fullName(s)} · folio ${s.currentCard!.folio}`)));
  };
  school.addEventListener('change', () => void loadStudents());
  await loadStudents();
  const form = h(
    'form',
    { class: 'grid-form' },
    schools.length > 1 || schools[0].label ? field('Escuela (sin internet, en su nombre)', school) : null,
    field('Alumno', student, 'Sólo alumnos con credencial vigente.'),
    field('Qué pasó', kind),
    field('Fecha del reporte', reportedOn),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await post('/replacements/reports', { studentId: Number(student.value), kind: kind.value, reportedOn: reportedOn.value }, key);
      await refreshPage();
    });
  });
  return section(
    'Reportar extravío, robo o daño',
    h('p', { class: 'hint' }, 'Desde el reporte, quien verifique la credencial la verá como no válida. La reposición se registra después, con el recibo de pago.'),
    form,
  );
}

/** R5: the payment receipt starts the replacement procedure (the old folio is revoked; the new card is printed, delivered and acknowledged). */
export async function replacementsPage(ctx: PageContext): Promise<void> {
  ctx.title('Reposición de credenciales');
  const list = await get<Page<Replacement>>(`/replacements${qs({ pageSize: 200 })}`);
  const reports = await get<Page<CardReport>>(`/replacements/reports${qs({ pageSize: 200 })}`);
  const reporting = await reportForm();
  if (reporting) ctx.main.append(reporting);
  ctx.main.append(
    table(
      'Credenciales reportadas',
      ['Alumno', 'Folio', 'Qué pasó', 'Reportada', 'Registró', 'Reposición'],
      reports.items.map((r) => [
        r.studentName,
        r.folio,
        REPORT_KINDS.find(([k]) => k === r.kind)?.[1] ?? r.kind,
        fmtDay(r.reportedOn),
        r.onBehalfOfSchool ? 'La DRSE, en nombre de la escuela' : r.actorRole === 'ESCUELA' ? 'La escuela' : 'Oficinas centrales',
        r.replacementStatus ? REPLACEMENT_STATE[r.replacementStatus] ?? r.replacementStatus : 'Falta el recibo de pago',
      ]),
    ),
  );
  ctx.main.append(
    table(
      'Reposiciones registradas',
      ['Alumno', 'Recibo', 'Pagado', 'Importe', 'Motivo', 'Folio revocado', 'Nuevo folio', 'Estado'],
      list.items.map((r) => [
        r.studentName,
        r.receiptNumber,
        fmtDay(r.paidOn),
        `$${(r.amountCents / 100).toFixed(2)}`,
        REASONS.find(([k]) => k === r.reason)?.[1] ?? r.reason,
        r.revokedFolio,
        r.newFolio ?? '—',
        r.status === 'PENDIENTE' ? 'Pendiente de impresión' : 'Emitida',
      ]),
    ),
  );
  // The school records it; its DRSE does for a school without internet (on its behalf).
  const schools = await reportSchools();
  if (!schools.length) return;
  const schoolSel = select('replacementSchool', schools.map((x): [string, string] => [String(x.id), x.label]));
  const student = select('studentId', []);
  const loadStudents = async (): Promise<void> => {
    const withCard = (await allStudents(Number(schoolSel.value))).filter((x: Student) => x.currentCard && !x.declined);
    clear(student, ...withCard.map((x) => h('option', { value: String(x.id) }, `${fullName(x)} · ${x.curp}`)));
  };
  schoolSel.addEventListener('change', () => void loadStudents());
  await loadStudents();
  const receipt = input('receiptNumber', { required: true, maxlength: 60 });
  const paidOn = input('paidOn', { type: 'date', required: true });
  const amount = input('amount', { type: 'number', min: 0, step: '0.01', value: '28.00', required: true, inputmode: 'decimal' });
  const reason = select('reason', REASONS);
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Registrar el pago y pedir la reposición');
  const key = newKey();
  const form = h(
    'form',
    { class: 'grid-form' },
    schools.length > 1 || schools[0].label ? field('Escuela (sin internet, en su nombre)', schoolSel) : null,
    field('Alumno', student),
    field('Número del recibo de pago', receipt, 'Recibo original de la oficina de recaudación.'),
    field('Fecha de pago', paidOn),
    field('Importe pagado (MXN)', amount, 'La tarifa del ciclo vigente.'),
    field('Motivo', reason),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await post('/replacements', { studentId: Number(student.value), receiptNumber: receipt.value.trim(), paidOn: paidOn.value, amountCents: Math.round(Number(amount.value) * 100), reason: reason.value }, key);
      await refreshPage();
    });
  });
  ctx.main.append(section('Registrar una reposición', form));
}
