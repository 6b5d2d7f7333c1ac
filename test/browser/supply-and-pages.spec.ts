import { DESKTOP } from './support/suite';
import { supplyJourneys } from './support/supply-journeys';

supplyJourneys(DESKTOP);
