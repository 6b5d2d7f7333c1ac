import type { InboxSource } from '../inbox-source';
import { shipmentsSource } from './shipments.source';
import { signedAcusesSource } from './signed-acuses.source';
import { supplyTicketsSource } from './supply-tickets.source';
import { workflowTasksSource } from './workflow-tasks.source';

/** Every kind of pending work, in the order the counts list them. A new kind is one more source here. */
export const INBOX_SOURCES: readonly InboxSource[] = [workflowTasksSource, supplyTicketsSource, shipmentsSource, signedAcusesSource];
