import { get, newKey, Page, post, qs, session } from '../api.js';
import { allSchools, allStudents, fullName } from '../catalog.js';
import { clear, field, fmtDate, h, select, table, textarea } from '../dom.js';
import { refreshPage, type PageContext } from '../main.js';
import { act, badge, messageBox, section } from '../ui.js';

interface Complaint {
  id: number;
  schoolId: number;
  schoolCct: string;
  schoolName: string;
  studentId?: number;
  studentName?: string;
  studentDeclined?: boolean;
  studentFolio?: string;
  description: string;
  status: 'ABIERTA' | 'ATENDIDA';
  outcome?: 'PROCEDE' | 'NO_PROCEDE';
  resolution?: string;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  resolvedAt?: string;
}

const OUTCOMES: [string, string][] = [['PROCEDE', 'Procede: el alumno recibirá su credencial'], ['NO_PROCEDE', 'No procede']];
const RESOLVERS = ['DRSE_CONTROL_ESCOLAR', 'CONTROL_ESCOLAR_CENTRAL', 'ADMIN'];

/** What the family sees happened: the outcome and, once printed, the card. */
function outcomeText(c: Complaint): HTMLElement | string {
  if (c.status === 'ABIERTA') return c.overdue ? badge(`Vencida: debía atenderse antes del ${fmtDate(c.dueAt)}`, 'danger') : `Abierta; plazo: ${fmtDate(c.dueAt)}`;
  if (c.outcome === 'NO_PROCEDE') return `No procede: ${c.resolution ?? ''}`;
  const card = c.studentFolio ? `credencial expedida, folio ${c.studentFolio}` : c.studentId ? 'la credencial saldrá en la siguiente corrida' : 'atendida';
  return `Procede (${card}): ${c.resolution ?? ''}`;
}

function resolveForm(c: Complaint): HTMLElement {
  const outcome = select(`outcome-${c.id}`, OUTCOMES);
  const resolution = textarea(`resolution-${c.id}`, { required: true, minlength: 5, maxlength: 2000 });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Resolver la queja');
  const form = h('form', { class: 'decision' }, field('Resultado', outcome), field('Resolución', resolution, 'Lo que se hizo o por qué no procede.'), submit, box);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await post(`/complaints/${c.id}/resolve`, { outcome: outcome.value, resolution: resolution.value.trim() });
      await refreshPage();
    });
  });
  return form;
}

/** The family asked for the card and the director refused (R4): filed by the school or, for the family, by the DRSE. */
async function fileForm(): Promise<HTMLElement> {
  const actor = session.actor!;
  const schools = actor.role === 'ESCUELA' ? [] : await allSchools();
  const school = select('complaintSchool', schools.map((s): [string, string] => [String(s.id), `${s.name} · ${s.cct} ${s.turno}`]));
  const student = select('complaintStudent', []);
  const description = textarea('description', { required: true, minlength: 10, maxlength: 2000 });
  const box = messageBox();
  const submit = h('button', { type: 'submit' }, 'Presentar la queja');
  const key = newKey();
  const schoolId = (): number => (actor.role === 'ESCUELA' ? actor.schoolId! : Number(school.value));
  const loadStudents = async (): Promise<void> => {
    const list = schoolId() ? await allStudents(schoolId()) : [];
    clear(student, h('option', { value: '' }, '(sin alumno en particular)'), ...list.map((s) => h('option', { value: String(s.id) }, `${fullName(s)} · ${s.curp}${s.declined ? ' · declinó' : ''}`)));
  };
  school.addEventListener('change', () => void loadStudents());
  await loadStudents();
  const form = h(
    'form',
    { class: 'grid-form' },
    actor.role === 'ESCUELA' ? null : field('Escuela', school),
    field('Alumno', student),
    field('Qué pasó', description, 'La familia pidió la credencial y el director se negó: cuándo y cómo.'),
    submit,
    box,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void act(submit, box, async () => {
      await post('/complaints', { schoolId: schoolId(), ...(student.value ? { studentId: Number(student.value) } : {}), description: description.value.trim() }, key);
      await refreshPage();
    });
  });
  return section('Presentar una queja en nombre de la familia', form);
}

/** R4 complaints: filing, the deadline, the DRSE Control Escolar's resolution and its outcome. */
export async function complaintsPage(ctx: PageContext): Promise<void> {
  ctx.title('Quejas por negativa de credencial');
  const actor = session.actor!;
  const list = await get<Page<Complaint>>(`/complaints${qs({ pageSize: 200 })}`);
  const canResolve = RESOLVERS.includes(actor.role);
  ctx.main.append(
    table(
      'Quejas',
      ['Escuela', 'Alumno', 'Queja', 'Presentada', 'Estado y resultado', ...(canResolve ? ['Resolver'] : [])],
      list.items.map((c) => [
        `${c.schoolName} · ${c.schoolCct}`,
        c.studentName ?? '—',
        c.description,
        fmtDate(c.createdAt),
        outcomeText(c),
        ...(canResolve ? [c.status === 'ABIERTA' ? resolveForm(c) : '—'] : []),
      ]),
    ),
  );
  ctx.main.append(await fileForm());
}
