import { DESKTOP } from './support/suite';
import { supportTicketJourneys } from './support/support-ticket-journeys';

supportTicketJourneys(DESKTOP);
