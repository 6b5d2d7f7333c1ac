import { Acuse } from './acuse.entity';
import { Equipment, EquipmentFailureReport } from './equipment.entity';
import { InventoryItem } from './inventory-item.entity';
import { InventoryOperation, StockBalance, StockEntry } from './stock-ledger.entity';
import { StockHolder } from './stock-holder.entity';
import { StockReservation, StockReservationLine, StockThreshold } from './stock-reservation.entity';
import { SupplyShipment, SupplyShipmentLine, SupplyTicket, SupplyTicketLine } from './supply-ticket.entity';

export * from './acuse.entity';
export * from './equipment.entity';
export * from './inventory-item.entity';
export * from './stock-ledger.entity';
export * from './stock-holder.entity';
export * from './stock-reservation.entity';
export * from './supply-ticket.entity';

export const INVENTORY_ENTITIES = [
  InventoryItem,
  StockHolder,
  InventoryOperation,
  StockBalance,
  StockEntry,
  StockReservation,
  StockReservationLine,
  StockThreshold,
  SupplyTicket,
  SupplyTicketLine,
  SupplyShipment,
  SupplyShipmentLine,
  Acuse,
  Equipment,
  EquipmentFailureReport,
];
