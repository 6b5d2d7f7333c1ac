import { PHONE } from './support/suite';
import { supplyJourneys } from './support/supply-journeys';

// The same journeys as supply-and-pages.spec.ts, every user on a 390 px phone (issue 13: each
// role's journey at 1280 px and at 390 px).
supplyJourneys(PHONE);
