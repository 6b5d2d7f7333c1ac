import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export const CREDENTIAL_EVENTS = ['CORRECCION', 'REVOCACION', 'REEMPLAZO', 'ANULACION', 'REPORTE'] as const;
export type CredentialEventType = (typeof CREDENTIAL_EVENTS)[number];

/** Audit of what happened to an issued card after issue: who, when, why. */
@Entity({ tableName: 'credential_event' })
export class CredentialEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  credentialId!: number;

  @Property({ type: 'string', length: 24 })
  folio!: string;

  @Enum({ items: () => [...CREDENTIAL_EVENTS] })
  event!: CredentialEventType;

  @Property({ type: 'string', length: 100 })
  actorId!: string;

  @Property({ type: 'string', length: 40 })
  actorRole!: string;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
