import type { AnyStateMachine } from 'xstate';
import { PROCEDURE1_EVENT_TYPES, procedure1MachineV1 } from './procedure1.machine';
import { PROCEDURE1_V2_EVENT_TYPES, procedure1MachineV2 } from './procedure1.v2.machine';
import { PROCEDURE1_V3_EVENT_TYPES, procedure1MachineV3 } from './procedure1.v3.machine';
import { PROCEDURE2_EVENT_TYPES, procedure2MachineV1 } from './procedure2.machine';
import { PROCEDURE2_V2_EVENT_TYPES, procedure2MachineV2 } from './procedure2.v2.machine';
import { PROCEDURE2_V3_EVENT_TYPES, procedure2MachineV3 } from './procedure2.v3.machine';
import { REPLACEMENT_EVENT_TYPES, replacementMachineV1 } from './replacement.machine';
import { REPLACEMENT_V2_EVENT_TYPES, replacementMachineV2 } from './replacement.v2.machine';
import { REPLACEMENT_V3_EVENT_TYPES, replacementMachineV3 } from './replacement.v3.machine';
import type { ProcedureName } from './step-meta';
import { SUPPLY_EVENT_TYPES, supplyMachineV1 } from './supply.machine';
import { SUPPLY_V2_EVENT_TYPES, supplyMachineV2 } from './supply.v2.machine';
import { SUPPORT_EVENT_TYPES, supportMachineV1 } from './support.machine';

/**
 * Every version of every chart. A running workflow keeps the version it started with (recorded in its
 * input), so a version is never edited or removed once a workflow history that uses it exists: a
 * change of flow is a new version next to the old one.
 */
export const CHARTS: Record<ProcedureName, Record<number, AnyStateMachine>> = {
  PROCEDURE_1: { 1: procedure1MachineV1, 2: procedure1MachineV2, 3: procedure1MachineV3 },
  PROCEDURE_2: { 1: procedure2MachineV1, 2: procedure2MachineV2, 3: procedure2MachineV3 },
  SUPPLY: { 1: supplyMachineV1, 2: supplyMachineV2 },
  REPLACEMENT: { 1: replacementMachineV1, 2: replacementMachineV2, 3: replacementMachineV3 },
  SUPPORT: { 1: supportMachineV1 },
};

/** The version new workflows start with. */
export const LATEST_CHART_VERSION: Record<ProcedureName, number> = {
  PROCEDURE_1: 3,
  PROCEDURE_2: 3,
  SUPPLY: 2,
  REPLACEMENT: 3,
  SUPPORT: 1,
};

/** Every event type each chart knows, per version (for the forbidden-event tests and the diagrams). */
export const CHART_EVENT_TYPES: Record<ProcedureName, Record<number, readonly string[]>> = {
  PROCEDURE_1: { 1: PROCEDURE1_EVENT_TYPES, 2: PROCEDURE1_V2_EVENT_TYPES, 3: PROCEDURE1_V3_EVENT_TYPES },
  PROCEDURE_2: { 1: PROCEDURE2_EVENT_TYPES, 2: PROCEDURE2_V2_EVENT_TYPES, 3: PROCEDURE2_V3_EVENT_TYPES },
  SUPPLY: { 1: SUPPLY_EVENT_TYPES, 2: SUPPLY_V2_EVENT_TYPES },
  REPLACEMENT: { 1: REPLACEMENT_EVENT_TYPES, 2: REPLACEMENT_V2_EVENT_TYPES, 3: REPLACEMENT_V3_EVENT_TYPES },
  SUPPORT: { 1: SUPPORT_EVENT_TYPES },
};

export function chartFor(procedure: ProcedureName, version: number): AnyStateMachine {
  const machine = CHARTS[procedure]?.[version];
  if (!machine) throw new Error(`No chart ${procedure} v${version}`);
  return machine;
}
