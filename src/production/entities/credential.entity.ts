import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export const CREDENTIAL_KINDS = ['TARJETA', 'BLANCO'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * EXPEDIDA: issued and current. ANULADA: voided (a blank slot, R7, or a central correction, R9).
 * REVOCADA: reported lost/damaged/stolen and paid for (R5), new card pending.
 * REEMPLAZADA: revoked and its replacement has been issued.
 */
export const CREDENTIAL_STATUSES = ['EXPEDIDA', 'ANULADA', 'REVOCADA', 'REEMPLAZADA'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/**
 * One folio: a printed card or a voided blank slot. The card keeps a snapshot of what was printed
 * (name, school data, photo, signed QR payload), so re-rendering a run gives the same cards.
 */
@Entity({ tableName: 'credential' })
export class Credential {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'bigint', unique: 'credential_folio_number_unique' })
  folioNumber!: string;

  @Property({ type: 'string', length: 24, unique: 'credential_folio_unique' })
  folio!: string;

  @Property({ type: 'string', length: 9 })
  cycleCode!: string;

  @Property({ type: 'integer' })
  runId!: number;

  @Property({ type: 'integer' })
  planilla!: number;

  @Property({ type: 'integer' })
  slot!: number;

  @Enum({ items: () => [...CREDENTIAL_KINDS] })
  kind!: CredentialKind;

  @Enum({ items: () => [...CREDENTIAL_STATUSES] })
  status!: CredentialStatus;

  @Property({ type: 'integer', nullable: true })
  studentId?: number;

  @Property({ type: 'integer', nullable: true })
  schoolId?: number;

  @Property({ type: 'string', length: 250, nullable: true })
  studentName?: string;

  @Property({ type: 'string', length: 64, nullable: true })
  photoHash?: string;

  @Property({ type: 'string', length: 10, nullable: true })
  cct?: string;

  @Property({ type: 'string', nullable: true })
  turno?: string;

  @Property({ type: 'string', nullable: true })
  nivel?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  schoolName?: string;

  @Property({ type: 'string', length: 300, nullable: true })
  schoolAddress?: string;

  @Property({ type: 'string', length: 30, nullable: true })
  schoolPhone?: string;

  @Property({ type: 'string', length: 200, nullable: true })
  qrPayload?: string;

  @Property({ type: 'string', length: 8, nullable: true })
  keyId?: string;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  voidedAt?: Date;

  @Property({ type: 'string', length: 500, nullable: true })
  voidReason?: string;

  @Property({ type: 'string', length: 100, nullable: true })
  voidedById?: string;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'string', length: 24, nullable: true })
  replacedByFolio?: string;
}
