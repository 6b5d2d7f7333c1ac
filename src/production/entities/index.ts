import { Credential } from './credential.entity';
import { CredentialEvent } from './credential-event.entity';
import { PrintRun } from './print-run.entity';
import { CardReplacement } from './card-replacement.entity';
import { CardReport } from './card-report.entity';

export * from './credential.entity';
export * from './credential-event.entity';
export * from './print-run.entity';
export * from './card-replacement.entity';
export * from './card-report.entity';

export const PRODUCTION_ENTITIES = [PrintRun, Credential, CredentialEvent, CardReplacement, CardReport];
