import { localDay } from '../../domain/dates.js';
import { ageOn, checkIdNumber } from '../../domain/idNumber.js';
import { z } from '../zod.js';
import { idSchema, isoDate, isoTimestamp, nameText, trimmed } from './common.js';
import { optionalPhone } from './station.js';

export const genders = ['male', 'female', 'unknown'] as const;
export const riskLevels = ['red', 'yellow', 'green'] as const;
export const riskLevel = z.enum(riskLevels, { message: '请选择预警等级（红、黄、绿）。' });
export type RiskLevel = z.infer<typeof riskLevel>;

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字符。`).default('');

export const localToday = () => localDay(new Date());

/**
 * Registration. The ID number is optional; when given it must pass the GB 11643 check and agree
 * with the birth date and gender typed beside it. A minor needs a guardian on record.
 */
export const clientRegistration = z
  .object({
    name: nameText(1, 40, '姓名'),
    gender: z.enum(genders, { message: '请选择性别。' }),
    birthDate: z.union([isoDate, z.literal('')]).default(''),
    idNumber: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .default(''),
    phone: optionalPhone,
    address: optionalText(200, '地址'),
    community: optionalText(60, '社区'),
    grid: optionalText(60, '网格'),
    guardianName: optionalText(40, '监护人姓名'),
    guardianPhone: optionalPhone,
    guardianRelation: optionalText(20, '与监护人关系'),
    tags: z.array(z.string().max(40)).max(20, '重点人群标签最多 20 个。').default([]),
    source: z.string().min(1, '请选择来源。').max(40),
    note: optionalText(500, '备注'),
  })
  .superRefine((client, context) => {
    const today = localToday();
    if (client.birthDate && client.birthDate > today) {
      context.addIssue({ code: 'custom', path: ['birthDate'], message: '出生日期不能晚于今天。' });
    }
    const checked = client.idNumber ? checkIdNumber(client.idNumber) : null;
    if (checked && !checked.ok) context.addIssue({ code: 'custom', path: ['idNumber'], message: checked.reason });
    if (checked?.ok && client.birthDate && client.birthDate !== checked.facts.birthDate) {
      context.addIssue({ code: 'custom', path: ['birthDate'], message: `出生日期与身份证号不一致（身份证号为 ${checked.facts.birthDate}）。` });
    }
    if (checked?.ok && client.gender !== 'unknown' && client.gender !== checked.facts.gender) {
      context.addIssue({ code: 'custom', path: ['gender'], message: '性别与身份证号不一致。' });
    }
    const birthDate = client.birthDate || (checked?.ok ? checked.facts.birthDate : '');
    if (birthDate && ageOn(birthDate, today) < 18 && (!client.guardianName || !client.guardianPhone)) {
      context.addIssue({ code: 'custom', path: ['guardianName'], message: '未成年人须登记监护人姓名和电话。' });
    }
  });

export const clientUpdate = z.object({ id: idSchema, client: clientRegistration });

export const clientListRow = z.object({
  id: idSchema,
  name: z.string(),
  gender: z.enum(genders),
  age: z.number().int().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  community: z.string(),
  tags: z.array(z.string()),
  /** Hidden (null) for reception, who see registration only. */
  riskLevel: riskLevel.nullable(),
});
export type ClientListRow = z.infer<typeof clientListRow>;

export const clientSearchInput = z.object({
  query: z.string().trim().max(40).default(''),
  riskLevel: riskLevel.optional(),
  tag: z.string().max(40).optional(),
  /** Only clients whose cases the viewer reaches (all for the 站长, none for the front desk): those a result may join. */
  reachedOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(30),
  offset: z.number().int().min(0).default(0),
});
export const clientSearchOutput = z.object({ rows: z.array(clientListRow), total: z.number().int() });

export const consentKinds = ['service', 'guardian', 'sharing'] as const;
export const consentRecord = z.object({
  id: idSchema,
  kind: z.enum(consentKinds),
  signerName: z.string(),
  signedOn: isoDate,
  note: z.string(),
  recordedAt: isoTimestamp,
});
export const consentInput = z.object({
  clientId: idSchema,
  kind: z.enum(consentKinds, { message: '请选择同意书类型。' }),
  signerName: trimmed(1, 40, '签署人'),
  signedOn: isoDate.refine((value) => value <= localToday(), '签署日期不能晚于今天。'),
  note: optionalText(200, '说明'),
});

/** A client file as stored; callers get `clientDetail`, which adds what the viewer may do with it. */
export const storedClientDetail = z.object({
  id: idSchema,
  name: z.string(),
  gender: z.enum(genders),
  birthDate: z.string(),
  age: z.number().int().nullable(),
  idNumber: z.string(),
  phone: z.string(),
  address: z.string(),
  community: z.string(),
  grid: z.string(),
  guardianName: z.string(),
  guardianPhone: z.string(),
  guardianRelation: z.string(),
  tags: z.array(z.string()),
  source: z.string(),
  note: z.string(),
  riskLevel: riskLevel.nullable(),
  consents: z.array(consentRecord),
  createdAt: isoTimestamp,
});
export type StoredClientDetail = z.infer<typeof storedClientDetail>;
export const clientDetail = storedClientDetail.extend({
  /**
   * The viewer may edit the registration and record consents: the front desk and the 站长 always; a counsellor for
   * clients whose cases they reach, or whom they registered and nobody has a case for yet (core's own line).
   */
  mayEdit: z.boolean(),
});
export type ClientDetail = z.infer<typeof clientDetail>;

export const duplicatePair = z.object({
  keep: clientListRow,
  other: clientListRow,
  rule: z.enum(['idNumber', 'nameBirthPhone']),
});
export const mergeInput = z
  .object({ keepId: idSchema, mergeId: idSchema, reason: trimmed(2, 200, '合并原因') })
  .refine((value) => value.keepId !== value.mergeId, { message: '不能把档案与自己合并。', path: ['mergeId'] });

export const duplicatePairList = z.array(duplicatePair);
