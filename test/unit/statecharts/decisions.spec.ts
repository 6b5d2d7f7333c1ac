import { CHARTS, PROCEDURES, ProcedureName, StepMeta } from '../../../statecharts';
import { DECISION_COMMENT_MAX, decisionShapeRefusal, decisionSpec } from '../../../statecharts/decisions';
import { actionOf } from '../../../src/requests/http/decision-catalog';

/** Every decision a step of any chart version offers, with whether the step itself requires a comment. */
function offeredDecisions(): Array<[ProcedureName, number, string, string, boolean]> {
  return PROCEDURES.flatMap((p) =>
    Object.entries(CHARTS[p]).flatMap(([v, machine]) =>
      Object.entries(machine.states).flatMap(([state, node]) => {
        const meta = (node as { config: { meta?: StepMeta } }).config.meta;
        if (meta?.kind !== 'task') return [];
        return Object.keys(meta.decisions).map((event) => [p, Number(v), state, event, meta.commentRequired?.includes(event) ?? false] as [ProcedureName, number, string, string, boolean]);
      }),
    ),
  );
}

/** The one description of each decision (statecharts/decisions.ts). */
describe('decision descriptions', () => {
  it.each(offeredDecisions())('%s v%i %s: %s is described', (procedure, _v, _state, event, stepRequires) => {
    const spec = decisionSpec(procedure, event);
    expect(spec).toBeDefined();
    expect(spec!.label).not.toMatch(/[A-Z]{3,}_/);
    // v1 steps that require a comment keep requiring it; the description may add more, never drop one.
    if (stepRequires) expect(actionOf(procedure, event, null, true).requiereComentario).toBe(true);
  });

  const commentRequired: Array<[ProcedureName, string, boolean]> = [
    ['PROCEDURE_1', 'RETURN', true],
    ['PROCEDURE_1', 'REJECT', true],
    ['PROCEDURE_1', 'INVALIDATE', true],
    ['PROCEDURE_1', 'VALIDATE_PARTIAL', true],
    ['PROCEDURE_2', 'VALIDATE_PARTIAL', true],
    ['PROCEDURE_1', 'CANCEL', true],
    ['SUPPLY', 'CANCEL', true],
    ['SUPPLY', 'REJECT', true],
    ['SUPPORT', 'RESOLVE', true],
    ['SUPPORT', 'DERIVE_TO_DGTI', true],
    ['SUPPORT', 'REOPEN', true],
    ['PROCEDURE_1', 'ACCEPT', false],
    ['PROCEDURE_1', 'VALIDATE', false],
    ['PROCEDURE_1', 'WITHDRAW', false],
    ['PROCEDURE_1', 'RESUBMIT', false],
    ['PROCEDURE_1', 'RETRY', false],
    ['SUPPLY', 'APPROVE', false],
    ['SUPPLY', 'SHIP', false],
    ['SUPPORT', 'CONFIRM', false],
    ['REPLACEMENT', 'PAYMENT_RECORDED', false],
  ];
  it.each(commentRequired)('%s %s: comment required = %s', (procedure, event, required) => {
    expect(decisionSpec(procedure, event)?.commentRequired).toBe(required);
    expect(decisionShapeRefusal(procedure, { type: event, ...someValidData(procedure, event) }, undefined)?.detail ?? null).toEqual(required ? { reason: 'comment', required: true } : null);
  });

  it('types the numbers each decision carries', () => {
    const fields = (p: ProcedureName, e: string) => decisionSpec(p, e)?.fields.map((f) => [f.name, f.kind, f.min, f.optional ?? false]);
    expect(fields('PROCEDURE_1', 'VALIDATE_PARTIAL')).toEqual([
      ['newApproved', 'integer', 0, false],
      ['continuingApproved', 'integer', 0, false],
    ]);
    expect(fields('PROCEDURE_2', 'VALIDATE_PARTIAL')).toEqual([
      ['teslinSheets', 'integer', 0, false],
      ['micas', 'integer', 0, false],
      ['holograms', 'integer', 0, false],
      ['inkSets', 'integer', 0, true],
    ]);
    expect(fields('SUPPLY', 'SHIP')).toEqual([
      ['teslinSheets', 'integer', 0, false],
      ['micas', 'integer', 0, false],
      ['holograms', 'integer', 0, false],
    ]);
    expect(fields('REPLACEMENT', 'PAYMENT_RECORDED')).toEqual([['paymentId', 'integer', 1, false]]);
    expect(fields('PROCEDURE_1', 'ACCEPT')).toEqual([]);
    expect(decisionSpec('SUPPLY', 'CANCEL')?.label).not.toBe(decisionSpec('PROCEDURE_1', 'CANCEL')?.label);
  });
});

function someValidData(procedure: ProcedureName, event: string): Record<string, number> {
  return Object.fromEntries((decisionSpec(procedure, event)?.fields ?? []).filter((f) => !f.optional).map((f) => [f.name, f.min ?? 0]));
}

describe('decisionShapeRefusal: what the runner’s Update validator refuses', () => {
  const partial = (data: Record<string, unknown>, ...comment: unknown[]) =>
    decisionShapeRefusal('PROCEDURE_1', { type: 'VALIDATE_PARTIAL', ...data }, comment.length ? comment[0] : 'Ajuste.')?.detail ?? null;

  it('accepts the described fields with their kind and least value', () => {
    expect(partial({ newApproved: 0, continuingApproved: 3 })).toBeNull();
    expect(decisionShapeRefusal('PROCEDURE_2', { type: 'VALIDATE_PARTIAL', teslinSheets: 1, micas: 2, holograms: 2 }, 'Ajuste.')).toBeNull();
    expect(decisionShapeRefusal('PROCEDURE_2', { type: 'VALIDATE_PARTIAL', teslinSheets: 1, micas: 2, holograms: 2, inkSets: 1 }, 'Ajuste.')).toBeNull();
  });

  it('refuses a field the decision does not carry', () => {
    expect(partial({ newApproved: 1, continuingApproved: 0, inkSets: 1 })).toEqual({ reason: 'data', field: 'inkSets' });
    expect(decisionShapeRefusal('PROCEDURE_1', { type: 'ACCEPT', newApproved: 1 }, undefined)?.detail).toEqual({ reason: 'data', field: 'newApproved' });
  });

  it.each([
    ['a fraction', 1.5],
    ['a negative number', -1],
    ['a text', '3'],
    ['infinity', Infinity],
    ['null', null],
  ])('refuses %s where a whole number of 0 or more is due', (_, value) => {
    expect(partial({ newApproved: value, continuingApproved: 0 })).toEqual({ reason: 'data', field: 'newApproved', expected: 'integer', min: 0 });
  });

  it('refuses a payment id below 1 and a missing field that is not optional', () => {
    expect(decisionShapeRefusal('REPLACEMENT', { type: 'PAYMENT_RECORDED', paymentId: 0 }, undefined)?.detail).toEqual({ reason: 'data', field: 'paymentId', expected: 'integer', min: 1 });
    expect(decisionShapeRefusal('REPLACEMENT', { type: 'PAYMENT_RECORDED', paymentId: 7 }, undefined)).toBeNull();
    expect(partial({ newApproved: 1 })).toEqual({ reason: 'data', field: 'continuingApproved', expected: 'integer', min: 0 });
  });

  it('requires a comment that the description or the step requires, and bounds its length', () => {
    expect(partial({ newApproved: 1, continuingApproved: 0 }, undefined)).toEqual({ reason: 'comment', required: true });
    expect(partial({ newApproved: 1, continuingApproved: 0 }, '   ')).toEqual({ reason: 'comment', required: true });
    expect(partial({ newApproved: 1, continuingApproved: 0 }, 'x'.repeat(DECISION_COMMENT_MAX + 1))).toEqual({ reason: 'comment', maxLength: DECISION_COMMENT_MAX });
    expect(partial({ newApproved: 1, continuingApproved: 0 }, 5)).toEqual({ reason: 'comment', maxLength: DECISION_COMMENT_MAX });
    expect(decisionShapeRefusal('PROCEDURE_1', { type: 'RETRY' }, undefined)).toBeNull();
    expect(decisionShapeRefusal('PROCEDURE_1', { type: 'RETRY' }, undefined, true)?.detail).toEqual({ reason: 'comment', required: true });
  });

  it('lets an undescribed event carry nothing', () => {
    expect(decisionShapeRefusal('PROCEDURE_1', { type: 'NO_EXISTE' }, undefined)).toBeNull();
    expect(decisionShapeRefusal('PROCEDURE_1', { type: 'NO_EXISTE', n: 1 }, undefined)?.detail).toEqual({ reason: 'data', field: 'n' });
  });
});

describe('actionOf: an action as the API shows it, from the description', () => {
  it('gives each number its type, least value and the bound the workflow knows', () => {
    expect(actionOf('PROCEDURE_1', 'VALIDATE_PARTIAL', { newEligible: 4, continuingEligible: 2 })).toEqual({
      evento: 'VALIDATE_PARTIAL',
      etiqueta: 'Validar parcialmente (ajustar cantidades)',
      requiereComentario: true,
      comentarioMaximo: DECISION_COMMENT_MAX,
      datos: [
        { campo: 'newApproved', tipo: 'entero', etiqueta: 'Credenciales nuevas aprobadas', minimo: 0, maximo: 4 },
        { campo: 'continuingApproved', tipo: 'entero', etiqueta: 'Hologramas aprobados (alumnos que continúan)', minimo: 0, maximo: 2 },
      ],
    });
  });

  it('leaves out an optional number nothing was asked of, and keeps it when asked', () => {
    const ctx = (inkSets: number) => ({ requested: { teslinSheets: 3, micas: 20, holograms: 20, inkSets }, allowed: { teslinSheets: 3, micas: 20, holograms: 20, inkSets: 2 } });
    expect(actionOf('PROCEDURE_2', 'VALIDATE_PARTIAL', ctx(0)).datos?.map((f) => f.campo)).toEqual(['teslinSheets', 'micas', 'holograms']);
    expect(actionOf('PROCEDURE_2', 'VALIDATE_PARTIAL', ctx(1)).datos?.at(-1)).toEqual({ campo: 'inkSets', tipo: 'entero', etiqueta: 'Juegos de tinta', minimo: 0, maximo: 1, opcional: true });
  });

  it('requires a comment when the step does, even if the description does not', () => {
    expect(actionOf('PROCEDURE_1', 'ACCEPT', null)).toEqual({ evento: 'ACCEPT', etiqueta: 'Aceptar el oficio', requiereComentario: false, comentarioMaximo: DECISION_COMMENT_MAX });
    expect(actionOf('PROCEDURE_1', 'RETRY', null, true).requiereComentario).toBe(true);
  });
});
