/**
 * A supply ticket a procedure's `supply` workflow drives (its context names the ticket; rows recorded
 * before the context was kept match by the request): that workflow's own tasks (central review,
 * fulfilment, receipt) already put it in the inbox, so the ticket sources leave it out.
 * `ticket` is the SQL alias of supply_ticket.
 */
export function drivenByWorkflow(ticket: string): string {
  return `(${ticket}.origin = 'PROCEDIMIENTO' and exists (
    select 1 from procedure_request pr
     where pr.procedure = 'SUPPLY'
       and (pr.context->>'ticketId' = ${ticket}.id::text
            or (pr.context is null and (pr.id::text = ${ticket}.request_id or pr.parent_request_id::text = ${ticket}.request_id)))))`;
}
