import type { EntityManager } from '@mikro-orm/postgresql';

/** A request still running for a school, with the route it started with (R12: it keeps it). */
export interface OpenRequestSummary {
  id: number;
  procedure: string;
  publicStatus: string;
  printRoute: 'DRSE' | 'ESCUELA' | null;
  createdAt: string;
}

/** The school's requests whose procedure has not finished, oldest first (read model). */
export async function openRequestsOfSchool(em: EntityManager, schoolId: number): Promise<OpenRequestSummary[]> {
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select id, procedure, public_status, print_route, created_at from procedure_request
     where school_id = ? and closed_at is null order by id`,
    [schoolId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    procedure: String(r.procedure),
    publicStatus: String(r.public_status),
    printRoute: (r.print_route as OpenRequestSummary['printRoute']) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
  }));
}
