import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Drse, School } from '../../catalog';

export const HOLDER_KINDS = ['CENTRAL', 'DRSE', 'ESCUELA'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/**
 * Who holds stock: the central warehouse (Recursos Materiales), a DRSE (its Tecnologías office) or
 * a school that prints on site. One row per DRSE / school / the central one (partial unique indexes).
 */
@Entity({ tableName: 'stock_holder' })
export class StockHolder {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string' })
  kind!: HolderKind;

  @ManyToOne(() => Drse, { nullable: true, deleteRule: 'restrict' })
  drse?: Drse;

  @ManyToOne(() => School, { nullable: true, deleteRule: 'restrict' })
  school?: School;

  @Property({ type: 'string', length: 300 })
  name!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
