import type { ProcedureName } from '../../../statecharts/step-meta';

/** A number a decision event carries (e.g. the adjusted quantities of a partial validation). */
export interface DecisionField {
  campo: string;
  tipo: 'number';
  etiqueta: string;
  /** Upper bound known from the workflow (eligible students, requested material), when known. */
  maximo?: number;
  /** May be left out (taken as zero). */
  opcional?: boolean;
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

/** Procedure 2 (chart v2) asks for ink sets too. */
const P2_FIELDS: DecisionField[] = [...MATERIAL_FIELDS, { campo: 'inkSets', tipo: 'number', etiqueta: 'Juegos de tinta', opcional: true }];

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
  ACUSE_SIGNED: { etiqueta: 'Subir el acuse firmado', requiereComentario: false },
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
  // Support tickets (R10)
  RESOLVE: { etiqueta: 'Resolver (describa la solución)', requiereComentario: true },
  DERIVE_TO_DGTI: { etiqueta: 'Derivar a la Dirección General de Tecnologías de la Información (explique por qué)', requiereComentario: true },
  CONFIRM: { etiqueta: 'Confirmar la solución y cerrar el ticket', requiereComentario: false },
  REOPEN: { etiqueta: 'Reabrir: el problema sigue (explique qué pasa)', requiereComentario: true },
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
  PROCEDURE_2: { etiqueta: 'Validar parcialmente (ajustar cantidades)', requiereComentario: true, datos: P2_FIELDS },
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
    for (const f of P2_FIELDS) out[f.campo] = Math.min(Number(requested[f.campo] ?? 0), Number(allowed[f.campo] ?? 0));
    return out;
  }
  return {};
}

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const quantities = (v: unknown): Record<string, number> => (typeof v === 'object' && v !== null ? (v as Record<string, number>) : {});
const list = (parts: string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} y ${parts[parts.length - 1]}`);

/**
 * Why the chart's guard refused a decision, in Spanish, from the request's recorded context (the
 * read model keeps the chart context of its last transition): what the automatic check found and the
 * limits of each number, naming decisions and fields by their labels. Null when nothing is known.
 */
export function refusalReason(procedure: ProcedureName, event: string, context: Record<string, unknown> | null): string | null {
  if (!context) return null;
  const label = (e: string) => `«${eventSpec(procedure, e).etiqueta}»`;
  if (procedure === 'PROCEDURE_1' && (event === 'VALIDATE' || event === 'VALIDATE_PARTIAL')) {
    const [nr, ne, cr, ce] = [n(context.newRequested), n(context.newEligible), n(context.continuingRequested), n(context.continuingEligible)];
    if (event === 'VALIDATE') {
      if (nr + cr === 0) return 'el oficio no pide credenciales ni hologramas.';
      return `cumplen los requisitos ${ne} de ${nr} alumnos de primer ingreso y ${ce} de ${cr} alumnos que continúan; use ${label('VALIDATE_PARTIAL')} o ${label('INVALIDATE')}.`;
    }
    const [fNew, fCont] = PARTIAL.PROCEDURE_1!.datos!;
    return `«${fNew.etiqueta}» puede ser a lo más ${ne} y «${fCont.etiqueta}» a lo más ${ce} (los alumnos que cumplen los requisitos); al menos una cantidad mayor que cero y, en total, menos de lo pedido (${nr + cr}); para aprobar todo use ${label('VALIDATE')}.`;
  }
  if (procedure === 'PROCEDURE_2' && (event === 'VALIDATE' || event === 'VALIDATE_PARTIAL')) {
    const requested = quantities(context.requested);
    const allowed = quantities(context.allowed);
    if (event === 'VALIDATE') {
      const over = P2_FIELDS.filter((f) => n(requested[f.campo]) > n(allowed[f.campo])).map((f) => `${f.etiqueta}: pidió ${n(requested[f.campo])}, el consumo permite ${n(allowed[f.campo])}`);
      if (!over.length) return 'la solicitud no pide material.';
      return `lo pedido pasa de lo que permite el consumo reportado (${list(over)}); use ${label('VALIDATE_PARTIAL')} o ${label('INVALIDATE')}.`;
    }
    const fields = n(requested.inkSets) > 0 ? P2_FIELDS : MATERIAL_FIELDS;
    const limits = fields.map((f) => `«${f.etiqueta}» a lo más ${Math.min(n(requested[f.campo]), n(allowed[f.campo]))}`);
    const total = fields.reduce((a, f) => a + n(requested[f.campo]), 0);
    return `${list(limits)} (lo pedido y lo que permite el consumo); al menos una cantidad mayor que cero y, en total, menos de lo pedido (${total}); para aprobar todo use ${label('VALIDATE')}.`;
  }
  if (procedure === 'SUPPLY' && event === 'SHIP') {
    const requested = quantities(context.requested);
    const shipped = quantities(context.shipped);
    const limits = MATERIAL_FIELDS.map((f) => `«${f.etiqueta}» a lo más ${Math.max(0, n(requested[f.campo]) - n(shipped[f.campo]))}`);
    return `${list(limits)} (lo que falta por enviar), y al menos una cantidad mayor que cero.`;
  }
  return null;
}
