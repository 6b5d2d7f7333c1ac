import type { ProcedureName } from '../../../statecharts/step-meta';

/** A number a decision event carries (e.g. the adjusted quantities of a partial validation). */
export interface DecisionField {
  campo: string;
  tipo: 'number';
  etiqueta: string;
  /** Upper bound known from the workflow (eligible students, requested material), when known. */
  maximo?: number;
}

interface EventSpec {
  etiqueta: string;
  requiereComentario: boolean;
  datos?: DecisionField[];
}

const MATERIAL_FIELDS: DecisionField[] = [
  { campo: 'teslinSheets', tipo: 'number', etiqueta: 'Hojas Teslin' },
  { campo: 'micas', tipo: 'number', etiqueta: 'Micas' },
  { campo: 'holograms', tipo: 'number', etiqueta: 'Hologramas' },
];

const COMMON: Record<string, EventSpec> = {
  ACCEPT: { etiqueta: 'Aceptar el oficio', requiereComentario: false },
  RETURN: { etiqueta: 'Devolver a la escuela para corrección', requiereComentario: true },
  REJECT: { etiqueta: 'Rechazar', requiereComentario: true },
  WITHDRAW: { etiqueta: 'Retirar la solicitud', requiereComentario: false },
  RESUBMIT: { etiqueta: 'Reenviar el oficio corregido', requiereComentario: false },
  VALIDATE: { etiqueta: 'Validar: procede completa', requiereComentario: false },
  INVALIDATE: { etiqueta: 'No procede: devolver a la escuela', requiereComentario: true },
  REQUEST_SUPPLY: { etiqueta: 'Pedir abastecimiento a oficinas centrales', requiereComentario: false },
  RECHECK_MATERIAL: { etiqueta: 'Volver a revisar existencias', requiereComentario: false },
  PRODUCTION_CONFIRMED: { etiqueta: 'Confirmar impresión, enmicado y hologramas', requiereComentario: false },
  DELIVER: { etiqueta: 'Registrar la entrega a la escuela', requiereComentario: false },
  PAYMENT_RECORDED: {
    etiqueta: 'Registrar el recibo de pago',
    requiereComentario: false,
    datos: [{ campo: 'paymentId', tipo: 'number', etiqueta: 'Recibo registrado' }],
  },
  APPROVE: { etiqueta: 'Aprobar el abastecimiento', requiereComentario: false },
  CANCEL: { etiqueta: 'Cancelar el abastecimiento', requiereComentario: true },
  SHIP: { etiqueta: 'Registrar un envío (total o parcial)', requiereComentario: false, datos: MATERIAL_FIELDS },
  CONFIRM_RECEIPT: { etiqueta: 'Confirmar la recepción del envío', requiereComentario: false },
  RETRY: { etiqueta: 'Reintentar el paso que falló', requiereComentario: false },
  WAIT_FOR_STOCK: { etiqueta: 'Esperar a que haya existencias', requiereComentario: false },
};

/** Cancelling a request (v2 charts) undoes what it took: reservations, folios never printed. */
const CANCEL_REQUEST: EventSpec = { etiqueta: 'Cancelar la solicitud (se devuelve lo reservado y se anulan folios sin imprimir)', requiereComentario: true };

const PARTIAL: Partial<Record<ProcedureName, EventSpec>> = {
  PROCEDURE_1: {
    etiqueta: 'Validar parcialmente (ajustar cantidades)',
    requiereComentario: true,
    datos: [
      { campo: 'newApproved', tipo: 'number', etiqueta: 'Credenciales nuevas aprobadas' },
      { campo: 'continuingApproved', tipo: 'number', etiqueta: 'Hologramas aprobados (alumnos que continúan)' },
    ],
  },
  PROCEDURE_2: { etiqueta: 'Validar parcialmente (ajustar cantidades)', requiereComentario: true, datos: MATERIAL_FIELDS },
};

/** How an event is shown and what it needs. Unknown events get their code as label. */
export function eventSpec(procedure: ProcedureName, event: string): EventSpec {
  if (event === 'VALIDATE_PARTIAL') return PARTIAL[procedure] ?? { etiqueta: event, requiereComentario: true };
  if (event === 'CANCEL' && procedure !== 'SUPPLY') return CANCEL_REQUEST;
  return COMMON[event] ?? { etiqueta: event, requiereComentario: false };
}

/** Upper bounds of an event's numbers, from the workflow's context (when the query answered). */
export function fieldMaxima(procedure: ProcedureName, event: string, context: Record<string, unknown> | null): Record<string, number> {
  if (!context || event !== 'VALIDATE_PARTIAL') return {};
  if (procedure === 'PROCEDURE_1') {
    return { newApproved: Number(context.newEligible ?? 0), continuingApproved: Number(context.continuingEligible ?? 0) };
  }
  if (procedure === 'PROCEDURE_2') {
    const requested = (context.requested ?? {}) as Record<string, number>;
    const allowed = (context.allowed ?? {}) as Record<string, number>;
    const out: Record<string, number> = {};
    for (const f of MATERIAL_FIELDS) out[f.campo] = Math.min(Number(requested[f.campo] ?? 0), Number(allowed[f.campo] ?? 0));
    return out;
  }
  return {};
}
