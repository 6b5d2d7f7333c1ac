import { transition } from 'xstate';
import { procedure1MachineV1 as sut, publicStatus, stateName } from '../../../statecharts';
import { walk } from './chart-test-kit';

const input = { requestId: 7, schoolId: 3, drseCode: 'VALLES', newRequested: 17, continuingRequested: 5 };
const checked = (newEligible = 17, continuingEligible = 5) => ({
  type: 'PROCEDENCIA_CHECKED', newRequested: 17, continuingRequested: 5, newEligible, continuingEligible,
});
const toValidation = [{ type: 'ACCEPT' }, checked()];
const reserved = { type: 'MATERIAL_RESERVED', reservationId: 11 };
const tail = [
  { type: 'PRINT_RUN_GENERATED', printRunId: 4, cards: 17, voidedSlots: 7 },
  { type: 'PRODUCTION_CONFIRMED' },
  { type: 'DELIVER' },
  { type: 'ACUSE_RECORDED', acuseId: 9 },
];

describe('procedure1Machine', () => {
  it('runs oficio → acuse on the happy path, with the public status at each step', () => {
    const statuses: string[] = [];
    const events = [...toValidation, { type: 'VALIDATE' }, reserved, ...tail];
    for (let i = 0; i <= events.length; i++) statuses.push(publicStatus(walk(sut, input, events.slice(0, i))));
    expect(statuses).toEqual([
      'EN_REVISION_PLANEACION', 'EN_VALIDACION', 'EN_VALIDACION', 'PREPARANDO_MATERIAL', 'EN_PRODUCCION',
      'EN_PRODUCCION', 'LISTA_PARA_ENTREGA', 'LISTA_PARA_ENTREGA', 'ENTREGADA',
    ]);
    const end = walk(sut, input, events);
    expect(end.status).toBe('done');
    expect(end.context).toMatchObject({ newApproved: 17, continuingApproved: 5, reservationId: 11, printRunId: 4, cardsProduced: 17, voidedSlots: 7, acuseId: 9 });
  });

  it('returns the oficio to the school any number of times, then rejects it', () => {
    const loop = [{ type: 'RETURN' }, { type: 'RESUBMIT' }];
    const snap = walk(sut, input, [...loop, ...loop, ...loop, { type: 'REJECT' }]);
    expect(publicStatus(snap)).toBe('RECHAZADA');
    expect(snap.context.corrections).toBe(3);
    expect(publicStatus(walk(sut, input, [{ type: 'RETURN' }]))).toBe('DEVUELTA_A_ESCUELA');
  });

  it.each([
    [[]],
    [[{ type: 'RETURN' }]],
    [toValidation],
  ])('lets the school withdraw before validation (after %j)', (before) => {
    expect(publicStatus(walk(sut, input, [...before, { type: 'WITHDRAW' }]))).toBe('RETIRADA');
  });

  it('does not let the school withdraw once validated', () => {
    const snap = walk(sut, input, [...toValidation, { type: 'VALIDATE' }, reserved]);
    expect(snap.can({ type: 'WITHDRAW' })).toBe(false);
  });

  it('accepts a full validation only when every student is eligible', () => {
    const partial = walk(sut, input, [{ type: 'ACCEPT' }, checked(15, 5)]);
    expect(partial.can({ type: 'VALIDATE' })).toBe(false);
    expect(walk(sut, input, toValidation).can({ type: 'VALIDATE' })).toBe(true);
  });

  it('validates partly with adjusted quantities within the eligible ones', () => {
    const snap = walk(sut, input, [{ type: 'ACCEPT' }, checked(15, 5)]);
    expect(snap.can({ type: 'VALIDATE_PARTIAL', newApproved: 16, continuingApproved: 5 })).toBe(false);
    expect(snap.can({ type: 'VALIDATE_PARTIAL', newApproved: 0, continuingApproved: 0 })).toBe(false);
    expect(snap.can({ type: 'VALIDATE_PARTIAL', newApproved: 17, continuingApproved: 5 })).toBe(false);
    expect(snap.can({ type: 'VALIDATE_PARTIAL', newApproved: 2.5, continuingApproved: 5 })).toBe(false);
    const [next] = transition(sut, snap, { type: 'VALIDATE_PARTIAL', newApproved: 15, continuingApproved: 4 });
    expect(stateName(next)).toBe('verificacionMaterial');
    expect(next.context).toMatchObject({ newApproved: 15, continuingApproved: 4 });
  });

  it('returns an invalid request to the school, which resubmits and is checked again', () => {
    const snap = walk(sut, input, [...toValidation, { type: 'INVALIDATE' }, { type: 'RESUBMIT' }, ...toValidation]);
    expect(stateName(snap)).toBe('validacionControlEscolar');
    expect(snap.context.corrections).toBe(2);
  });

  it('waits on supply when material is short, re-checks after it, and resumes', () => {
    const short = { type: 'MATERIAL_SHORT', teslinSheets: 2, micas: 10, holograms: 0 };
    const waiting = walk(sut, input, [...toValidation, { type: 'VALIDATE' }, short]);
    expect(publicStatus(waiting)).toBe('ESPERANDO_MATERIAL');
    expect(waiting.context).toMatchObject({ supplyRounds: 1, shortage: { teslinSheets: 2, micas: 10, holograms: 0 } });
    const again = walk(sut, input, [...toValidation, { type: 'VALIDATE' }, short, { type: 'SUPPLY_FULFILLED' }]);
    expect(stateName(again)).toBe('verificacionMaterial');
    const done = walk(sut, input, [...toValidation, { type: 'VALIDATE' }, short, { type: 'SUPPLY_FULFILLED' }, short, { type: 'SUPPLY_FULFILLED' }, reserved, ...tail]);
    expect(publicStatus(done)).toBe('ENTREGADA');
    expect(done.context).toMatchObject({ supplyRounds: 2, shortage: null });
  });

  it('hands a rejected supply to Tecnologías, who asks again or re-checks', () => {
    const short = { type: 'MATERIAL_SHORT', teslinSheets: 1, micas: 1, holograms: 1 };
    const stuck = walk(sut, input, [...toValidation, { type: 'VALIDATE' }, short, { type: 'SUPPLY_REJECTED' }]);
    expect(stateName(stuck)).toBe('sinMaterial');
    expect(publicStatus(stuck)).toBe('ESPERANDO_MATERIAL');
    const [retry] = transition(sut, stuck, { type: 'REQUEST_SUPPLY' });
    expect(stateName(retry)).toBe('esperaAbastecimiento');
    expect(retry.context.supplyRounds).toBe(2);
    const [recheck] = transition(sut, stuck, { type: 'RECHECK_MATERIAL' });
    expect(stateName(recheck)).toBe('verificacionMaterial');
  });

  it('handles an expired SLA in every task state without leaving it', () => {
    const tasks: Array<Array<{ type: string } & Record<string, unknown>>> = [
      [], [{ type: 'RETURN' }], toValidation, [...toValidation, { type: 'VALIDATE' }, reserved, tail[0]], [...toValidation, { type: 'VALIDATE' }, reserved, tail[0], tail[1]],
    ];
    for (const path of tasks) {
      const before = walk(sut, input, path);
      const [after] = transition(sut, before, { type: 'SLA_EXPIRED' });
      expect(stateName(after)).toBe(stateName(before));
      expect(after.context.escalations).toBe(1);
    }
    expect(walk(sut, input, [{ type: 'ACCEPT' }]).can({ type: 'SLA_EXPIRED' })).toBe(false);
  });
});
