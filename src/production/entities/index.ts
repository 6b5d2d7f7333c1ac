import { Credential } from './credential.entity';
import { CredentialEvent } from './credential-event.entity';
import { PrintRun } from './print-run.entity';
import { ReplacementPayment } from './replacement-payment.entity';

export * from './credential.entity';
export * from './credential-event.entity';
export * from './print-run.entity';
export * from './replacement-payment.entity';

export const PRODUCTION_ENTITIES = [PrintRun, Credential, CredentialEvent, ReplacementPayment];
