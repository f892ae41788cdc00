import type { z } from 'zod';
import type { auditListInput } from '../../../../shared/api/schemas/audit.js';
import { localDayStartUtc } from '../../../../shared/domain/dates.js';
import { auditActions, listAudit } from '../../audit/auditLog.js';
import type { Db } from '../../db/driver.js';

export function queryAudit(db: Db, input: z.output<typeof auditListInput>) {
  const { rows, total } = listAudit(db, {
    actorId: input.userId,
    action: input.action,
    fromUtc: input.from ? localDayStartUtc(input.from) : undefined,
    toUtc: input.to ? localDayStartUtc(input.to, 1) : undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { rows, total, actions: auditActions(db) };
}
