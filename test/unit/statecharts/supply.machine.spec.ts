import { transition } from 'xstate';
import { publicStatus, stateName, supplyMachineV1 as sut } from '../../../statecharts';
import { walk } from './chart-test-kit';

const input = { drseCode: 'NORTE', requested: { teslinSheets: 10, micas: 80, holograms: 0 }, parentRequestId: 5 };
const opened = { type: 'TICKET_OPENED', ticketId: 21 };

describe('supplyMachine', () => {
  it('is fulfilled in two shipments, each confirmed by the DRSE', () => {
    const snap = walk(sut, input, [
      opened, { type: 'APPROVE' }, { type: 'TICKET_DECIDED' },
      { type: 'SHIP', teslinSheets: 6, micas: 40, holograms: 0 }, { type: 'SHIPMENT_RECORDED', shipmentId: 1 }, { type: 'CONFIRM_RECEIPT' },
      { type: 'RECEIPT_RECORDED', complete: false, teslinSheets: 6, micas: 40, holograms: 0 },
      { type: 'SHIP', teslinSheets: 4, micas: 40, holograms: 0 }, { type: 'SHIPMENT_RECORDED', shipmentId: 2 }, { type: 'CONFIRM_RECEIPT' },
      { type: 'RECEIPT_RECORDED', complete: true, teslinSheets: 10, micas: 80, holograms: 0 },
    ]);
    expect(publicStatus(snap)).toBe('SURTIDA');
    expect(snap.context).toMatchObject({ ticketId: 21, shipments: 2, shipped: { teslinSheets: 10, micas: 80, holograms: 0 } });
  });

  it('refuses a second shipment larger than what the first left owed', () => {
    const after = walk(sut, input, [
      opened, { type: 'APPROVE' }, { type: 'TICKET_DECIDED' },
      { type: 'SHIP', teslinSheets: 6, micas: 40, holograms: 0 }, { type: 'SHIPMENT_RECORDED', shipmentId: 1 }, { type: 'CONFIRM_RECEIPT' },
      { type: 'RECEIPT_RECORDED', complete: false, teslinSheets: 6, micas: 40, holograms: 0 },
    ]);
    expect(after.can({ type: 'SHIP', teslinSheets: 5, micas: 0, holograms: 0 })).toBe(false);
    expect(after.can({ type: 'SHIP', teslinSheets: 4, micas: 40, holograms: 0 })).toBe(true);
  });

  it('records the pending shipment from the SHIP decision and refuses an empty one', () => {
    const surtido = walk(sut, input, [opened, { type: 'APPROVE' }, { type: 'TICKET_DECIDED' }]);
    expect(publicStatus(surtido)).toBe('EN_SURTIDO');
    expect(surtido.can({ type: 'SHIP', teslinSheets: 0, micas: 0, holograms: 0 })).toBe(false);
    expect(surtido.can({ type: 'SHIP', teslinSheets: -1, micas: 5, holograms: 0 })).toBe(false);
    // No more than is still owed: 10 sheets and 80 micas were asked, none received yet.
    expect(surtido.can({ type: 'SHIP', teslinSheets: 11, micas: 0, holograms: 0 })).toBe(false);
    expect(surtido.can({ type: 'SHIP', teslinSheets: 0, micas: 0, holograms: 1 })).toBe(false);
    expect(surtido.can({ type: 'SHIP', teslinSheets: 10, micas: 80, holograms: 0 })).toBe(true);
    const [next] = transition(sut, surtido, { type: 'SHIP', teslinSheets: 1, micas: 0, holograms: 0 });
    expect(next.context.pendingShipment).toEqual({ teslinSheets: 1, micas: 0, holograms: 0 });
  });

  it('ends rejected or cancelled from the central review', () => {
    expect(publicStatus(walk(sut, input, [opened, { type: 'REJECT' }, { type: 'TICKET_DECIDED' }]))).toBe('RECHAZADA');
    expect(publicStatus(walk(sut, input, [opened, { type: 'CANCEL' }, { type: 'TICKET_DECIDED' }]))).toBe('CANCELADA');
    expect(stateName(walk(sut, input, [opened, { type: 'CANCEL' }]))).toBe('registroCancelacion');
  });
});
