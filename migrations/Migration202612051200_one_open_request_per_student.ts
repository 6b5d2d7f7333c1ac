import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 item 1.
 *
 * - A student is in at most one open request per kind (Procedure 1 oficio, replacement):
 *   `open_request_student` holds one row per student and kind while the request is open; its
 *   primary key refuses a second one, also between concurrent filings. Filing inserts the rows in
 *   the request's transaction; a trigger deletes them when the request closes (closed_at is set by
 *   the read model on the final transition). Requests open before this migration: the oldest
 *   request of a student keeps the claim, later duplicates run on unclaimed.
 * - A print run may give only holograms: a continuing student holding a card in force gets the
 *   cycle's hologram, not a new card. `hologram_only` lists those students (ids); a school's
 *   on-site run that only gave holograms has no planilla and no card.
 */
export class Migration202612051200_one_open_request_per_student extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table open_request_student (
        student_id integer not null references student(id) on delete cascade,
        kind text not null check (kind in ('PROCEDURE_1','REPLACEMENT')),
        request_id integer not null references procedure_request(id) on delete cascade,
        primary key (student_id, kind)
      );`);
    this.addSql(`create index open_request_student_request_idx on open_request_student (request_id);`);
    this.addSql(`
      insert into open_request_student (student_id, kind, request_id)
      select rs.student_id, 'PROCEDURE_1', rs.request_id
        from request_student rs join procedure_request r on r.id = rs.request_id
       where r.procedure = 'PROCEDURE_1' and r.closed_at is null
       order by rs.request_id
      on conflict do nothing;`);
    this.addSql(`
      insert into open_request_student (student_id, kind, request_id)
      select r.student_id, 'REPLACEMENT', r.id from procedure_request r
       where r.procedure = 'REPLACEMENT' and r.closed_at is null and r.student_id is not null
       order by r.id
      on conflict do nothing;`);
    this.addSql(`
      create function open_request_student_release() returns trigger language plpgsql as $$
      begin
        delete from open_request_student where request_id = new.id;
        return null;
      end $$;`);
    this.addSql(`
      create trigger procedure_request_closed_releases_students after update of closed_at on procedure_request
      for each row when (new.closed_at is not null and old.closed_at is null) execute function open_request_student_release();`);

    this.addSql(`alter table print_run add column hologram_only jsonb not null default '[]';`);
    this.addSql(`alter table print_run drop constraint print_run_planillas_check, drop constraint print_run_cards_check, drop constraint print_run_check;`);
    this.addSql(`
      alter table print_run
        add constraint print_run_planillas_check check (planillas >= 0),
        add constraint print_run_cards_check check (cards >= 0),
        add constraint print_run_voided_check check (voided >= 0 and (voided < planillas * 8 or (planillas = 0 and voided = 0))),
        add constraint print_run_gives_something check (cards > 0 or jsonb_array_length(hologram_only) > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from print_run where cards = 0;`);
    this.addSql(`
      alter table print_run
        drop constraint print_run_gives_something, drop constraint print_run_planillas_check,
        drop constraint print_run_cards_check, drop constraint print_run_voided_check;`);
    this.addSql(`
      alter table print_run
        add constraint print_run_planillas_check check (planillas > 0),
        add constraint print_run_cards_check check (cards > 0),
        add constraint print_run_check check (voided >= 0 and voided < planillas * 8);`);
    this.addSql(`alter table print_run drop column hologram_only;`);
    this.addSql('drop trigger if exists procedure_request_closed_releases_students on procedure_request;');
    this.addSql('drop function if exists open_request_student_release();');
    this.addSql('drop table if exists open_request_student;');
  }
}
