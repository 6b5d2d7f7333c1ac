import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const ACUSE_KINDS = ['MATERIAL_ESCUELA', 'ENVIO_DRSE', 'CREDENCIALES'] as const;
export type AcuseKind = (typeof ACUSE_KINDS)[number];

export interface AcuseLine {
  item: string;
  description: string;
  /** What was delivered (a shipment's acuse: what arrived). */
  quantity: number;
  quantityText: string;
  /** A shipment's acuse (ENVIO_DRSE) since shortfalls are stated: what was shipped, what did not arrive and the note. */
  shipped?: number;
  shippedText?: string;
  missing?: number;
  missingText?: string;
  note?: string | null;
}

/** An acuse de recibido: a numbered document (folio AC-YYYY-NNNNNN) with its PDF and signed scan. */
@Entity({ tableName: 'acuse' })
export class Acuse {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 20, unique: 'acuse_folio_unique' })
  folio!: string;

  @Property({ type: 'string', length: 200 })
  operationKey!: string;

  @Property({ type: 'string' })
  kind!: AcuseKind;

  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'string', length: 300 })
  fromName!: string;

  @Property({ type: 'string', length: 300 })
  toName!: string;

  @Property({ type: 'integer', nullable: true })
  fromHolderId?: number;

  @Property({ type: 'integer', nullable: true })
  toHolderId?: number;

  @Property({ type: 'integer', nullable: true })
  schoolId?: number;

  @Property({ type: 'string', length: 40, nullable: true })
  drseCode?: string;

  @Property({ type: 'json' })
  lines!: AcuseLine[];

  @Property({ type: 'json', nullable: true })
  cardFolios?: string[];

  @Property({ type: 'integer', nullable: true })
  cardCount?: number;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string;

  @Property({ type: 'integer', nullable: true })
  ticketId?: number;

  @Property({ type: 'integer', nullable: true })
  shipmentId?: number;

  @Property({ type: 'string', length: 64, columnType: 'char(64)', nullable: true })
  pdfHash?: string;

  @Property({ type: 'string', length: 64, columnType: 'char(64)', nullable: true })
  signedScanHash?: string;

  @Property({ type: 'string', length: 60, nullable: true })
  signedScanContentType?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  signedUploadedAt?: Date;

  @Property({ type: 'string', length: 100, nullable: true })
  signedUploadedBy?: string;

  @Property({ type: 'string', length: 100 })
  createdById!: string;

  @Property({ type: 'string' })
  createdByRole!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
