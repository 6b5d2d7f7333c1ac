import { Entity, PrimaryKeyProp, PrimaryKey, Property } from '@mikro-orm/core';
import { DomainError } from '../../common/domain-error';
import { parseCycleCode } from '../identifiers';

/** A school cycle such as 2025-2026. Exactly one is current (a partial unique index enforces it). */
@Entity({ tableName: 'school_cycle' })
export class SchoolCycle {
  declare [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 9 })
  code: string;

  @Property({ type: 'date' })
  startsOn: string;

  @Property({ type: 'date' })
  endsOn: string;

  @Property({ type: 'boolean', default: false })
  isCurrent = false;

  /** R5 replacement tariff, in centavos (default $28.00 MXN). */
  @Property({ type: 'integer', default: 2800 })
  replacementTariffCents = 2800;

  constructor(code: string, startsOn: string, endsOn: string, replacementTariffCents = 2800) {
    this.code = parseCycleCode(code);
    if (!(startsOn < endsOn)) throw new DomainError('La fecha de inicio del ciclo debe ser anterior a la de fin.', 'startsOn');
    if (!Number.isInteger(replacementTariffCents) || replacementTariffCents <= 0) {
      throw new DomainError('La tarifa de reposición debe ser un importe positivo en centavos.', 'replacementTariffCents');
    }
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.replacementTariffCents = replacementTariffCents;
  }
}
