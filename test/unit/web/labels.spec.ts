import { CHART_EVENT_TYPES } from '../../../statecharts/registry';
import { EVENT_LABEL } from '../../../web/src/labels';

/** The timeline names every step by a Spanish label: no chart event may reach the page as its code. */
describe('web labels', () => {
  it('has a Spanish label for every event of every chart version', () => {
    const events = new Set(Object.values(CHART_EVENT_TYPES).flatMap((byVersion) => Object.values(byVersion).flat()));
    const missing = [...events].filter((e) => !EVENT_LABEL[e]);
    expect(missing).toEqual([]);
    for (const e of events) expect(EVENT_LABEL[e]).not.toMatch(/[A-Z]{2,}_|\b(?!DRSE\b)[A-Z]{3,}\b/);
  });
});
