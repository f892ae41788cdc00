import { z } from '../zod.js';
import { idSchema, isoDate, nameText, spansAtMost, trimmed } from './common.js';
import { optionalPhone } from './station.js';

const localDateTime = z
  .string()
  .min(1, '请填写开始时间。')
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 YYYY-MM-DDTHH:MM。')
  .refine((value) => isoDate.safeParse(value.slice(0, 10)).success, { message: '日期不存在，请检查年月日。' });
/** A start of day: 24:00 ends a range but never starts a booking. */
const startClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM。');
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:MM。');

export const roomKinds = ['counselling', 'sandplay', 'relaxation', 'catharsis', 'group', 'other'] as const;
export const roomInput = z.object({ name: nameText(1, 30, '房间名称'), kind: z.enum(roomKinds, { message: '请选择房间类型。' }) });
export const room = z.object({ id: idSchema, name: z.string(), kind: z.enum(roomKinds), active: z.boolean() });
export const roomSetActiveInput = z.object({ id: idSchema, active: z.boolean() });

export const weeklySlot = z
  .object({ weekday: z.number().int().min(1).max(7), start: clockTime, end: clockTime })
  .refine((slot) => slot.end > slot.start, { message: '结束时间须晚于开始时间。', path: ['end'] });
export const availabilityInput = z.object({ userId: idSchema, slots: z.array(weeklySlot).max(50) });
export const availabilityOutput = z.object({
  userId: idSchema,
  slots: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  exceptions: z.array(z.object({ id: idSchema, fromDay: isoDate, toDay: isoDate, kind: z.enum(['leave', 'unavailable']), note: z.string() })),
});
export const availabilityExceptionInput = z
  .object({ userId: idSchema, fromDay: isoDate, toDay: isoDate, kind: z.enum(['leave', 'unavailable']), note: z.string().trim().max(200).default('') })
  .refine((value) => value.toDay >= value.fromDay, { message: '结束日期不能早于开始日期。', path: ['toDay'] });

export const calendarDayKinds = ['holiday', 'workday', 'closure'] as const;
export const calendarDayInput = z.object({ day: isoDate, kind: z.enum(calendarDayKinds), name: trimmed(1, 30, '名称') });
export const calendarDayRemoveInput = z.object({ day: isoDate });
export const calendarRangeInput = z
  .object({ from: isoDate, to: isoDate })
  .refine((value) => value.to >= value.from, { message: '结束日期不能早于开始日期。', path: ['to'] });
export const calendarOutput = z.object({
  days: z.array(z.object({ day: isoDate, kind: z.enum(calendarDayKinds), name: z.string(), source: z.enum(['official', 'station']) })),
  /** Years in the range for which no official schedule is available yet (enter them by hand). */
  yearsWithoutData: z.array(z.number().int()),
});

/** A resident booked or waiting before registration (登记建档): a name and maybe a phone. */
const walkIn = z.object({ name: nameText(1, 40, '姓名'), phone: optionalPhone });
const clientOrWalkIn = (value: { clientId?: number | undefined; walkIn?: unknown }) => (value.clientId === undefined) !== (value.walkIn === undefined);
const clientOrWalkInError = { message: '请选择来访者，或填写临时来访者的姓名（二选一）。', path: ['clientId'] };

export const appointmentTypes = ['individual', 'family', 'group', 'assessment', 'follow_up', 'crisis'] as const;
export const appointmentStatuses = ['booked', 'arrived', 'completed', 'no_show', 'cancelled'] as const;

/** Booking checks that may be overridden: outside hours/availability needs a reason, a holiday a confirmation. */
const overrides = {
  overrideReason: z.string().trim().max(200).default(''),
  confirmHoliday: z.boolean().default(false),
};

export const appointmentInput = z
  .object({
    clientId: idSchema.optional(),
    walkIn: walkIn.optional(),
    counsellorId: idSchema,
    roomId: idSchema,
    start: localDateTime,
    durationMinutes: z.number().int('时长须为整数分钟。').min(5, '时长至少 5 分钟。').max(480, '时长不能超过 8 小时。'),
    type: z.enum(appointmentTypes, { message: '请选择预约类型。' }),
    notes: z.string().trim().max(500).default(''),
    followUpId: idSchema.optional(),
    /** A start already past is booked only when staff confirm they are entering one after the fact. */
    confirmPast: z.boolean().default(false),
    ...overrides,
  })
  .refine(clientOrWalkIn, clientOrWalkInError);

export const seriesInput = z
  .object({
    appointment: appointmentInput,
    everyWeeks: z.union([z.literal(1), z.literal(2)]),
    count: z.number().int().min(2, '至少 2 次。').max(52, '一个系列最多 52 次。').optional(),
    until: isoDate.optional(),
  })
  .refine((value) => (value.count === undefined) !== (value.until === undefined), { message: '请指定次数或截止日期（二选一）。', path: ['count'] });

/** A booking as stored; what callers get is `appointmentRecord`, which adds what the viewer may do with it. */
export const storedAppointment = z.object({
  id: idSchema,
  seriesId: idSchema.nullable(),
  clientId: idSchema.nullable(),
  who: z.string(),
  walkInPhone: z.string(),
  /** A phone to reach whoever is booked: the client file's, else the walk-in's (the day sheet prints it). */
  phone: z.string(),
  counsellorId: idSchema,
  counsellorName: z.string(),
  roomId: idSchema,
  roomName: z.string(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number().int(),
  type: z.enum(appointmentTypes),
  status: z.enum(appointmentStatuses),
  notes: z.string(),
  overrideReason: z.string(),
  cancelReason: z.string(),
  sessionId: idSchema.nullable(),
  /** 改约: times the booking was moved to another start. */
  rescheduleCount: z.number().int(),
  /** Who cancelled (取消), for the record. */
  cancelledBy: z.string().nullable(),
});
export type StoredAppointment = z.infer<typeof storedAppointment>;
export const appointmentRecord = storedAppointment.extend({
  /**
   * The viewer may check in, move, reschedule or cancel it: the 站长 and the front desk always; a counsellor for
   * their own bookings and clients whose cases they reach (the line core enforces, so screens offer only that).
   */
  mayChange: z.boolean(),
  /**
   * The viewer may complete it into a session note (已完成): a clinical viewer who may change it, the booking still
   * live, and an open case of its counsellor with this client that the viewer reaches. Otherwise the case comes first.
   */
  mayComplete: z.boolean(),
});
export type AppointmentRecord = z.infer<typeof appointmentRecord>;

export const seriesOutput = z.object({
  created: z.array(appointmentRecord),
  skipped: z.array(z.object({ start: z.string(), reason: z.string() })),
});

export const appointmentListInput = z
  .object({ from: isoDate, to: isoDate, counsellorId: idSchema.optional(), roomId: idSchema.optional(), clientId: idSchema.optional() })
  .refine((value) => value.to >= value.from, { message: '结束日期不能早于开始日期。', path: ['to'] });

/** The month grid asks for the six weeks it draws, and shows each day's first six bookings. */
export const monthGridDays = 42;
export const monthDayBookings = 6;

export const appointmentDaysInput = z
  .object({ from: isoDate, to: isoDate, counsellorId: idSchema.optional(), roomId: idSchema.optional() })
  .refine((value) => value.to >= value.from, { message: '结束日期不能早于开始日期。', path: ['to'] })
  .refine(spansAtMost(monthGridDays), { message: `按天汇总的预约一次最多 ${monthGridDays} 天。`, path: ['to'] });

export const moveInput = z.object({
  id: idSchema,
  start: localDateTime,
  durationMinutes: z.number().int().min(5, '时长至少 5 分钟。').max(480, '时长不能超过 8 小时。').optional(),
  roomId: idSchema.optional(),
  counsellorId: idSchema.optional(),
  ...overrides,
});

export const seriesScope = z.enum(['one', 'following', 'all']);
export const seriesUpdateInput = z.object({
  id: idSchema,
  scope: z.enum(['following', 'all']),
  startTime: startClock,
  durationMinutes: z.number().int().min(5).max(480),
  roomId: idSchema,
  counsellorId: idSchema,
  ...overrides,
});
export const cancelInput = z.object({ id: idSchema, scope: seriesScope.default('one'), reason: trimmed(2, 200, '取消原因') });
export const statusInput = z.object({ id: idSchema, status: z.enum(['arrived', 'no_show']) });
export const completeInput = z.object({ id: idSchema, caseId: idSchema.optional() });
export const completeOutput = z.object({ appointment: appointmentRecord, caseId: idSchema, sessionId: idSchema });
export const linkClientInput = z.object({ id: idSchema, clientId: idSchema });
export const bookFollowUpInput = z.object({ followUpId: idSchema });
export const noShowInput = z.object({ clientId: idSchema });
export const noShowOutput = z.object({ clientId: idSchema, noShows: z.number().int() });

export const waitlistInput = z
  .object({
    clientId: idSchema.optional(),
    walkIn: walkIn.optional(),
    counsellorId: idSchema.optional(),
    note: z.string().trim().max(200).default(''),
  })
  .refine(clientOrWalkIn, clientOrWalkInError);
export const waitlistEntry = z.object({
  id: idSchema,
  clientId: idSchema.nullable(),
  counsellorId: idSchema.nullable(),
  who: z.string(),
  phone: z.string(),
  counsellorName: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  /** The viewer may book or remove it: waiting for anyone, for them, or for a colleague's client they reach (as bookings). */
  mayChange: z.boolean(),
});
export const waitlistRemoveInput = z.object({ id: idSchema, status: z.enum(['booked', 'removed']) });

export const roomList = z.array(room);
export const appointmentList = z.array(appointmentRecord);
/** Each day with live bookings: its first ones in time order, and how many it has in all (cancelled ones left out). */
const appointmentDay = z.object({ day: isoDate, bookings: z.array(appointmentRecord), total: z.number().int().nonnegative() });
export type AppointmentDay = z.infer<typeof appointmentDay>;
export const appointmentDays = z.array(appointmentDay);
export const waitlistEntries = z.array(waitlistEntry);
