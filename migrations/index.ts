import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129000100_catalog } from './Migration20261129000100_catalog';
import { Migration20261129000200_inventory } from './Migration20261129000200_inventory';
import { Migration20261129000300_production } from './Migration20261129000300_production';
import { Migration20261129000400_requests } from './Migration20261129000400_requests';
import { Migration20261129000500_auth } from './Migration20261129000500_auth';
import { Migration202612040100_school_admin } from './Migration202612040100_school_admin';
import { Migration202612040110_cycles } from './Migration202612040110_cycles';
import { Migration202612040200_recoverable_filing } from './Migration202612040200_recoverable_filing';
import { Migration202612040210_read_model_context } from './Migration202612040210_read_model_context';
import { Migration202612040600_oficio_version } from './Migration202612040600_oficio_version';
import { Migration202612040300_incidents } from './Migration202612040300_incidents';
import { Migration202612050100_coverage_snapshot } from './Migration202612050100_coverage_snapshot';
import { Migration202612051100_student_names } from './Migration202612051100_student_names';
import { Migration202612051200_one_open_request_per_student } from './Migration202612051200_one_open_request_per_student';
import { Migration202612060100_card_report } from './Migration202612060100_card_report';
import { Migration202612060110_complaint_outcome } from './Migration202612060110_complaint_outcome';
import { Migration202612060120_audit_on_behalf } from './Migration202612060120_audit_on_behalf';
import { Migration202612060200_procedure2_ink } from './Migration202612060200_procedure2_ink';
import { Migration202612060210_support_contacts } from './Migration202612060210_support_contacts';
import { Migration202612060300_session_limits } from './Migration202612060300_session_limits';
import { Migration202612060310_accounts } from './Migration202612060310_accounts';
import { Migration202612060320_qr_key_revocation } from './Migration202612060320_qr_key_revocation';
import { Migration202612060330_rate_limit } from './Migration202612060330_rate_limit';
import { Migration202612070100_support_tickets } from './Migration202612070100_support_tickets';
import { Migration202612070200_inbox_keyset } from './Migration202612070200_inbox_keyset';
import { Migration202612070500_shipment_shortfall } from './Migration202612070500_shipment_shortfall';

/**
 * Every migration, in order. Listed explicitly so migrations run the same from sources (tests)
 * and from the compiled dist/ (the system). A landed migration is never edited: add a new one.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261129000100_catalog', class: Migration20261129000100_catalog },
  { name: 'Migration20261129000200_inventory', class: Migration20261129000200_inventory },
  { name: 'Migration20261129000300_production', class: Migration20261129000300_production },
  { name: 'Migration20261129000400_requests', class: Migration20261129000400_requests },
  { name: 'Migration20261129000500_auth', class: Migration20261129000500_auth },
  { name: 'Migration202612040100_school_admin', class: Migration202612040100_school_admin },
  { name: 'Migration202612040110_cycles', class: Migration202612040110_cycles },
  { name: 'Migration202612040200_recoverable_filing', class: Migration202612040200_recoverable_filing },
  { name: 'Migration202612040210_read_model_context', class: Migration202612040210_read_model_context },
  { name: 'Migration202612040600_oficio_version', class: Migration202612040600_oficio_version },
  { name: 'Migration202612040300_incidents', class: Migration202612040300_incidents },
  { name: 'Migration202612050100_coverage_snapshot', class: Migration202612050100_coverage_snapshot },
  { name: 'Migration202612051100_student_names', class: Migration202612051100_student_names },
  { name: 'Migration202612051200_one_open_request_per_student', class: Migration202612051200_one_open_request_per_student },
  { name: 'Migration202612060100_card_report', class: Migration202612060100_card_report },
  { name: 'Migration202612060110_complaint_outcome', class: Migration202612060110_complaint_outcome },
  { name: 'Migration202612060120_audit_on_behalf', class: Migration202612060120_audit_on_behalf },
  { name: 'Migration202612060200_procedure2_ink', class: Migration202612060200_procedure2_ink },
  { name: 'Migration202612060210_support_contacts', class: Migration202612060210_support_contacts },
  { name: 'Migration202612060300_session_limits', class: Migration202612060300_session_limits },
  { name: 'Migration202612060310_accounts', class: Migration202612060310_accounts },
  { name: 'Migration202612060320_qr_key_revocation', class: Migration202612060320_qr_key_revocation },
  { name: 'Migration202612060330_rate_limit', class: Migration202612060330_rate_limit },
  { name: 'Migration202612070100_support_tickets', class: Migration202612070100_support_tickets },
  { name: 'Migration202612070200_inbox_keyset', class: Migration202612070200_inbox_keyset },
  { name: 'Migration202612070500_shipment_shortfall', class: Migration202612070500_shipment_shortfall },
];
