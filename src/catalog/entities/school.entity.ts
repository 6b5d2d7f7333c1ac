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
    this.update({ matricula: props.matricula, hasInternet: props.hasInternet });
  }

  /** Changes matrícula and/or internet access and recomputes the R1 route. */
  update(changes: { matricula?: number; hasInternet?: boolean }): void {
    if (changes.matricula !== undefined) {
      if (!Number.isInteger(changes.matricula) || changes.matricula < 0 || changes.matricula > 20000) {
        throw new DomainError('La matrícula debe ser un número entero entre 0 y 20000.', 'matricula');
      }
      this.matricula = changes.matricula;
    }
    if (changes.hasInternet !== undefined) this.hasInternet = changes.hasInternet;
    const decision = computePrintRoute(this);
    this.printRoute = decision.route;
    this.printRouteReason = decision.reason;
  }

  /** "14EPR0123X-MATUTINO": the scope key of a school. */
  get key(): string {
    return `${this.cct}-${this.turno}`;
  }
}

function required(value: string | undefined, field: string, message: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new DomainError(message, field);
  return value.trim();
}
