import { get, Page, qs } from './api.js';

export interface School {
  id: number;
  cct: string;
  turno: string;
  nivel: string;
  name: string;
  matricula: number;
  hasInternet: boolean;
  drseCode: string;
  printRoute: 'DRSE' | 'ESCUELA';
  printRouteReason: string;
}

export interface Student {
  id: number;
  curp: string;
  nombres: string;
  primerApellido: string;
  segundoApellido?: string;
  schoolId: number;
  primerIngreso: boolean;
  hasPhoto: boolean;
  declined: boolean;
  declinedReason?: string;
  /** Card in force (folio and the cycle it was issued in). */
  currentCard?: { folio: string; cycleCode: string };
  /** Received this cycle's hologram. */
  hologramThisCycle?: boolean;
}

export const fullName = (s: Student): string => [s.primerApellido, s.segundoApellido, s.nombres].filter(Boolean).join(' ');

/** Every student of a school (pages of 200). */
export async function allStudents(schoolId: number, extra: Record<string, string | boolean | undefined> = {}): Promise<Student[]> {
  const out: Student[] = [];
  for (let page = 1; ; page++) {
    const p = await get<Page<Student>>(`/students${qs({ schoolId, page, pageSize: 200, ...extra })}`);
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) return out;
  }
}

export async function allSchools(extra: Record<string, string | undefined> = {}): Promise<School[]> {
  const out: School[] = [];
  for (let page = 1; page <= 20; page++) {
    const p = await get<Page<School>>(`/schools${qs({ page, pageSize: 200, ...extra })}`);
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) break;
  }
  return out;
}

let drseNames: Promise<Map<string, string>> | null = null;

/** A DRSE as people name it («DRSE Valles», never the code «VALLES» nor «DRSE DRSE Valles»). */
export function drseDisplay(name: string): string {
  return /^(sub[\s-]?)?drse\b/i.test(name.trim()) ? name.trim() : `DRSE ${name.trim()}`;
}

/** The names of the DRSEs by code (GET /drses, once per page load); the code title-cased if unknown. */
export async function drseNameOf(code: string): Promise<string> {
  drseNames ??= get<{ items: { code: string; name: string }[] }>('/drses')
    .then((r) => new Map(r.items.map((d) => [d.code, drseDisplay(d.name)])))
    .catch(() => new Map<string, string>());
  const known = (await drseNames).get(code);
  return known ?? drseDisplay(code.toLowerCase().replace(/_/g, ' ').replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
}

/** The display names of several DRSE codes at once (one GET /drses per page load). */
export async function drseNamesOf(codes: Array<string | null | undefined>): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  return new Map(await Promise.all(unique.map(async (c): Promise<[string, string]> => [c, await drseNameOf(c)])));
}
