import { get, newKey, Page, post, qs, session } from '../api.js';
import { allStudents, fullName } from '../catalog.js';
import { field, fmtDay, h, input, select, table } from '../dom.js';
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
const REASONS: [string, string][] = [['PERDIDA', 'Pérdida'], ['DANO', 'Daño'], ['ROBO', 'Robo']];

/** R5: the school records the payment receipt; the old folio is revoked and a new card is printed. */
export async function replacementsPage(ctx: PageContext): Promise<void> {
  ctx.title('Reposición de credenciales');
  const actor = session.actor!;
  const list = await get<Page<Replacement>>(`/replacements${qs({ pageSize: 200 })}`);
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
  if (actor.role !== 'ESCUELA' || !actor.schoolId) return;
  const students = (await allStudents(actor.schoolId)).filter((s) => !s.declined);
  const student = select('studentId', students.map((s): [string, string] => [String(s.id), `${fullName(s)} · ${s.curp}`]));
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
