import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export const HOLDER_TYPES = ['DRSE', 'ESCUELA'] as const;
export type HolderType = (typeof HOLDER_TYPES)[number];

/** Why a requested student is not in a run (listed back to the caller). */
export const EXCLUSION_REASONS = ['NO_ENCONTRADO', 'FUERA_DE_ALCANCE', 'RUTA_DE_IMPRESION', 'RECHAZADA', 'SIN_FOTOGRAFIA', 'YA_EXPEDIDA', 'HOLOGRAMA_ENTREGADO'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface Exclusion {
  studentId: number;
  reason: ExclusionReason;
  /** Spanish explanation for the user. */
  detail: string;
}

/** A student who holds a card in force (R3): the run gives them the cycle's hologram, not a new card. */
export interface HologramOnly {
  studentId: number;
  /** The card in force and the cycle it was issued in. */
  folio: string;
  cardCycleCode: string;
}

/** A print file: planillas of 8 for one holder (a DRSE or a school printing on site) and one cycle. */
@Entity({ tableName: 'print_run' })
export class PrintRun {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  /** The caller's idempotency key. */
  @Property({ type: 'string', length: 200, unique: 'print_run_key_unique' })
  key!: string;

  /** SHA-256 of the request (holder, students, cycle, options): the same key with other data is refused. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Enum({ items: () => [...HOLDER_TYPES] })
  holderType!: HolderType;

  @Property({ type: 'string', length: 40, nullable: true })
  holderDrseCode?: string;

  @Property({ type: 'integer', nullable: true })
  holderSchoolId?: number;

  @Property({ type: 'string', length: 9 })
  cycleCode!: string;

  @Property({ type: 'boolean' })
  newPlanillaPerSchool!: boolean;

  @Property({ type: 'integer' })
  planillas!: number;

  @Property({ type: 'integer' })
  cards!: number;

  /** Blank slots whose folios were voided before the file existed (R7). */
  @Property({ type: 'integer' })
  voided!: number;

  @Property({ type: 'json' })
  excluded: Exclusion[] = [];

  /** Students with a card in force who get only the cycle's hologram (recorded by a school's on-site run). */
  @Property({ type: 'json' })
  hologramOnly: HologramOnly[] = [];

  @Property({ type: 'string', length: 100 })
  createdById!: string;

  @Property({ type: 'string', length: 40 })
  createdByRole!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  pdfHash?: string;

  @Property({ type: 'datetime', nullable: true })
  renderedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  consumptionRecordedAt?: Date;

  /** The inventory reservation the run draws on (a DRSE run for a request); its consumption consumes it. */
  @Property({ type: 'integer', nullable: true })
  reservationId?: number;
}
