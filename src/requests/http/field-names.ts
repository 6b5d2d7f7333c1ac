import type { FieldProblem } from '../../http/problem';

/** The fields of the requests API as people call them (the web form's labels). */
const FIELD_NAMES: Record<string, string> = {
  datos: 'Datos de la solicitud',
  procedimiento: 'Procedimiento',
  nuevos: 'Alumnos de primer ingreso',
  continuan: 'Alumnos que continúan',
  material: 'Material',
  'material.teslinSheets': 'Hojas Teslin',
  'material.micas': 'Micas',
  'material.holograms': 'Hologramas',
  'material.inkSets': 'Juegos de tinta',
  equipo: 'Necesidades de equipo',
  justificacion: 'Justificación',
  comentario: 'Comentario',
  alumno: 'Alumno',
  recibo: 'Recibo de pago',
  'recibo.numero': 'Número de recibo',
  'recibo.fecha': 'Fecha de pago',
  'recibo.importeCentavos': 'Importe del recibo',
  motivo: 'Motivo',
  oficio: 'Oficio escaneado',
  evento: 'Decisión',
};

/**
 * «Alumnos de primer ingreso (2.º de la lista)» for `datos.nuevos[1]`, «Hojas Teslin» for
 * `datos.material.teslinSheets`; null for a path nobody named. The path itself stays in `field`.
 */
export function fieldName(path: string): string | null {
  const bare = path.replace(/^datos\./, '');
  const indexed = /^(\w+)\[(\d+)\]$/.exec(bare);
  if (indexed) {
    const name = FIELD_NAMES[indexed[1]];
    return name ? `${name} (${Number(indexed[2]) + 1}.º de la lista)` : null;
  }
  return FIELD_NAMES[bare] ?? null;
}

/** Replaces «datos.justificacion» and the like in a message by the field's name («Justificación»). */
export function humanizeProblem(p: FieldProblem): FieldProblem {
  const message = p.message.replace(/«([\w.[\]]+)»/g, (whole, path: string) => {
    const name = fieldName(path);
    return name ? `«${name}»` : whole;
  });
  return { ...p, message };
}

/** The detail of several problems: the names of the fields, never their paths. */
export function problemsDetail(problems: FieldProblem[]): string {
  if (problems.length === 1) return problems[0].message;
  const names = [...new Set(problems.map((p) => fieldName(p.field) ?? 'otro dato'))];
  return `La solicitud tiene ${problems.length} datos no válidos: ${names.join(', ')}.`;
}
