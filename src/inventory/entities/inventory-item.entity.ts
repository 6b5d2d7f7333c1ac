import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { ItemKind } from '../items';

/** A consumable of the kit. Holograms are one item per school cycle ('HOLOGRAMA:2026-2027'). */
@Entity({ tableName: 'inventory_item' })
export class InventoryItem {
  declare [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string' })
  kind!: ItemKind;

  @Property({ type: 'string', length: 9, nullable: true })
  cycleCode?: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  /** Stock unit: ranura (Teslin), pieza (mica, holograma), planilla (tinta). */
  @Property({ type: 'string', length: 40 })
  unit!: string;
}
