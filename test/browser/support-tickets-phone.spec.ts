import { PHONE } from './support/suite';
import { supportTicketJourneys } from './support/support-ticket-journeys';

// The same journey as support-tickets.spec.ts, every user on a 390 px phone (issue 13: each role's
// journey at 1280 px and at 390 px).
supportTicketJourneys(PHONE);
