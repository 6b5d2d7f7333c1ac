export * from './drse.entity';
export * from './school.entity';
export * from './student.entity';
export * from './school-cycle.entity';
export * from './school-change.entity';
export * from './school-work-audit.entity';
import { Drse } from './drse.entity';
import { School } from './school.entity';
import { SchoolChange } from './school-change.entity';
import { SchoolCycle } from './school-cycle.entity';
import { SchoolWorkAudit } from './school-work-audit.entity';
import { Student } from './student.entity';

export const CATALOG_ENTITIES = [Drse, School, Student, SchoolCycle, SchoolChange, SchoolWorkAudit];
