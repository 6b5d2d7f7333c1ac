import { Migration } from '@mikro-orm/migrations';

/** Catalogue: DRSE (14 regions seeded here), schools, students, school cycles. */
export class Migration20261129000100_catalog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table drse (
        code varchar(40) primary key,
        name varchar(120) not null,
        seat varchar(120) not null,
        parent_code varchar(40) null references drse(code) on delete restrict,
        constraint drse_not_own_parent check (parent_code is null or parent_code <> code)
      );`);
    this.addSql(`
      create table school_cycle (
        code varchar(9) primary key check (code ~ '^[0-9]{4}-[0-9]{4}$'),
        starts_on date not null,
        ends_on date not null,
        is_current boolean not null default false,
        replacement_tariff_cents integer not null default 2800 check (replacement_tariff_cents > 0),
        constraint school_cycle_dates check (starts_on < ends_on)
      );`);
    this.addSql(`create unique index school_cycle_one_current on school_cycle (is_current) where is_current;`);
    this.addSql(`
      create table school (
        id serial primary key,
        cct varchar(10) not null check (cct ~ '^14[A-Z]{3}[0-9]{4}[A-Z]$'),
        turno text not null check (turno in ('MATUTINO','VESPERTINO','NOCTURNO','DISCONTINUO','CONTINUO')),
        nivel text not null check (nivel in ('PRIMARIA','SECUNDARIA')),
        name varchar(200) not null,
        address varchar(300) not null,
        phone varchar(30) not null,
        matricula integer not null check (matricula >= 0),
        has_internet boolean not null,
        drse_code varchar(40) not null references drse(code) on delete restrict,
        print_route text not null check (print_route in ('DRSE','ESCUELA')),
        print_route_reason varchar(300) not null,
        constraint school_cct_turno_unique unique (cct, turno)
      );`);
    this.addSql(`create index school_drse_idx on school (drse_code);`);
    this.addSql(`
      create table student (
        id serial primary key,
        curp varchar(18) not null check (curp ~ '^[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX][A-Z]{5}[A-Z0-9][0-9]$'),
        nombres varchar(80) not null,
        primer_apellido varchar(80) not null,
        segundo_apellido varchar(80) null,
        school_id integer not null references school(id) on delete restrict,
        primer_ingreso boolean not null,
        photo_hash varchar(64) null check (photo_hash ~ '^[0-9a-f]{64}$'),
        declined boolean not null default false,
        declined_at timestamptz null,
        declined_reason varchar(500) null,
        constraint student_curp_unique unique (curp)
      );`);
    this.addSql(`create index student_school_idx on student (school_id);`);

    const regions: Array<[string, string, string]> = [
      ['VALLES', 'DRSE Valles', 'Ameca'],
      ['COSTA_SUR', 'DRSE Costa Sur', 'La Huerta'],
      ['SIERRA_DE_AMULA', 'DRSE Sierra de Amula', 'Autlán'],
      ['SUR', 'DRSE Sur', 'Ciudad Guzmán'],
      ['LAGUNAS', 'DRSE Lagunas', 'Cocula'],
      ['NORTE', 'DRSE Norte', 'Colotlán'],
      ['ALTOS_NORTE', 'DRSE Altos Norte', 'Lagos de Moreno'],
      ['CIENEGA', 'DRSE Ciénega', 'Ocotlán'],
      ['ALTOS_SUR', 'DRSE Altos Sur', 'Tepatitlán'],
      ['COSTA_SIERRA_OCCIDENTAL', 'DRSE Costa Sierra Occidental', 'Puerto Vallarta'],
      ['SURESTE', 'DRSE Sureste', 'Jocotepec'],
      ['CENTRO_1', 'DRSE Centro 1', 'Guadalajara'],
      ['CENTRO_2', 'DRSE Centro 2', 'Zapopan'],
      ['CENTRO_3', 'DRSE Centro 3', 'Tlaquepaque'],
    ];
    for (const [code, name, seat] of regions) {
      this.addSql(`insert into drse (code, name, seat) values ('${code}', '${name}', '${seat}');`);
    }
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists student;');
    this.addSql('drop table if exists school;');
    this.addSql('drop table if exists school_cycle;');
    this.addSql('drop table if exists drse;');
  }
}
