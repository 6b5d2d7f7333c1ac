import { allowedDecisions, publicStatus, stateName, stepMeta, supportMachineV1 as sut, SupportInput, TaskMeta } from '../../../statecharts';
import { walk } from './chart-test-kit';

const school: SupportInput = { requestId: 1, kind: 'SISTEMA', drseCode: 'VALLES', schoolId: 7, opener: 'ESCUELA' };
const drse = (kind: SupportInput['kind']): SupportInput => ({ requestId: 2, kind, drseCode: 'VALLES', schoolId: null, opener: 'DRSE_CONTROL_ESCOLAR' });
const received = { type: 'TICKET_RECEIVED' };
const ev = (type: string) => ({ type });
const task = (s: ReturnType<typeof walk>) => (stepMeta(s) as TaskMeta).task;

describe('supportMachineV1', () => {
  it('a school ticket is received, attended by the DRSE Tecnologías office, derived to DGTI, solved, reopened back to DGTI, solved and confirmed', () => {
    const path = [received, ev('DERIVE_TO_DGTI'), ev('RESOLVE'), ev('REOPEN'), ev('RESOLVE'), ev('CONFIRM')];
    const seen = path.map((_, i) => walk(sut, school, path.slice(0, i)));
    expect(seen.map(stateName)).toEqual(['recepcion', 'atencionTecnologias', 'atencionDgti', 'confirmacionEscuela', 'atencionDgti', 'confirmacionEscuela']);
    expect(seen.map(publicStatus)).toEqual(['RECIBIDO', 'EN_ATENCION_DRSE', 'EN_ATENCION_DGTI', 'RESUELTO', 'EN_ATENCION_DGTI', 'RESUELTO']);
    expect(seen.slice(1).map((s) => task(s).role)).toEqual(['DRSE_TECNOLOGIAS', 'DGTI', 'ESCUELA', 'DGTI', 'ESCUELA']);
    const end = walk(sut, school, path);
    expect(stateName(end)).toBe('cerrado');
    expect(publicStatus(end)).toBe('CERRADO');
    expect(end.status).toBe('done');
    expect(end.context).toMatchObject({ attendedBy: 'DGTI', derived: true, reopened: 1, kind: 'SISTEMA', schoolId: 7 });
  });

  it('Tecnologías resolves without DGTI; a reopened ticket goes back to Tecnologías', () => {
    const solved = walk(sut, { ...school, kind: 'EQUIPO' }, [received, ev('RESOLVE')]);
    expect(stateName(solved)).toBe('confirmacionEscuela');
    expect(solved.context).toMatchObject({ attendedBy: 'DRSE_TECNOLOGIAS', derived: false });
    const reopened = walk(sut, { ...school, kind: 'EQUIPO' }, [received, ev('RESOLVE'), ev('REOPEN')]);
    expect(stateName(reopened)).toBe('atencionTecnologias');
    expect(reopened.context.reopened).toBe(1);
  });

  it('a school doubt goes to Tecnologías like any school ticket', () => {
    expect(stateName(walk(sut, { ...school, kind: 'DUDA' }, [received]))).toBe('atencionTecnologias');
  });

  it("a doubt of a DRSE's Control Escolar goes to central Control Escolar, which may derive it to DGTI; the DRSE confirms", () => {
    const central = walk(sut, drse('DUDA'), [received]);
    expect(stateName(central)).toBe('atencionCentral');
    expect(publicStatus(central)).toBe('EN_ATENCION_CENTRAL');
    expect(allowedDecisions(central)).toEqual({ CONTROL_ESCOLAR_CENTRAL: ['RESOLVE', 'DERIVE_TO_DGTI'] });
    const answered = walk(sut, drse('DUDA'), [received, ev('RESOLVE')]);
    expect(stateName(answered)).toBe('confirmacionDrse');
    expect(task(answered).role).toBe('DRSE_CONTROL_ESCOLAR');
    expect(stateName(walk(sut, drse('DUDA'), [received, ev('RESOLVE'), ev('REOPEN')]))).toBe('atencionCentral');
    expect(stateName(walk(sut, drse('DUDA'), [received, ev('DERIVE_TO_DGTI'), ev('RESOLVE'), ev('REOPEN')]))).toBe('atencionDgti');
    expect(stateName(walk(sut, drse('DUDA'), [received, ev('RESOLVE'), ev('CONFIRM')]))).toBe('cerrado');
  });

  it("a system problem of a DRSE's Control Escolar goes to its DRSE's Tecnologías", () => {
    expect(stateName(walk(sut, drse('SISTEMA'), [received]))).toBe('atencionTecnologias');
    expect(stateName(walk(sut, drse('EQUIPO'), [received, ev('RESOLVE')]))).toBe('confirmacionDrse');
  });

  it('each step is a task for one role with its deadline, escalation and the decisions that need a comment', () => {
    const at = (events: Array<{ type: string }>, input: SupportInput = school) => stepMeta(walk(sut, input, events)) as TaskMeta;
    expect(at([received])).toMatchObject({ task: { role: 'DRSE_TECNOLOGIAS', sla: '3 days', escalateTo: 'DGTI' }, commentRequired: ['RESOLVE', 'DERIVE_TO_DGTI'] });
    expect(at([received, ev('DERIVE_TO_DGTI')])).toMatchObject({ task: { role: 'DGTI', escalateTo: 'ADMIN' }, decisions: { RESOLVE: ['DGTI'] }, commentRequired: ['RESOLVE'] });
    expect(at([received, ev('RESOLVE')])).toMatchObject({ task: { role: 'ESCUELA', escalateTo: 'DRSE_TECNOLOGIAS' }, decisions: { CONFIRM: ['ESCUELA'], REOPEN: ['ESCUELA'] }, commentRequired: ['REOPEN'] });
    expect(at([received, ev('RESOLVE')], drse('DUDA'))).toMatchObject({ task: { role: 'DRSE_CONTROL_ESCOLAR', escalateTo: 'CONTROL_ESCOLAR_CENTRAL' } });
    expect(at([received], drse('DUDA'))).toMatchObject({ task: { role: 'CONTROL_ESCOLAR_CENTRAL', escalateTo: 'ADMIN' } });
  });

  it('refuses what its step does not take: DGTI cannot derive, the opener cannot resolve, nobody confirms before a solution', () => {
    const dgti = walk(sut, school, [received, ev('DERIVE_TO_DGTI')]);
    expect(dgti.can({ type: 'DERIVE_TO_DGTI' })).toBe(false);
    expect(dgti.can({ type: 'CONFIRM' })).toBe(false);
    const attending = walk(sut, school, [received]);
    expect(attending.can({ type: 'CONFIRM' })).toBe(false);
    expect(attending.can({ type: 'REOPEN' })).toBe(false);
    expect(allowedDecisions(attending)).toEqual({ DRSE_TECNOLOGIAS: ['RESOLVE', 'DERIVE_TO_DGTI'] });
    const solved = walk(sut, school, [received, ev('RESOLVE')]);
    expect(solved.can({ type: 'RESOLVE' })).toBe(false);
    expect(solved.can({ type: 'DERIVE_TO_DGTI' })).toBe(false);
    expect(walk(sut, school, []).can({ type: 'RESOLVE' })).toBe(false);
  });

  it('a reception that fails for good is an incident for Tecnologías, whose retry receives the ticket again', () => {
    const failed = { type: 'STEP_FAILED', step: 'recepcion', reason: 'El ticket no está registrado.', errorType: 'Error' };
    const incident = walk(sut, drse('DUDA'), [failed]);
    expect([stateName(incident), publicStatus(incident), task(incident).role]).toEqual(['incidenteRecepcion', 'CON_INCIDENTE', 'DRSE_TECNOLOGIAS']);
    expect(incident.context.incident).toMatchObject({ reason: 'El ticket no está registrado.' });
    const retried = walk(sut, drse('DUDA'), [failed, ev('RETRY'), received]);
    expect(stateName(retried)).toBe('atencionCentral');
    expect(retried.context.incident).toBeNull();
  });

  it('an expired deadline is counted and the ticket stays where it is', () => {
    const once = walk(sut, school, [received, { type: 'SLA_EXPIRED' }]);
    const twice = walk(sut, school, [received, { type: 'SLA_EXPIRED' }, { type: 'SLA_EXPIRED' }]);
    expect([stateName(once), once.context.escalations, twice.context.escalations]).toEqual(['atencionTecnologias', 1, 2]);
    const confirming = walk(sut, school, [received, ev('RESOLVE'), { type: 'SLA_EXPIRED' }]);
    expect([stateName(confirming), confirming.context.escalations]).toEqual(['confirmacionEscuela', 1]);
  });
});
