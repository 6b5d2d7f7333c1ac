import { procedureJourneys } from './support/procedure-journeys';
import { DESKTOP } from './support/suite';

// Each journey clicks through a whole procedure (now up to the signed acuse) in a real browser: on
// a loaded 2-core machine one took over the 120 s default in CI-like runs.
jest.setTimeout(360_000);

procedureJourneys(DESKTOP);
