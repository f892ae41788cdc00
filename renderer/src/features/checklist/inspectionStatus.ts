import type { InspectionSummary } from '../../../../shared/api/schemas/inspections.js';

/** Where an inspection stands for its reader: a concluded one with 整改 still open is 整改中. */
export type InspectionStage = 'open' | 'concluded' | 'rectifying' | 'closed';

export const statusOf = (inspection: Pick<InspectionSummary, 'status' | 'openRectifications'>): InspectionStage =>
  inspection.status === 'concluded' && inspection.openRectifications > 0 ? 'rectifying' : inspection.status;

export const statusTag = { open: 'primary', concluded: 'warning', rectifying: 'danger', closed: 'success' } as const satisfies Record<InspectionStage, string>;
