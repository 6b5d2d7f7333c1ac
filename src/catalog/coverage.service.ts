import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { actorCovers, coveredDrseCodes, STATE_ROLES, type Actor } from '../access';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../common/domain-error';
import { sheetsFor, SLOTS_PER_SHEET } from '../inventory';
import { SchoolsService } from './schools.service';

/**
 * Coverage of the current cycle (issue 10 item 8), per school, per DRSE and statewide. Read-only
 * SQL over the catalogue (students, holograms), production (cards), requests and inventory tables.
 *
 * - students / withPhoto / declined: the school's students as imported.
 * - cardsInForce: students holding an issued (EXPEDIDA) card of any cycle (R3: it stays valid);
 *   cardsIssuedThisCycle: cards issued in the current cycle.
 * - hologramsDelivered: students with the current cycle's hologram (student_hologram).
 * - pending: students who did not decline and still lack a card in force (newCards) or this
 *   cycle's hologram (holograms); withoutPhoto: of the newCards ones, those without a photo (R8).
 * - requests: school procedures (1, 2, replacement) filed since the cycle started, by public status;
 *   open ones; overdue: open ones with an overdue open task.
 * - material: available stock (on hand − reserved) of the unit's holders (a school that prints on
 *   site: its own; a DRSE: its Tecnologías office plus its on-site schools) against what its pending
 *   students need (SPEC §5: a new card 1 mica, 1 Teslin slot in whole planillas of 8, ink per
 *   planilla; every pending student 1 hologram). A school printed by its DRSE has no material of
 *   its own (null).
 */
export interface CoverageMetrics {
  schools: number;
  students: number;
  withPhoto: number;
  declined: number;
  cardsInForce: number;
  cardsIssuedThisCycle: number;
  hologramsDelivered: number;
  pending: { students: number; newCards: number; holograms: number; withoutPhoto: number };
  requests: { byStatus: Array<{ status: string; count: number }>; open: number; overdue: number };
  material: MaterialLine[] | null;
}

export interface MaterialLine {
  item: string;
  available: number;
  needed: number;
  missing: number;
}

export interface DrseCoverageRow extends CoverageMetrics {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface SchoolCoverageRow extends CoverageMetrics {
  id: number;
  cct: string;
  turno: string;
  nivel: string;
  name: string;
  drseCode: string;
  printRoute: string;
}

export interface CoverageSummary {
  cycleCode: string;
  /** ESTADO for central roles; DRSE for a DRSE's staff (its DRSE and Sub-DRSEs). */
  scope: 'ESTADO' | 'DRSE';
  generatedAt: string;
  /** When the students', cards' and holograms' counts were computed (the snapshot; live for one school). */
  countsAsOf: string;
  totals: CoverageMetrics;
  drses: DrseCoverageRow[];
  /** Central warehouse available stock (central roles only). */
  centralWarehouse: Array<{ item: string; available: number }> | null;
}

export interface DrseCoverage {
  cycleCode: string;
  generatedAt: string;
  countsAsOf: string;
  drse: { code: string; name: string; parentCode: string | null };
  totals: CoverageMetrics;
  schools: SchoolCoverageRow[];
}

export interface SchoolCoverage {
  cycleCode: string;
  generatedAt: string;
  countsAsOf: string;
  school: SchoolCoverageRow;
}

type Row = Record<string, unknown>;
const n = (v: unknown): number => Number(v ?? 0);

/** Live per-school counts of students, cards and holograms (CTEs `st` and `issued`) for the schools in `sc`. */
const LIVE_COUNTS = `
    st as (
      select s.school_id,
             count(*) as students,
             count(*) filter (where s.photo_hash is not null) as with_photo,
             count(*) filter (where s.declined) as declined,
             count(c.student_id) as cards_in_force,
             count(h.student_id) as holograms,
             count(*) filter (where not s.declined and (c.student_id is null or h.student_id is null)) as pending,
             count(*) filter (where not s.declined and c.student_id is null) as pending_cards,
             count(*) filter (where not s.declined and c.student_id is null and s.photo_hash is null) as pending_no_photo,
             count(*) filter (where not s.declined and h.student_id is null) as pending_holograms
        from student s
        join sc on sc.id = s.school_id
        left join (select distinct student_id from credential where status = 'EXPEDIDA' and kind = 'TARJETA' and school_id in (select id from sc)) c
               on c.student_id = s.id
        left join student_hologram h on h.student_id = s.id and h.cycle_code = :cycle
       group by s.school_id),
    issued as (
      select school_id, count(*) as n from credential
       where cycle_code = :cycle and status = 'EXPEDIDA' and kind = 'TARJETA' and school_id in (select id from sc)
       group by school_id)`;

/** The same CTEs read from the last snapshot (CoverageService.refresh). */
const SNAPSHOT_COUNTS = `
    st as (
      select school_id, students, with_photo, declined, cards_in_force, holograms, pending, pending_cards, pending_no_photo, pending_holograms
        from coverage_snapshot where cycle_code = :cycle and school_id in (select id from sc)),
    issued as (select school_id, issued as n from coverage_snapshot where cycle_code = :cycle and school_id in (select id from sc))`;

/** Per-school rows (counts, requests by status, on-site stock), restricted by `filter` (a condition on school `sc`). */
function schoolCountsSql(filter: string, counts: string): string {
  return `
    with sc as (select id, drse_code, print_route from school sc where ${filter}),
    ${counts},
    rq as (
      select pr.school_id, pr.public_status, count(*) as n,
             count(*) filter (where pr.closed_at is null) as open,
             count(*) filter (where pr.closed_at is null and exists (
               select 1 from procedure_task t where t.request_id = pr.id and t.status = 'ABIERTA' and (t.overdue or t.due_at < now()))) as overdue
        from procedure_request pr
       where pr.school_id in (select id from sc) and pr.created_at >= :starts
       group by pr.school_id, pr.public_status),
    stock as (
      select h.school_id, b.item_code, sum(b.on_hand - b.reserved) as available
        from stock_holder h join stock_balance b on b.holder_id = h.id
       where h.kind = 'ESCUELA' and h.school_id in (select id from sc)
       group by h.school_id, b.item_code)
    select sc.id as school_id, sc.drse_code, sc.print_route,
           coalesce(st.students, 0) as students, coalesce(st.with_photo, 0) as with_photo, coalesce(st.declined, 0) as declined,
           coalesce(st.cards_in_force, 0) as cards_in_force, coalesce(st.holograms, 0) as holograms, coalesce(st.pending, 0) as pending,
           coalesce(st.pending_cards, 0) as pending_cards, coalesce(st.pending_no_photo, 0) as pending_no_photo,
           coalesce(st.pending_holograms, 0) as pending_holograms, coalesce(issued.n, 0) as issued,
           coalesce(rqj.requests, '[]') as requests, coalesce(stj.stock, '[]') as stock
      from sc
      left join st on st.school_id = sc.id
      left join issued on issued.school_id = sc.id
      left join (select school_id, json_agg(json_build_array(public_status, n, open, overdue)) as requests from rq group by school_id) rqj on rqj.school_id = sc.id
      left join (select school_id, json_agg(json_build_array(item_code, available)) as stock from stock group by school_id) stj on stj.school_id = sc.id`;
}

/** Replaces the snapshot with the live counts of every school. */
const REFRESH_SQL = `
    insert into coverage_snapshot (school_id, cycle_code, students, with_photo, declined, cards_in_force, holograms, pending, pending_cards, pending_no_photo, pending_holograms, issued)
    with sc as (select id from school), ${LIVE_COUNTS}
    select st.school_id, :cycle::varchar, st.students, st.with_photo, st.declined, st.cards_in_force, st.holograms, st.pending, st.pending_cards,
           st.pending_no_photo, st.pending_holograms, coalesce(issued.n, 0)
      from st left join issued on issued.school_id = st.school_id`;

/** Seconds a snapshot serves before a read starts recomputing it (in the background). */
export function coverageMaxAgeSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.COVERAGE_MAX_AGE_SECONDS ?? 300);
  return Number.isFinite(v) && v >= 0 ? v : 300;
}

interface Acc {
  schools: number;
  students: number;
  withPhoto: number;
  declined: number;
  cardsInForce: number;
  cardsIssuedThisCycle: number;
  hologramsDelivered: number;
  pending: number;
  pendingCards: number;
  pendingNoPhoto: number;
  pendingHolograms: number;
  /** Teslin slots and ink planillas: whole planillas per printing unit (school or DRSE). */
  byStatus: Map<string, number>;
  open: number;
  overdue: number;
  available: Map<string, number>;
  /** New cards the DRSE prints itself (its routed schools), rounded in planillas at the DRSE. */
  drsePrintedCards: number;
  /** Teslin slots needed by on-site schools (each rounded to its own planillas). */
  onSiteSlots: number;
  hasMaterial: boolean;
}

function emptyAcc(): Acc {
  return {
    schools: 0, students: 0, withPhoto: 0, declined: 0, cardsInForce: 0, cardsIssuedThisCycle: 0, hologramsDelivered: 0,
    pending: 0, pendingCards: 0, pendingNoPhoto: 0, pendingHolograms: 0, byStatus: new Map(), open: 0, overdue: 0,
    available: new Map(), drsePrintedCards: 0, onSiteSlots: 0, hasMaterial: false,
  };
}

function addSchoolRow(acc: Acc, r: Row, material: boolean): void {
  acc.schools += 1;
  acc.students += n(r.students);
  acc.withPhoto += n(r.with_photo);
  acc.declined += n(r.declined);
  acc.cardsInForce += n(r.cards_in_force);
  acc.cardsIssuedThisCycle += n(r.issued);
  acc.hologramsDelivered += n(r.holograms);
  acc.pending += n(r.pending);
  acc.pendingCards += n(r.pending_cards);
  acc.pendingNoPhoto += n(r.pending_no_photo);
  acc.pendingHolograms += n(r.pending_holograms);
  for (const [status, count, open, overdue] of (r.requests as Array<[string, number, number, number]>) ?? []) {
    acc.byStatus.set(status, (acc.byStatus.get(status) ?? 0) + n(count));
    acc.open += n(open);
    acc.overdue += n(overdue);
  }
  if (!material) return;
  acc.hasMaterial = true;
  if (r.print_route === 'ESCUELA') {
    acc.onSiteSlots += sheetsFor(n(r.pending_cards)) * SLOTS_PER_SHEET;
    for (const [item, available] of (r.stock as Array<[string, number]>) ?? []) acc.available.set(item, (acc.available.get(item) ?? 0) + n(available));
  } else {
    acc.drsePrintedCards += n(r.pending_cards);
  }
}

function mergeAcc(into: Acc, from: Acc): void {
  for (const k of ['schools', 'students', 'withPhoto', 'declined', 'cardsInForce', 'cardsIssuedThisCycle', 'hologramsDelivered', 'pending', 'pendingCards', 'pendingNoPhoto', 'pendingHolograms', 'open', 'overdue', 'onSiteSlots'] as const) {
    into[k] += from[k];
  }
  // A DRSE's own planillas are rounded at the DRSE: fold them into slots before adding up.
  into.onSiteSlots += sheetsFor(from.drsePrintedCards) * SLOTS_PER_SHEET;
  for (const [s, c] of from.byStatus) into.byStatus.set(s, (into.byStatus.get(s) ?? 0) + c);
  for (const [i, a] of from.available) into.available.set(i, (into.available.get(i) ?? 0) + a);
  into.hasMaterial = into.hasMaterial || from.hasMaterial;
}

function metrics(acc: Acc, cycleCode: string): CoverageMetrics {
  let material: MaterialLine[] | null = null;
  if (acc.hasMaterial) {
    const slots = acc.onSiteSlots + sheetsFor(acc.drsePrintedCards) * SLOTS_PER_SHEET;
    const needed: Record<string, number> = {
      [`HOLOGRAMA:${cycleCode}`]: acc.pendingHolograms,
      MICA: acc.pendingCards,
      TESLIN: slots,
      TINTA: slots / SLOTS_PER_SHEET,
    };
    material = Object.entries(needed)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([item, need]) => {
        const available = Math.max(0, acc.available.get(item) ?? 0);
        return { item, available, needed: need, missing: Math.max(0, need - available) };
      });
  }
  return {
    schools: acc.schools,
    students: acc.students,
    withPhoto: acc.withPhoto,
    declined: acc.declined,
    cardsInForce: acc.cardsInForce,
    cardsIssuedThisCycle: acc.cardsIssuedThisCycle,
    hologramsDelivered: acc.hologramsDelivered,
    pending: { students: acc.pending, newCards: acc.pendingCards, holograms: acc.pendingHolograms, withoutPhoto: acc.pendingNoPhoto },
    requests: {
      byStatus: [...acc.byStatus.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, count]) => ({ status, count })),
      open: acc.open,
      overdue: acc.overdue,
    },
    material,
  };
}

@Injectable()
export class CoverageService {
  private readonly logger = new Logger(CoverageService.name);
  private refreshing: Promise<unknown> | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly schools: SchoolsService,
  ) {}

  private async cycle(em: EntityManager): Promise<{ code: string; startsOn: string }> {
    const [c] = await em.execute<Row[]>(`select code, to_char(starts_on, 'YYYY-MM-DD') as starts_on from school_cycle where is_current`);
    if (!c) throw new ConflictError('No hay un ciclo escolar vigente: abra uno para ver la cobertura.', 'ciclo');
    return { code: String(c.code), startsOn: String(c.starts_on) };
  }

  private async schoolRows(em: EntityManager, cycle: { code: string; startsOn: string }, filter: string, params: unknown[], live: boolean): Promise<Row[]> {
    return em.execute<Row[]>(...bind(schoolCountsSql(filter, live ? LIVE_COUNTS : SNAPSHOT_COUNTS), cycle, params));
  }

  /**
   * Recomputes the per-school counts of the current cycle (a few seconds statewide). One at a time:
   * a refresh already running elsewhere makes this one a no-op.
   */
  async refresh(): Promise<{ cycleCode: string; computedAt: string; durationMs: number } | null> {
    const em = this.em.fork();
    const cycle = await this.cycle(em);
    return em.transactional(async (tx) => {
      const [lock] = await tx.execute<Row[]>(`select pg_try_advisory_xact_lock(hashtext('coverage_snapshot')) as got`);
      if (!lock.got) return null;
      const t0 = Date.now();
      await tx.execute('delete from coverage_snapshot');
      await tx.execute(...bind(REFRESH_SQL, cycle, []));
      const durationMs = Date.now() - t0;
      const [run] = await tx.execute<Row[]>(
        `insert into coverage_snapshot_run (id, cycle_code, computed_at, duration_ms) values (1, ?, now(), ?)
         on conflict (id) do update set cycle_code = excluded.cycle_code, computed_at = excluded.computed_at, duration_ms = excluded.duration_ms
         returning computed_at`,
        [cycle.code, durationMs],
      );
      return { cycleCode: cycle.code, computedAt: new Date(run.computed_at as string).toISOString(), durationMs };
    });
  }

  /**
   * The snapshot's time, recomputing first when there is none for the current cycle; when it is older
   * than COVERAGE_MAX_AGE_SECONDS a refresh starts in the background and this read serves the last one.
   */
  private async snapshotAsOf(em: EntityManager, cycleCode: string): Promise<string> {
    const [run] = await em.execute<Row[]>('select cycle_code, computed_at, extract(epoch from now() - computed_at) as age from coverage_snapshot_run where id = 1');
    if (!run || run.cycle_code !== cycleCode) {
      const done = (await this.refresh()) ?? (await this.waitForRefresh(em, cycleCode));
      return done.computedAt;
    }
    if (Number(run.age) > coverageMaxAgeSeconds() && !this.refreshing) {
      this.refreshing = this.refresh()
        .catch((err: unknown) => this.logger.error(`No se pudo recalcular la cobertura: ${(err as Error).message}`))
        .finally(() => (this.refreshing = null));
    }
    return new Date(run.computed_at as string).toISOString();
  }

  private async waitForRefresh(em: EntityManager, cycleCode: string): Promise<{ computedAt: string }> {
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const [run] = await em.execute<Row[]>('select cycle_code, computed_at from coverage_snapshot_run where id = 1');
      if (run && run.cycle_code === cycleCode) return { computedAt: new Date(run.computed_at as string).toISOString() };
    }
    throw new ServiceUnavailableError('La cobertura se está calculando; intente de nuevo en un momento.');
  }

  private async drseHolderStock(em: EntityManager, drseCodes: string[] | null): Promise<Map<string, Map<string, number>>> {
    const rows = await em.execute<Row[]>(
      `select h.drse_code, b.item_code, b.on_hand - b.reserved as available
         from stock_holder h join stock_balance b on b.holder_id = h.id
        where h.kind = 'DRSE' ${drseCodes ? 'and h.drse_code = any(?::varchar[])' : ''}`,
      drseCodes ? [`{${drseCodes.join(',')}}`] : [],
    );
    const out = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const m = out.get(String(r.drse_code)) ?? new Map<string, number>();
      m.set(String(r.item_code), n(r.available));
      out.set(String(r.drse_code), m);
    }
    return out;
  }

  /** Statewide (central roles) or the actor's DRSE and Sub-DRSEs, with one row per DRSE. */
  async summary(actor: Actor): Promise<CoverageSummary> {
    const em = this.em.fork();
    const cycle = await this.cycle(em);
    const state = STATE_ROLES.includes(actor.role);
    const codes = state ? null : coveredDrseCodes(actor);
    const drses = await em.execute<Row[]>(
      `select code, name, parent_code from drse ${codes ? 'where code = any(?::varchar[])' : ''} order by coalesce(parent_code, code), parent_code nulls first, code`,
      codes ? [`{${codes.join(',')}}`] : [],
    );
    const countsAsOf = await this.snapshotAsOf(em, cycle.code);
    const rows = await this.schoolRows(em, cycle, codes ? 'sc.drse_code = any(?::varchar[])' : 'true', codes ? [`{${codes.join(',')}}`] : [], false);
    const drseStock = await this.drseHolderStock(em, codes);
    const per = new Map<string, Acc>();
    for (const d of drses) {
      const acc = emptyAcc();
      acc.hasMaterial = true;
      for (const [item, a] of drseStock.get(String(d.code)) ?? []) acc.available.set(item, a);
      per.set(String(d.code), acc);
    }
    for (const r of rows) {
      const acc = per.get(String(r.drse_code));
      if (acc) addSchoolRow(acc, r, true);
    }
    const total = emptyAcc();
    for (const acc of per.values()) mergeAcc(total, acc);
    let centralWarehouse: CoverageSummary['centralWarehouse'] = null;
    if (state) {
      const central = await em.execute<Row[]>(
        `select b.item_code, b.on_hand - b.reserved as available from stock_holder h join stock_balance b on b.holder_id = h.id where h.kind = 'CENTRAL' order by b.item_code`,
      );
      centralWarehouse = central.map((r) => ({ item: String(r.item_code), available: n(r.available) }));
    }
    return {
      cycleCode: cycle.code,
      scope: state ? 'ESTADO' : 'DRSE',
      generatedAt: new Date().toISOString(),
      countsAsOf,
      totals: metrics(total, cycle.code),
      drses: drses.map((d) => ({ code: String(d.code), name: String(d.name), parentCode: (d.parent_code as string | null) ?? null, ...metrics(per.get(String(d.code))!, cycle.code) })),
      centralWarehouse,
    };
  }

  /** One DRSE (or Sub-DRSE) with a row per school. Outside the actor's scope: 404. */
  async drse(actor: Actor, code: string): Promise<DrseCoverage> {
    const em = this.em.fork();
    const upper = code.trim().toUpperCase();
    const [d] = await em.execute<Row[]>('select code, name, parent_code from drse where code = ?', [upper]);
    if (!d || !actorCovers(actor, { drseCode: upper }) || actor.role === 'ESCUELA') throw new NotFoundError('No existe la DRSE o no está en su ámbito.', 'code');
    const cycle = await this.cycle(em);
    const countsAsOf = await this.snapshotAsOf(em, cycle.code);
    const rows = await this.schoolRows(em, cycle, 'sc.drse_code = ?', [upper], false);
    const info = await em.execute<Row[]>('select id, cct, turno, nivel, name from school where drse_code = ? order by cct, turno', [upper]);
    const byId = new Map(rows.map((r) => [n(r.school_id), r]));
    const total = emptyAcc();
    total.hasMaterial = true;
    for (const [item, a] of (await this.drseHolderStock(em, [upper])).get(upper) ?? []) total.available.set(item, a);
    const schools = info.map((s) => {
      const r = byId.get(n(s.id))!;
      addSchoolRow(total, r, true);
      return this.schoolRow(s, r, cycle.code);
    });
    return {
      cycleCode: cycle.code,
      generatedAt: new Date().toISOString(),
      countsAsOf,
      drse: { code: upper, name: String(d.name), parentCode: (d.parent_code as string | null) ?? null },
      totals: metrics(total, cycle.code),
      schools,
    };
  }

  /** One school: its own figures; material only when it prints on site. */
  async school(actor: Actor, id: number): Promise<SchoolCoverage> {
    const school = await this.schools.findInScope(actor, id);
    const em = this.em.fork();
    const cycle = await this.cycle(em);
    const [r] = await this.schoolRows(em, cycle, 'sc.id = ?', [school.id], true);
    return {
      cycleCode: cycle.code,
      generatedAt: new Date().toISOString(),
      countsAsOf: new Date().toISOString(),
      school: this.schoolRow({ id: school.id, cct: school.cct, turno: school.turno, nivel: school.nivel, name: school.name }, r, cycle.code),
    };
  }

  private schoolRow(s: Row, r: Row, cycleCode: string): SchoolCoverageRow {
    const acc = emptyAcc();
    addSchoolRow(acc, r, r.print_route === 'ESCUELA');
    return {
      id: n(s.id),
      cct: String(s.cct),
      turno: String(s.turno),
      nivel: String(s.nivel),
      name: String(s.name),
      drseCode: String(r.drse_code),
      printRoute: String(r.print_route),
      ...metrics(acc, cycleCode),
    };
  }
}

/** Named :cycle / :starts become positional parameters; the filter's own `?` take `params` in order. */
function bind(sql: string, cycle: { code: string; startsOn: string }, params: unknown[]): [string, unknown[]] {
  const values: unknown[] = [];
  let k = 0;
  const text = sql.replace(/:cycle|:starts|\?/g, (m) => {
    values.push(m === ':cycle' ? cycle.code : m === ':starts' ? cycle.startsOn : params[k++]);
    return '?';
  });
  return [text, values];
}
