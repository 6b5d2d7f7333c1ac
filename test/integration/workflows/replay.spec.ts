import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from '../../../src/temporal/worker-factory';
import { LATEST_CHART_VERSION } from '../../../statecharts/registry';
import { PROCEDURES } from '../../../statecharts/step-meta';
import { PROCEDURE_WORKFLOW_TYPES } from '../../../workflows/messages';

const DIR = join(__dirname, '..', '..', 'fixtures', 'histories');

/**
 * Replays the committed histories (scripts/record-histories.ts) against the current workflow code:
 * a non-deterministic change to the runner, a workflow or a chart version a history uses fails here.
 */
describe(Worker.runReplayHistories.name, () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  const load = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { workflowId: string; history: unknown };

  it('has a recorded history of every procedure workflow', () => {
    const types = files.map((f) => {
      const h = historyFromJSON(load(f).history);
      return h.events?.[0].workflowExecutionStartedEventAttributes?.workflowType?.name;
    });
    expect(new Set(types)).toEqual(new Set(Object.values(PROCEDURE_WORKFLOW_TYPES)));
  });

  it('has a recorded history of every version of every chart, the latest included', () => {
    const recorded = new Set(files.map((f) => /^(\w+?)-v(\d+)-/.exec(f)?.slice(1, 3).join(' v')));
    for (const p of PROCEDURES) {
      const chart = PROCEDURE_WORKFLOW_TYPES[p].replace('Workflow', '');
      for (let v = 1; v <= LATEST_CHART_VERSION[p]; v++) expect(recorded).toContain(`${chart} v${v}`);
    }
  });

  it('covers both ways of recording a transition: remote activities (before the patch) and local ones (after it)', () => {
    const recordings = (file: string) => {
      const events = historyFromJSON(load(file).history).events ?? [];
      return {
        remote: events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'recordProcedureTransition').length,
        local: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
      };
    };
    const tagged = files.filter((f) => f.endsWith('-local-record.json'));
    expect(tagged.length).toBeGreaterThanOrEqual(Object.keys(PROCEDURE_WORKFLOW_TYPES).length);
    for (const f of tagged) expect([f, recordings(f).remote, recordings(f).local > 0]).toEqual([f, 0, true]);
    for (const f of files.filter((f) => /-v1-full\.json$/.test(f))) expect([f, recordings(f).remote > 0, recordings(f).local]).toEqual([f, true, 0]);
  });

  it('replays every committed history against the current code', async () => {
    const histories = files.map((f) => {
      const { workflowId, history } = load(f);
      return { workflowId, history: historyFromJSON(history) };
    });
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }, sinks: { exporter: { export: { fn: () => undefined } } }, replayName: 'procedures' }, histories)) {
      results.push(result);
    }
    expect(results.map((r) => [r.workflowId, r.error ? String(r.error) : null])).toEqual(histories.map((h) => [h.workflowId, null]));
  });

  it('replays decisions its Update validator would refuse today: the handler never re-checks a decision’s shape', async () => {
    // A RETURN without its (now required) comment and an ACCEPT carrying a number it does not carry,
    // as if accepted before statecharts/decisions.ts described them: the validator does not run on
    // replay, and the handler's re-check is only step, role, scope and guard.
    const { workflowId, history } = load('procedure1-v1-full.json');
    const json = structuredClone(history) as { events: Array<Record<string, { acceptedRequest?: { input?: { args?: { payloads?: Array<{ data: string }> } } } }>> };
    const edits: Record<string, (d: { event: Record<string, unknown>; comment?: string }) => void> = {
      RETURN: (d) => delete d.comment,
      ACCEPT: (d) => (d.event.extra = 1),
    };
    let edited = 0;
    for (const e of json.events) {
      for (const payload of e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []) {
        const decision = JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as { event: { type: string }; comment?: string };
        const edit = edits[decision.event.type];
        if (!edit) continue;
        edit(decision as never);
        payload.data = Buffer.from(JSON.stringify(decision)).toString('base64');
        edited++;
      }
    }
    expect(edited).toBe(2);
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }, sinks: { exporter: { export: { fn: () => undefined } } }, replayName: 'procedures' }, [{ workflowId, history: historyFromJSON(json) }])) {
      results.push(result.error ? String(result.error) : null);
    }
    expect(results).toEqual([null]);
  });
});
