import { transition } from 'xstate';
import {
  CHART_EVENT_TYPES,
  CHARTS,
  PROCEDURES,
  PUBLIC_STATUSES,
  allowedDecisions,
  publicStatus,
  stateName,
  stepMeta,
} from '../../../statecharts';
import { ProcedureActivities } from '../../../src/procedures/procedure.activities';
import { at, handled } from './chart-test-kit';

/** Properties every chart must have, checked state by state. */
describe('procedure charts (all versions)', () => {
  const cases = PROCEDURES.flatMap((p) => Object.entries(CHARTS[p]).map(([v, m]) => [p, Number(v), m] as const));

  describe.each(cases)("%s v%i", (procedure, version, machine) => {
    const states = Object.keys(machine.states);
    const ctx = machine.config.context as unknown;
    // A context good enough to resolve any state (guards are exercised in the path tests).
    const someContext = typeof ctx === 'function' ? {} : (ctx as Record<string, unknown>);

    it.each(states)('state %s carries one meta with a public status', (state) => {
      const snapshot = at(machine, state, someContext);
      expect(PUBLIC_STATUSES).toContain(publicStatus(snapshot));
      expect(stateName(snapshot)).toBe(state);
    });

    it.each(states)('state %s refuses every event it does not handle, and a final state refuses all', (state) => {
      const snapshot = at(machine, state, someContext);
      const allowed = handled(machine, state);
      const forbidden = CHART_EVENT_TYPES[procedure][version].filter((e) => !allowed.includes(e));
      expect(forbidden.length).toBeGreaterThan(0);
      for (const type of forbidden) {
        expect(snapshot.can({ type } as never)).toBe(false);
        const [next] = transition(machine, snapshot, { type } as never);
        expect(stateName(next)).toBe(state);
      }
      if (stepMeta(snapshot).kind === 'final') expect(allowed).toEqual([]);
    });

    it.each(states)('state %s: meta and transitions agree', (state) => {
      const meta = stepMeta(at(machine, state, someContext));
      const on = handled(machine, state);
      if (meta.kind === 'task') {
        // Every decision is handled; every handled event but the SLA is a decision of some role.
        expect(on).toContain('SLA_EXPIRED');
        expect(Object.keys(meta.decisions).sort()).toEqual(on.filter((e) => e !== 'SLA_EXPIRED').sort());
        expect(meta.task.title).toMatch(/^[A-ZÁÉÍÓÚ]/);
        expect(meta.task.escalateTo).not.toBe(meta.task.role);
      } else if (meta.kind === 'auto' || meta.kind === 'child') {
        expect(Object.values(meta.outcomes).every((e) => on.includes(e))).toBe(true);
        expect(on.every((e) => Object.values(meta.outcomes).includes(e))).toBe(true);
      }
      if (meta.kind === 'auto') {
        expect(typeof (ProcedureActivities.prototype as unknown as Record<string, unknown>)[meta.activity]).toBe('function');
      }
    });

    it('lists the decisions each role may send only in task states', () => {
      for (const state of states) {
        const snapshot = at(machine, state, someContext);
        const decisions = allowedDecisions(snapshot);
        if (stepMeta(snapshot).kind !== 'task') expect(decisions).toEqual({});
        else expect(Object.values(decisions).flat().length).toBeGreaterThan(0);
      }
    });
  });
});
