import { AnyMachineSnapshot, AnyStateMachine, initialTransition, transition } from 'xstate';
import { stateName } from '../../../statecharts/step-meta';

/** Steps a chart through events with the same pure functions the workflow runner uses. */
export function walk(machine: AnyStateMachine, input: unknown, events: Array<{ type: string } & Record<string, unknown>>): AnyMachineSnapshot {
  let [snapshot] = initialTransition(machine, input as never);
  for (const event of events) {
    if (!snapshot.can(event as never)) {
      throw new Error(`Event ${event.type} not allowed in ${stateName(snapshot)}`);
    }
    [snapshot] = transition(machine, snapshot, event as never);
  }
  return snapshot;
}

/** A snapshot in any state of a flat chart, with the given context. */
export function at(machine: AnyStateMachine, state: string, context: Record<string, unknown>): AnyMachineSnapshot {
  return machine.resolveState({ value: state, context } as never);
}

/** Event types the state handles in its `on` (guards aside). */
export function handled(machine: AnyStateMachine, state: string): string[] {
  return Object.keys(machine.states[state].config.on ?? {});
}
