import { Migration } from '@mikro-orm/migrations';

/**
 * Coverage counts per school (issue 10 item 8): the statewide and DRSE reports read these rows,
 * recomputed from students, cards and holograms by CoverageService.refresh (at most every few
 * minutes, and at once when the cycle changed); one school's report is always computed live.
 */
export class Migration202612050100_coverage_snapshot extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table coverage_snapshot (
        school_id integer primary key references school(id) on delete cascade,
        cycle_code varchar(9) not null references school_cycle(code) on delete cascade,
        students integer not null,
        with_photo integer not null,
        declined integer not null,
        cards_in_force integer not null,
        holograms integer not null,
        pending integer not null,
        pending_cards integer not null,
        pending_no_photo integer not null,
        pending_holograms integer not null,
        issued integer not null
      );`);
    this.addSql(`
      create table coverage_snapshot_run (
        id smallint primary key check (id = 1),
        cycle_code varchar(9) not null references school_cycle(code) on delete cascade,
        computed_at timestamptz not null,
        duration_ms integer not null
      );`);
    // One school's live report (and the refresh) reads its issued cards by school without scanning them all.
    this.addSql(`create index credential_school_issued_idx on credential (school_id, student_id, cycle_code) where status = 'EXPEDIDA' and kind = 'TARJETA';`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists credential_school_issued_idx;');
    this.addSql('drop table if exists coverage_snapshot_run;');
    this.addSql('drop table if exists coverage_snapshot;');
  }
}
