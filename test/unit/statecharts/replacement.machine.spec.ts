import { transition } from 'xstate';
import { publicStatus, replacementMachineV1 as sut, stateName } from '../../../statecharts';
import { walk } from './chart-test-kit';

const base = { requestId: 1, schoolId: 2, drseCode: 'SUR', studentId: 30, oldFolio: '2627-0001000-4' };
const produced = { type: 'REPLACEMENT_PRODUCED', printRunId: 5, newFolio: '2627-0002001-9' };

describe('replacementMachine', () => {
  it.each([
    ['DRSE', ['impresionDrse', 'revocacionDrse', 'entregaDrse']],
    ['ESCUELA', ['impresionEscuela', 'revocacionEscuela', 'entregaEscuela']],
  ] as const)('routes production and delivery to whoever prints (%s)', (printRoute, states) => {
    const input = { ...base, printRoute };
    const seen = [
      walk(sut, input, [{ type: 'PAYMENT_RECORDED', paymentId: 4 }, { type: 'PAYMENT_VALID' }, produced]),
      walk(sut, input, [{ type: 'PAYMENT_RECORDED', paymentId: 4 }, { type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }]),
      walk(sut, input, [{ type: 'PAYMENT_RECORDED', paymentId: 4 }, { type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }, { type: 'FOLIO_REVOKED' }]),
    ].map(stateName);
    expect(seen).toEqual(states);
    const end = walk(sut, input, [
      { type: 'PAYMENT_RECORDED', paymentId: 4 }, { type: 'PAYMENT_VALID' }, produced, { type: 'PRODUCTION_CONFIRMED' }, { type: 'FOLIO_REVOKED' }, { type: 'DELIVER' }, { type: 'ACUSE_RECORDED', acuseId: 6 },
    ]);
    expect(publicStatus(end)).toBe('ENTREGADA');
    expect(end.context).toMatchObject({ paymentId: 4, newFolio: '2627-0002001-9', acuseId: 6 });
  });

  it('asks for the receipt again when the payment does not verify, and lets the school withdraw', () => {
    const input = { ...base, printRoute: 'DRSE' as const };
    const snap = walk(sut, input, [{ type: 'PAYMENT_RECORDED', paymentId: 4 }, { type: 'PAYMENT_INVALID' }]);
    expect(publicStatus(snap)).toBe('ESPERANDO_PAGO');
    expect(snap.can({ type: 'PAYMENT_RECORDED', paymentId: 0 })).toBe(false);
    const [again] = transition(sut, snap, { type: 'PAYMENT_RECORDED', paymentId: 5 });
    expect(again.context.paymentAttempts).toBe(2);
    expect(publicStatus(walk(sut, input, [{ type: 'WITHDRAW' }]))).toBe('RETIRADA');
  });
});
