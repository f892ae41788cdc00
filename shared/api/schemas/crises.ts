import { z } from '../zod.js';
import { idSchema, isoTimestamp, trimmed } from './common.js';

/**
 * The crisis protocol, in the order staff work through it (issue "Case files"; 12356 is the
 * national 心理援助热线).
 */
export const crisisSteps = [
  'safety_assessment',
  'not_left_alone',
  'family_contacted',
  'emergency_called',
  'mental_health_referral',
  'hotline_given',
  'supervisor_informed',
] as const;
export type CrisisStep = (typeof crisisSteps)[number];

/** Outcome codes (reports-standards.md §3.2 OUTC). */
export const crisisOutcomes = ['stabilized', 'medical_referral', 'hospitalized', 'police', 'family_pickup', 'other'] as const;
export const crisisParties = ['guardian', 'family', 'police_110', 'ambulance_120', 'mental_health_centre', 'community_police', 'grid_worker', 'supervisor', 'other'] as const;

export const crisisOpenInput = z
  .object({
    clientId: idSchema.optional(),
    /** Who it is when there is no client record: a description, never an ID number. */
    unknownPerson: z.string().trim().max(100, '描述不能超过 100 个字符。').default(''),
    location: z.string().trim().max(100).default(''),
    summary: trimmed(2, 2000, '情况概述'),
  })
  .refine((value) => value.clientId !== undefined || value.unknownPerson.length > 0, {
    message: '请选择来访者，或简要描述身份不明的当事人。',
    path: ['unknownPerson'],
  });

export const crisisStepInput = z.object({ crisisId: idSchema, step: z.enum(crisisSteps), note: z.string().trim().max(500).default('') });
export const crisisContactInput = z.object({
  crisisId: idSchema,
  party: z.enum(crisisParties, { message: '请选择联系对象。' }),
  name: z.string().trim().max(40).default(''),
  phone: z.string().trim().max(30).default(''),
  note: z.string().trim().max(500).default(''),
});
export const crisisResolveInput = z.object({
  crisisId: idSchema,
  outcome: z.enum(crisisOutcomes, { message: '请选择处置结果。' }),
  outcomeNote: trimmed(2, 2000, '处置情况'),
  followUpPlan: trimmed(2, 1000, '后续跟进安排'),
});

export const crisisRecord = z.object({
  id: idSchema,
  clientId: idSchema.nullable(),
  clientName: z.string().nullable(),
  unknownPerson: z.string(),
  startedAt: isoTimestamp,
  location: z.string(),
  summary: z.string(),
  status: z.enum(['active', 'resolved']),
  outcome: z.enum(crisisOutcomes).nullable(),
  outcomeNote: z.string(),
  followUpPlan: z.string(),
  resolvedAt: isoTimestamp.nullable(),
  counsellorName: z.string(),
  steps: z.array(z.object({ step: z.enum(crisisSteps), doneAt: isoTimestamp, note: z.string(), doneBy: z.string() })),
  contacts: z.array(
    z.object({ id: idSchema, party: z.enum(crisisParties), name: z.string(), phone: z.string(), contactedAt: isoTimestamp, note: z.string() }),
  ),
});
export type CrisisRecord = z.infer<typeof crisisRecord>;
export const crisisListInput = z.object({ status: z.enum(['active', 'resolved', 'all']).default('active') });

export const crisisList = z.array(crisisRecord);
