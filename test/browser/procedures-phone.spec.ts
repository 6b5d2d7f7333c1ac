import { procedureJourneys } from './support/procedure-journeys';
import { PHONE } from './support/suite';

// The same journeys as procedures.spec.ts, every user on a 390 px phone (issue 13: each role's
// journey at 1280 px and at 390 px).
jest.setTimeout(360_000);

procedureJourneys(PHONE);
