/**
 * The only migration registry, in order.
 *
 * INSTRUCTIONS:
 * 1. Add `NNNN-name.ts` with the next multiple of 10 as both file number and `version`.
 * 2. Append it to `migrations` below.
 * 3. A migration that moves data gets its own test in tests/integration/db/.
 * 4. Never edit a migration that has shipped; add a fix-up migration instead.
 */
import { migration as foundation } from './0010-foundation.js';
import { migration as caseFiles } from './0020-case-files.js';
import { migration as crisesReferralsAttachments } from './0030-crises-referrals-attachments.js';
import { migration as scales } from './0040-scales.js';
import { migration as screenings } from './0050-screenings.js';
import { migration as appointments } from './0060-appointments.js';
import { migration as appointmentReschedules } from './0070-appointment-reschedules.js';
import { migration as clientMergeReason } from './0080-client-merge-reason.js';
import { migration as alertsByResult } from './0090-alerts-by-result.js';
import { migration as auditAnchor } from './0100-audit-anchor.js';
import { migration as caseHistoryGrant } from './0110-case-history-grant.js';
import { migration as clinicalFieldEncryption } from './0120-clinical-field-encryption.js';
import { migration as activities } from './0130-activities.js';
import { migration as activitySignIns } from './0140-activity-sign-ins.js';
import { migration as activityAttachments } from './0150-activity-attachments.js';
import { migration as hotlineCalls } from './0160-hotline-calls.js';
import { migration as people } from './0170-people.js';
import { migration as meetings } from './0180-meetings.js';
import { migration as rules } from './0190-rules.js';
import { migration as duty } from './0200-duty.js';
import { migration as screeningVisits } from './0210-screening-visits.js';
import { migration as groupCounselling } from './0220-group-counselling.js';
import { migration as knowledgeSurveys } from './0230-knowledge-surveys.js';
import { migration as checklist } from './0240-checklist.js';
import { migration as inspections } from './0250-inspections.js';
import { migration as reports } from './0260-reports.js';
import { migration as district } from './0270-district.js';
import { migration as districtReports } from './0280-district-reports.js';
import { migration as lookupIndexes } from './0290-lookup-indexes.js';
import { migration as reportCoveringIndexes } from './0300-report-covering-indexes.js';
import { migration as reportTableChanges } from './0310-report-table-changes.js';
import { migration as reportMonthChanges } from './0320-report-month-changes.js';
import { migration as reportRowChanges } from './0330-report-row-changes.js';
import { migration as reportReadingTables } from './0340-report-reading-tables.js';
import { migration as bookingClashIndexes } from './0350-booking-clash-indexes.js';
import { migration as bookingLengthBound } from './0360-booking-length-bound.js';
import { migration as checklistCountIndexes } from './0370-checklist-count-indexes.js';
import { migration as reportReadingsKept } from './0380-report-readings-kept.js';
import type { Migration } from './types.js';

export const migrations: readonly Migration[] = [
  foundation,
  caseFiles,
  crisesReferralsAttachments,
  scales,
  screenings,
  appointments,
  appointmentReschedules,
  clientMergeReason,
  alertsByResult,
  auditAnchor,
  caseHistoryGrant,
  clinicalFieldEncryption,
  activities,
  activitySignIns,
  activityAttachments,
  hotlineCalls,
  people,
  meetings,
  rules,
  duty,
  screeningVisits,
  groupCounselling,
  knowledgeSurveys,
  checklist,
  inspections,
  reports,
  district,
  districtReports,
  lookupIndexes,
  reportCoveringIndexes,
  reportTableChanges,
  reportMonthChanges,
  reportRowChanges,
  reportReadingTables,
  bookingClashIndexes,
  bookingLengthBound,
  checklistCountIndexes,
  reportReadingsKept,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
