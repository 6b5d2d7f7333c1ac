import type { Role } from './api.js';

export const ROLE_LABEL: Record<Role, string> = {
  ESCUELA: 'Escuela',
  DRSE_PLANEACION: 'DRSE · Planeación',
  DRSE_CONTROL_ESCOLAR: 'DRSE · Control Escolar',
  DRSE_TECNOLOGIAS: 'DRSE · Tecnologías',
  RECURSOS_MATERIALES: 'Recursos Materiales',
  CONTROL_ESCOLAR_CENTRAL: 'Control Escolar central',
  DGTI: 'Dirección General de Tecnologías de la Información',
  ADMIN: 'Administración',
};

export const STATUS_LABEL: Record<string, string> = {
  EN_REVISION_PLANEACION: 'En revisión de Planeación',
  DEVUELTA_A_ESCUELA: 'Devuelta a la escuela para corrección',
  EN_VALIDACION: 'En validación de Control Escolar',
  PREPARANDO_MATERIAL: 'Preparando material',
  ESPERANDO_MATERIAL: 'Esperando material',
  EN_PRODUCCION: 'En producción',
  LISTA_PARA_ENTREGA: 'Lista para entrega',
  ENTREGADA: 'Entregada',
  RECHAZADA: 'Rechazada',
  RETIRADA: 'Retirada',
  ESPERANDO_PAGO: 'Esperando pago',
  EN_REVISION_CENTRAL: 'En revisión central',
  EN_SURTIDO: 'En surtido',
  EN_RECEPCION: 'En recepción',
  SURTIDA: 'Surtida',
  CANCELADA: 'Cancelada',
  CON_INCIDENTE: 'Con incidente (requiere atención)',
  ESPERANDO_EXISTENCIAS: 'Esperando existencias de la DRSE (tinta o material)',
  EN_CANCELACION: 'En cancelación (devolviendo lo reservado)',
  ESPERANDO_ACUSE: 'Esperando el acuse firmado',
  RECIBIDO: 'Recibido',
  EN_ATENCION_DRSE: 'En atención de Tecnologías de la DRSE',
  EN_ATENCION_DGTI: 'En atención de la Dirección General de Tecnologías de la Información',
  EN_ATENCION_CENTRAL: 'En atención de Control Escolar central',
  RESUELTO: 'Resuelto: falta su confirmación',
  CERRADO: 'Cerrado',
};

export const PROCEDURE_LABEL: Record<string, string> = {
  PROCEDURE_1: 'Procedimiento 1 · la DRSE elabora las credenciales',
  PROCEDURE_2: 'Procedimiento 2 · material para imprimir en la escuela',
  SUPPLY: 'Abastecimiento',
  REPLACEMENT: 'Reposición',
  SUPPORT: 'Ticket de soporte',
};

export const EVENT_LABEL: Record<string, string> = {
  SUBMIT: 'Oficio presentado',
  ACCEPT: 'Aceptar el oficio',
  RETURN: 'Devolver para corrección',
  REJECT: 'Rechazar',
  RESUBMIT: 'Reenviar corregido',
  WITHDRAW: 'Retirar la solicitud',
  VALIDATE: 'Validar (procede)',
  VALIDATE_PARTIAL: 'Validar parcialmente',
  INVALIDATE: 'No procede (devolver)',
  REQUEST_SUPPLY: 'Solicitar abastecimiento',
  RECHECK_MATERIAL: 'Volver a revisar existencias',
  PRODUCTION_CONFIRMED: 'Confirmar impresión y enmicado',
  DELIVER: 'Registrar la entrega',
  SLA_EXPIRED: 'Plazo vencido (escalamiento)',
  PROCEDENCIA_CHECKED: 'Verificación automática de procedencia',
  MATERIAL_RESERVED: 'Material reservado',
  MATERIAL_SHORT: 'Material insuficiente',
  SUPPLY_FULFILLED: 'Abastecimiento surtido',
  SUPPLY_REJECTED: 'Abastecimiento rechazado',
  PRINT_RUN_GENERATED: 'Planillas generadas',
  ACUSE_RECORDED: 'Acuse registrado',
  ACUSE_SIGNED: 'Acuse firmado y sellado recibido',
  STEP_FAILED: 'Incidente: falló un paso automático',
  INK_SHORT: 'Falta tinta en la DRSE',
  RETRY: 'Reintentar el paso que falló',
  WAIT_FOR_STOCK: 'Esperar existencias',
  CANCEL: 'Cancelar la solicitud',
  FOLIOS_VOIDED: 'Folios sin imprimir anulados y material devuelto',
  MATERIAL_RELEASED: 'Reserva liberada',
  JUSTIFICATION_CHECKED: 'Revisión automática del consumo reportado',
  PAYMENT_RECORDED: 'Recibo de pago registrado',
  PAYMENT_VALID: 'Recibo de pago verificado',
  PAYMENT_INVALID: 'Recibo de pago no válido',
  FOLIO_REVOKED: 'Folio anterior revocado',
  REPLACEMENT_PRODUCED: 'Credencial de reposición generada',
  TICKET_OPENED: 'Ticket de abastecimiento abierto',
  APPROVE: 'Aprobar el abastecimiento',
  TICKET_DECIDED: 'Decisión registrada en el ticket',
  SHIP: 'Registrar un envío',
  SHIPMENT_RECORDED: 'Envío registrado',
  CONFIRM_RECEIPT: 'Confirmar la recepción del envío',
  RECEIPT_RECORDED: 'Recepción registrada',
  TICKET_RECEIVED: 'Ticket recibido y turnado',
  RESOLVE: 'Solución registrada',
  DERIVE_TO_DGTI: 'Derivado a la Dirección General de Tecnologías de la Información',
  CONFIRM: 'Solución confirmada: ticket cerrado',
  REOPEN: 'Ticket reabierto',
};

export const SUPPORT_KIND_LABEL: Record<string, string> = {
  EQUIPO: 'Falla de equipo',
  SISTEMA: 'Problema con el sistema',
  DUDA: 'Duda o comentario',
};

export const TICKET_STATUS_LABEL: Record<string, string> = {
  OPEN: 'Abierto',
  UNDER_REVIEW: 'En revisión',
  APPROVED: 'Aprobado',
  REJECTED: 'Rechazado',
  IN_FULFILLMENT: 'En surtido',
  FULFILLED: 'Surtido',
  CLOSED: 'Cerrado',
  CANCELLED: 'Cancelado',
};

export const LEDGER_KIND_LABEL: Record<string, string> = {
  RECEIPT: 'Recepción',
  TRANSFER_OUT: 'Salida',
  TRANSFER_IN: 'Entrada',
  RESERVATION: 'Reserva',
  RELEASE: 'Liberación',
  CONSUMPTION: 'Consumo',
  WASTE: 'Merma',
  ADJUSTMENT: 'Ajuste',
};

export const EQUIPMENT_KIND_LABEL: Record<string, string> = { PRINTER: 'Impresora', LAMINATOR: 'Enmicadora' };
export const EQUIPMENT_STATUS_LABEL: Record<string, string> = { OPERATIVE: 'En operación', FAILED: 'Con falla', RETIRED: 'Dado de baja' };

export function itemLabel(item: string): string {
  if (item === 'TESLIN') return 'Teslin (ranuras)';
  if (item === 'MICA') return 'Micas';
  if (item === 'TINTA') return 'Tinta (planillas)';
  if (item.startsWith('HOLOGRAMA:')) return `Hologramas ${item.slice('HOLOGRAMA:'.length)}`;
  return item;
}

/** The API counts Teslin in slots (ranuras); people order and ship it in sheets of 8. */
export const SLOTS_PER_SHEET = 8;

/** An item of a supply ticket or shipment, named as people count it. */
export function materialName(item: string): string {
  if (item === 'TESLIN') return 'Hojas de Teslin';
  if (item === 'TINTA') return 'Tinta (planillas que rinde)';
  return itemLabel(item);
}

/** A quantity in the API's unit, shown in people's unit: Teslin «20 hojas (160 ranuras)». */
export function quantityText(item: string, quantity: number): string {
  if (item !== 'TESLIN') return String(quantity);
  const sheets = quantity / SLOTS_PER_SHEET;
  const s = Number.isInteger(sheets) ? String(sheets) : sheets.toFixed(2);
  return `${s} ${sheets === 1 ? 'hoja' : 'hojas'} (${quantity} ranuras)`;
}

/** How many of the item a person types for `quantity` in the API's unit (Teslin: sheets, when whole). */
export function inPeopleUnits(item: string, quantity: number): { value: number; factor: number; unit: string } {
  const n = (value: number, one: string, many: string) => (value === 1 ? one : many);
  if (item === 'TESLIN' && quantity % SLOTS_PER_SHEET === 0) {
    const sheets = quantity / SLOTS_PER_SHEET;
    return { value: sheets, factor: SLOTS_PER_SHEET, unit: n(sheets, 'hoja', 'hojas') };
  }
  if (item === 'TESLIN') return { value: quantity, factor: 1, unit: n(quantity, 'ranura', 'ranuras') };
  return { value: quantity, factor: 1, unit: item === 'TINTA' ? n(quantity, 'planilla', 'planillas') : n(quantity, 'pieza', 'piezas') };
}

export const label = (map: Record<string, string>, key: string | undefined | null): string => (key ? (map[key] ?? key) : '—');
