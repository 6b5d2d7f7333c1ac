import { Migration } from '@mikro-orm/migrations';

/**
 * School cycles operated by an administrator: opening and closing times, the replacement tariff
 * with its history (the one source of the R5 amount), and the hologram each student received in
 * each cycle (at most one: the primary key).
 */
export class Migration202612040110_cycles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table school_cycle add column opened_at timestamptz null, add column closed_at timestamptz null;`);
    this.addSql(`
      create table replacement_tariff (
        id serial primary key,
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        cents integer not null check (cents > 0),
        effective_at timestamptz not null default now(),
        set_by varchar(100) not null,
        reason varchar(300) null
      );`);
    this.addSql(`create index replacement_tariff_cycle_idx on replacement_tariff (cycle_code, effective_at desc, id desc);`);
    this.addSql(`insert into replacement_tariff (cycle_code, cents, effective_at, set_by, reason)
                 select code, replacement_tariff_cents, '-infinity', 'SISTEMA', 'Tarifa inicial del ciclo.' from school_cycle;`);
    // A cycle created by any path starts its tariff history with the tariff it was created with.
    this.addSql(`
      create function school_cycle_initial_tariff() returns trigger language plpgsql as $$
      begin
        insert into replacement_tariff (cycle_code, cents, effective_at, set_by, reason)
        values (new.code, new.replacement_tariff_cents, '-infinity', 'SISTEMA', 'Tarifa inicial del ciclo.');
        return new;
      end $$;`);
    this.addSql(`create trigger school_cycle_initial_tariff after insert on school_cycle for each row execute function school_cycle_initial_tariff();`);
    this.addSql(`
      create table student_hologram (
        student_id integer not null references student(id) on delete restrict,
        cycle_code varchar(9) not null references school_cycle(code) on delete restrict,
        source text not null check (source in ('ENTREGA_P1','TIRADA_EN_SITIO','CONFIRMACION_ESCUELA')),
        reference varchar(100) not null,
        recorded_by varchar(100) not null,
        recorded_at timestamptz not null default now(),
        constraint student_hologram_pkey primary key (student_id, cycle_code)
      );`);
    this.addSql(`create index student_hologram_cycle_idx on student_hologram (cycle_code);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists student_hologram;');
    this.addSql('drop trigger if exists school_cycle_initial_tariff on school_cycle;');
    this.addSql('drop function if exists school_cycle_initial_tariff();');
    this.addSql('drop table if exists replacement_tariff;');
    this.addSql('alter table school_cycle drop column if exists opened_at, drop column if exists closed_at;');
  }
}
