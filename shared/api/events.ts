import { z } from './zod.js';
import { lockReason } from './schemas/auth.js';
import type { Role } from './access.js';

/** Events flow from core to screens over the IPC event channel or Server-Sent Events. */
export const eventContract = {
  'session.locked': { roles: ['admin', 'counsellor', 'reception', 'inspector'], payload: z.object({ reason: lockReason }) },
  /** The check after unlock found the file damaged: screens go to the problem page (restore offer). */
  'station.damaged': { roles: ['admin', 'counsellor', 'reception', 'inspector'], payload: z.object({ message: z.string() }) },
  'alert.raised': {
    roles: ['admin', 'counsellor'],
    payload: z.object({ alertId: z.number().int(), scaleId: z.string(), messages: z.array(z.string()) }),
  },
  /** A counsellor tells the 站长 of a red grade (offered after grading): the 站长's screens only. */
  'risk.managerNotified': {
    roles: ['admin'],
    payload: z.object({ clientId: z.number().int(), clientName: z.string(), by: z.string() }),
  },
  'operation.progress': {
    roles: ['admin'],
    payload: z.object({
      operationId: z.string(),
      kind: z.enum(['backup', 'restore', 'keyRotation']),
      /** 0–100 */
      percent: z.number(),
      stage: z.string(),
    }),
  },
} as const satisfies Record<string, { roles: readonly Role[]; payload: z.ZodType }>;

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]['payload']>;
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
