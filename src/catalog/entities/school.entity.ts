import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DomainError } from '../../common/domain-error';
import { NIVELES, Nivel, TURNOS, Turno, normalizeCct, parseNivel, parseTurno } from '../identifiers';
import { computePrintRoute, PrintRoute } from '../print-route';
import { Drse } from './drse.entity';

export interface SchoolProps {
  cct: string;
  turno: Turno | string;
  nivel: Nivel | string;
  name: string;
  address: string;
  phone: string;
  matricula: number;
  hasInternet: boolean;
  drse: Drse;
  municipality?: string;
}

/** The fields an import or an edit may change (CCT and turno identify the school and never change). */
export interface SchoolChanges {
  nivel?: Nivel | string;
  name?: string;
  address?: string;
  phone?: string;
  municipality?: string;
  matricula?: number;
  hasInternet?: boolean;
  drse?: Drse;
}

/** One changed field, as users read it (values already in words). */
export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

/** A centro de trabajo, identified by CCT + turno. The R1 route is recomputed on every change. */
@Entity({ tableName: 'school' })
@Unique({ name: 'school_cct_turno_unique', properties: ['cct', 'turno'] })
export class School {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 10 })
  cct: string;

  @Enum({ items: () => [...TURNOS], nativeEnumName: undefined })
  turno: Turno;

  @Enum({ items: () => [...NIVELES] })
  nivel: Nivel;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'string', length: 300 })
  address: string;

  @Property({ type: 'string', length: 30 })
  phone: string;

  @Property({ type: 'string', length: 120, nullable: true })
  municipality?: string;

  @Property({ type: 'integer' })
  matricula!: number;

  @Property({ type: 'boolean' })
  hasInternet!: boolean;

  @ManyToOne(() => Drse, { deleteRule: 'restrict' })
  drse: Drse;

  @Enum({ items: () => ['DRSE', 'ESCUELA'] })
  printRoute!: PrintRoute;

  @Property({ type: 'string', length: 300 })
  printRouteReason!: string;

  constructor(props: SchoolProps) {
    this.cct = normalizeCct(props.cct);
    this.turno = parseTurno(props.turno);
    this.nivel = parseNivel(props.nivel);
    this.name = required(props.name, 'name', 'El nombre de la escuela es obligatorio.');
    this.address = required(props.address, 'address', 'El domicilio de la escuela es obligatorio.');
    this.phone = required(props.phone, 'phone', 'El teléfono de la escuela es obligatorio.');
    this.drse = props.drse;
    this.municipality = props.municipality?.trim() || undefined;
    this.update({ matricula: props.matricula, hasInternet: props.hasInternet });
  }

  /** Changes matrícula and/or internet access and recomputes the R1 route. */
  update(changes: { matricula?: number; hasInternet?: boolean }): void {
    if (changes.matricula !== undefined) this.matricula = checkMatricula(changes.matricula);
    if (changes.hasInternet !== undefined) this.hasInternet = changes.hasInternet;
    const decision = computePrintRoute(this);
    this.printRoute = decision.route;
    this.printRouteReason = decision.reason;
  }

  /**
   * Applies `changes` (validated like the constructor) and returns what actually changed, old → new;
   * R1 is recomputed, and a route change is listed as the field `printRoute`.
   */
  edit(changes: SchoolChanges): FieldChange[] {
    const before = this.snapshot();
    const next = {
      nivel: changes.nivel !== undefined ? parseNivel(changes.nivel) : this.nivel,
      name: changes.name !== undefined ? required(changes.name, 'name', 'El nombre de la escuela es obligatorio.') : this.name,
      address: changes.address !== undefined ? required(changes.address, 'address', 'El domicilio de la escuela es obligatorio.') : this.address,
      phone: changes.phone !== undefined ? required(changes.phone, 'phone', 'El teléfono de la escuela es obligatorio.') : this.phone,
      municipality: changes.municipality !== undefined ? changes.municipality.trim() || undefined : this.municipality,
    };
    if (changes.matricula !== undefined) checkMatricula(changes.matricula);
    Object.assign(this, next);
    if (changes.drse !== undefined) this.drse = changes.drse;
    this.update({ matricula: changes.matricula, hasInternet: changes.hasInternet });
    const after = this.snapshot();
    return Object.keys(after)
      .filter((k) => before[k] !== after[k])
      .map((k) => ({ field: k, old: before[k], new: after[k] }));
  }

  /** The audited fields, keyed by the words users read (the audit and the import report show them). */
  private snapshot(): Record<string, string | null> {
    return {
      nivel: this.nivel,
      nombre: this.name,
      domicilio: this.address,
      'teléfono': this.phone,
      municipio: this.municipality ?? null,
      DRSE: this.drse.code,
      'matrícula': String(this.matricula),
      internet: this.hasInternet ? 'sí' : 'no',
      'ruta de impresión': this.printRoute,
    };
  }

  /** "14EPR0123X-MATUTINO": the scope key of a school. */
  get key(): string {
    return `${this.cct}-${this.turno}`;
  }
}

function checkMatricula(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 20000) {
    throw new DomainError('La matrícula debe ser un número entero entre 0 y 20000.', 'matricula');
  }
  return value;
}

function required(value: string | undefined, field: string, message: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new DomainError(message, field);
  return value.trim();
}
