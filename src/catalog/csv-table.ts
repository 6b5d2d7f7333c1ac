import { parse } from 'csv-parse/sync';
import { DomainError } from '../common/domain-error';
import { InvalidInputError } from '../http/problem';

/**
 * Reading SCEJAL-style CSV exports, shared by every catalogue import: UTF-8 with or without BOM or
 * Windows-1252/Latin-1, CRLF or LF, comma, semicolon or tab, headers matched loosely.
 */
export interface CsvTable<C extends string> {
  /** Data rows (header excluded) with the physical line each ends on. */
  rows: { record: string[]; line: number }[];
  /** The header as written. */
  header: string[];
  /** Column → index of the header cell that matched one of its spellings. */
  index: Map<C, number>;
  /** The trimmed cell of `column` in `record` ('' when the column is absent). */
  cell(record: string[], column: C): string;
  /** Header cells no column used. */
  ignoredColumns: string[];
}

/** Upper case, no accents, words joined by `_`: "Apellido paterno" → APELLIDO_PATERNO. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** SCEJAL exports may come in UTF-8 or in Windows-1252 (a superset of Latin-1's letters); the bytes decide. */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

const YES = new Set(['SI', 'S', '1', 'TRUE', 'VERDADERO', 'X']);
const NO = new Set(['NO', 'N', '0', 'FALSE', 'FALSO']);

/** SI/NO cells (any case, with or without accent); undefined when the cell is neither. */
export function parseYesNo(raw: string): boolean | undefined {
  const v = normalizeHeader(raw);
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/**
 * Decodes and parses `data`, finds the columns (each with its accepted header spellings) and
 * refuses, naming them, missing required ones. `maxRows` bounds the data lines.
 */
export function readCsvTable<C extends string>(
  data: Buffer,
  columns: Record<C, readonly string[]>,
  required: readonly C[],
  maxRows: number,
  noun: string,
): CsvTable<C> {
  const text = decodeText(data);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InvalidInputError(`El CSV está mal formado${line ? ` cerca de la línea ${line}` : ''} (comillas sin cerrar o caracteres no válidos).`, [
      { field: 'archivo', line, message: 'CSV mal formado.' },
    ]);
  }
  if (parsed.length === 0) throw new DomainError('El CSV está vacío.', 'archivo');
  const header = parsed[0].record;
  const normalized = header.map(normalizeHeader);
  const index = new Map<C, number>();
  const used = new Set<number>();
  for (const column of Object.keys(columns) as C[]) {
    const at = normalized.findIndex((h) => columns[column].includes(h));
    if (at >= 0) {
      index.set(column, at);
      used.add(at);
    }
  }
  const missing = required.filter((c) => !index.has(c));
  if (missing.length) {
    throw new InvalidInputError(`Al CSV le faltan las columnas: ${missing.join(', ')}.`, missing.map((c) => ({ field: c, line: 1, message: `Falta la columna ${c}.` })));
  }
  const rows = parsed.slice(1).map((r) => ({ record: r.record, line: r.info.lines }));
  if (rows.length > maxRows) {
    throw new DomainError(`El CSV admite a lo más ${maxRows} líneas de ${noun}; trae ${rows.length}.`, 'archivo');
  }
  return {
    rows,
    header,
    index,
    cell: (record, column) => (index.has(column) ? (record[index.get(column)!] ?? '').trim() : ''),
    ignoredColumns: header.filter((_, i) => !used.has(i)),
  };
}
