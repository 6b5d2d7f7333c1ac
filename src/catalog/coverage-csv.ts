import type { CoverageMetrics, DrseCoverage, CoverageSummary } from './coverage.service';

const MATERIAL_COLUMNS: Array<{ item: (cycle: string) => string; label: string }> = [
  { item: () => 'MICA', label: 'micas' },
  { item: () => 'TESLIN', label: 'teslin_ranuras' },
  { item: () => 'TINTA', label: 'tinta_planillas' },
  { item: (cycle) => `HOLOGRAMA:${cycle}`, label: 'hologramas' },
];

const METRIC_HEADERS = [
  'escuelas', 'alumnos', 'con_foto', 'declinaron', 'credenciales_vigentes', 'credenciales_expedidas_ciclo', 'hologramas_entregados',
  'pendientes', 'pendientes_credencial', 'pendientes_holograma', 'pendientes_sin_foto', 'solicitudes_abiertas', 'solicitudes_vencidas',
  ...MATERIAL_COLUMNS.flatMap((c) => [`${c.label}_disponibles`, `${c.label}_necesarias`, `${c.label}_faltantes`]),
];

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function metricCells(m: CoverageMetrics, cycle: string): unknown[] {
  const material = MATERIAL_COLUMNS.flatMap((c): unknown[] => {
    const line = m.material?.find((l) => l.item === c.item(cycle));
    return line ? [line.available, line.needed, line.missing] : ['', '', ''];
  });
  return [
    m.schools, m.students, m.withPhoto, m.declined, m.cardsInForce, m.cardsIssuedThisCycle, m.hologramsDelivered,
    m.pending.students, m.pending.newCards, m.pending.holograms, m.pending.withoutPhoto, m.requests.open, m.requests.overdue,
    ...material,
  ];
}

function toCsv(rows: unknown[][]): Buffer {
  // BOM: spreadsheets then read the accents as UTF-8.
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** The summary as CSV: a row per DRSE, then the total. */
export function summaryCsv(s: CoverageSummary): Buffer {
  return toCsv([
    ['ciclo', 'drse', 'nombre', 'drse_madre', ...METRIC_HEADERS],
    ...s.drses.map((d) => [s.cycleCode, d.code, d.name, d.parentCode ?? '', ...metricCells(d, s.cycleCode)]),
    [s.cycleCode, 'TOTAL', s.scope === 'ESTADO' ? 'Estado de Jalisco' : 'Su ámbito', '', ...metricCells(s.totals, s.cycleCode)],
  ]);
}

/** A DRSE's report as CSV: a row per school, then the DRSE's total. */
export function drseCsv(d: DrseCoverage): Buffer {
  return toCsv([
    ['ciclo', 'drse', 'cct', 'turno', 'nivel', 'escuela', 'imprime', ...METRIC_HEADERS],
    ...d.schools.map((s) => [d.cycleCode, s.drseCode, s.cct, s.turno, s.nivel, s.name, s.printRoute === 'ESCUELA' ? 'en sitio' : 'la DRSE', ...metricCells(s, d.cycleCode)]),
    [d.cycleCode, d.drse.code, 'TOTAL', '', '', d.drse.name, '', ...metricCells(d.totals, d.cycleCode)],
  ]);
}
