import { ProcedureAuditEntry } from './procedure-audit.entity';
import { ProcedureRequest } from './procedure-request.entity';
import { ProcedureTask } from './procedure-task.entity';
import { RequestStudent } from './request-student.entity';

export { ProcedureAuditEntry, ProcedureRequest, ProcedureTask, RequestStudent };

export const REQUESTS_ENTITIES = [ProcedureRequest, RequestStudent, ProcedureTask, ProcedureAuditEntry];
