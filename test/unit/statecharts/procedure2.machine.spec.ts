import { transition } from 'xstate';
import { procedure2MachineV1 as sut, publicStatus, stateName } from '../../../statecharts';
import { walk } from './chart-test-kit';

const requested = { teslinSheets: 10, micas: 80, holograms: 80 };
const input = { requestId: 1, schoolId: 2, drseCode: 'SUR', requested };
const checked = (allowed = { teslinSheets: 60, micas: 480, holograms: 480 }) => ({ type: 'JUSTIFICATION_CHECKED', requested, allowed });

describe('procedure2Machine', () => {
  it('runs oficio → material delivered with acuse', () => {
    const snap = walk(sut, input, [
      { type: 'ACCEPT' }, checked(), { type: 'VALIDATE' }, { type: 'MATERIAL_RESERVED', reservationId: 3 }, { type: 'DELIVER' }, { type: 'ACUSE_RECORDED', acuseId: 8 },
    ]);
    expect(publicStatus(snap)).toBe('ENTREGADA');
    expect(snap.context).toMatchObject({ approved: requested, reservationId: 3, acuseId: 8 });
  });

  it('returns for correction, resubmits, then rejects; or the school withdraws', () => {
    expect(walk(sut, input, [{ type: 'RETURN' }, { type: 'RESUBMIT' }, { type: 'RETURN' }, { type: 'RESUBMIT' }, { type: 'REJECT' }]).context.corrections).toBe(2);
    expect(publicStatus(walk(sut, input, [{ type: 'RETURN' }, { type: 'WITHDRAW' }]))).toBe('RETIRADA');
    expect(publicStatus(walk(sut, input, [{ type: 'ACCEPT' }, checked(), { type: 'WITHDRAW' }]))).toBe('RETIRADA');
  });

  it('validates fully only within the matrícula ceiling, partly with smaller quantities', () => {
    const over = walk(sut, input, [{ type: 'ACCEPT' }, checked({ teslinSheets: 5, micas: 40, holograms: 40 })]);
    expect(over.can({ type: 'VALIDATE' })).toBe(false);
    expect(over.can({ type: 'VALIDATE_PARTIAL', teslinSheets: 6, micas: 40, holograms: 40 })).toBe(false);
    const [partial] = transition(sut, over, { type: 'VALIDATE_PARTIAL', teslinSheets: 5, micas: 40, holograms: 40 });
    expect(stateName(partial)).toBe('verificacionExistencias');
    expect(partial.context.approved).toEqual({ teslinSheets: 5, micas: 40, holograms: 40 });
    const [invalid] = transition(sut, over, { type: 'INVALIDATE' });
    expect(publicStatus(invalid)).toBe('DEVUELTA_A_ESCUELA');
  });

  it('waits on supply when DRSE stock is short and checks again after it', () => {
    const snap = walk(sut, input, [
      { type: 'ACCEPT' }, checked(), { type: 'VALIDATE' }, { type: 'MATERIAL_SHORT', teslinSheets: 4, micas: 0, holograms: 0 },
    ]);
    expect(publicStatus(snap)).toBe('ESPERANDO_MATERIAL');
    const [back] = transition(sut, snap, { type: 'SUPPLY_FULFILLED' });
    expect(stateName(back)).toBe('verificacionExistencias');
    const [stuck] = transition(sut, snap, { type: 'SUPPLY_REJECTED' });
    expect(stateName(stuck)).toBe('sinMaterial');
  });
});
