import { fakerZH_CN as faker } from '@faker-js/faker';
import type { RiskLevel } from '../../../../shared/api/schemas/clients.js';
import { addDays, localDay } from '../../../../shared/domain/dates.js';
import { ageOn, checkCharacterFor } from '../../../../shared/domain/idNumber.js';
import { builtinDictionaries } from '../../../../shared/domain/dictionaries.js';
import type { Db } from '../../db/driver.js';
import { closeCase, insertCase } from '../../repositories/casesRepo.js';
import { idNumberTaken, insertClient, insertConsent, setCurrentRisk, type Registration } from '../../repositories/clientsRepo.js';
import { completeFollowUp, insertRiskGrade, scheduleFollowUp } from '../../repositories/riskRepo.js';
import { insertAddendum, insertSession, signSession } from '../../repositories/sessionsRepo.js';
import { insertCrisis, insertCrisisContact, recordCrisisStep, resolveCrisis } from '../../repositories/crisesRepo.js';
import { advanceReferral, insertReferral } from '../../repositories/referralsRepo.js';

/**
 * Synthetic case files for `xinyi demo` and the benchmark: zh_CN names, valid (synthetic) ID
 * numbers, two years of cases, sessions, grades and follow-ups in every state. Deterministic per seed.
 */
export type CaseFilesDemoOptions = Readonly<{
  clients: number;
  /** Share of clients with a case, and sessions per case. */
  caseShare: number;
  sessionsPerCase: readonly [min: number, max: number];
  counsellorIds: readonly number[];
  now: Date;
  seed: number;
  followUpDays: Record<RiskLevel, number>;
}>;

const regions = ['500118', '110105', '440306', '440304', '320402', '330106', '420106'];
const communities = ['阳光社区', '胜利路社区', '红旗社区', '滨江社区', '新城社区', '桂花社区'];
const complaints = ['近两周入睡困难、早醒', '与家人争吵后情绪低落', '工作压力大，常感焦虑', '孩子厌学，亲子冲突', '丧偶后常独自哭泣', '邻里纠纷后心烦意乱', '考试临近，紧张失眠'];
const assessments = ['情绪低落，社会功能基本保持', '焦虑明显，无自伤念头', '睡眠差，食欲下降', '存在消极想法，需密切关注', '适应不良，支持系统尚可'];
const interventions = ['倾听共情，情绪疏导', '放松训练与睡眠卫生指导', '认知调整，布置情绪日记', '家庭沟通辅导', '资源链接，联系社区网格员'];
const plans = ['一周后复访', '两周后复访并复评量表', '电话随访，必要时转介', '邀请家属共同面谈'];

const pick = <T>(items: readonly T[]): T => items[faker.number.int({ min: 0, max: items.length - 1 })]!;
const codes = (dictionary: keyof typeof builtinDictionaries) => builtinDictionaries[dictionary].map(([code]) => code);

/** A synthetic but valid 18-character number: real region code, birth date, sequence, check digit. */
function syntheticIdNumber(birthDate: string, gender: 'male' | 'female'): string {
  const parity = gender === 'male' ? pick(['1', '3', '5', '7', '9']) : pick(['0', '2', '4', '6', '8']);
  const first17 = `${pick(regions)}${birthDate.replace(/-/g, '')}${faker.string.numeric(2)}${parity}`;
  return `${first17}${checkCharacterFor(first17)}`;
}

function registration(today: string): Registration {
  const gender = faker.helpers.arrayElement(['male', 'female'] as const);
  const birth = faker.date.between({ from: '1942-01-01', to: '2016-12-31' });
  const birthDate = localDay(birth);
  const age = ageOn(birthDate, today);
  const tags = faker.helpers.arrayElements(codes('populationTag'), { min: 0, max: 2 }).filter((tag) =>
    tag.startsWith('elderly') ? age >= 60 : tag === 'youth' || tag === 'left_behind_child' ? age < 18 : true,
  );
  const minor = age < 18;
  return {
    name: faker.person.lastName() + faker.person.firstName(),
    gender,
    birthDate,
    idNumber: faker.datatype.boolean(0.7) ? syntheticIdNumber(birthDate, gender) : '',
    phone: `1${pick(['3', '5', '7', '8', '9'])}${faker.string.numeric(9)}`,
    address: `${pick(communities)}${faker.number.int({ min: 1, max: 40 })}栋${faker.number.int({ min: 101, max: 2802 })}室（演示数据）`,
    community: pick(communities),
    grid: `第${faker.number.int({ min: 1, max: 12 })}网格`,
    guardianName: minor ? faker.person.lastName() + faker.person.firstName() : '',
    guardianPhone: minor ? `13${faker.string.numeric(9)}` : '',
    guardianRelation: minor ? pick(['母亲', '父亲', '祖母', '祖父']) : '',
    tags,
    source: pick(codes('clientSource')),
    note: '演示数据',
  };
}

function seedReferral(db: Db, clientId: number, caseId: number, owner: number, openedOn: string, today: string, at: string): void {
  insertConsent(db, { clientId, kind: 'sharing', signerName: '本人', signedOn: openedOn, note: '演示数据' }, owner, at);
  const sentOn = addDays(openedOn, faker.number.int({ min: 7, max: 60 }));
  if (sentOn > today) return;
  const id = insertReferral(
    db,
    { clientId, caseId, target: pick(codes('referralTarget')), targetDetail: '（演示数据）', reason: `${pick(assessments)}，需进一步评估`, sharedInfo: '咨询记录摘要', sentOn },
    owner,
    at,
  );
  const state = faker.helpers.arrayElement(['sent', 'received', 'feedback', 'not_received'] as const);
  const on = addDays(sentOn, 3) > today ? today : addDays(sentOn, 3);
  if (state === 'received') advanceReferral(db, id, { status: 'received', on, text: '' });
  if (state === 'feedback') advanceReferral(db, id, { status: 'feedback', on, text: '已接诊，建议继续社区随访（演示数据）' });
  if (state === 'not_received') advanceReferral(db, id, { status: 'not_received', on, text: '来访者未前往（演示数据）' });
}

function seedCrisis(db: Db, clientId: number, owner: number, openedOn: string, at: string): void {
  const startedAt = `${openedOn}T10:30:00.000Z`;
  const id = insertCrisis(db, { clientId, unknownPerson: '', location: '服务站咨询室', summary: '来访者情绪失控，表露消极念头（演示数据）' }, owner, startedAt);
  for (const step of ['safety_assessment', 'not_left_alone', 'family_contacted', 'hotline_given', 'supervisor_informed'] as const) {
    recordCrisisStep(db, id, step, '', owner, startedAt);
  }
  insertCrisisContact(db, { crisisId: id, party: 'family', name: '家属', phone: '', note: '已到场（演示数据）' }, owner, startedAt);
  resolveCrisis(db, id, 'family_pickup', '情绪平复，家属接回（演示数据）', '次日电话随访', at);
}

export function seedCaseFilesDemo(db: Db, options: CaseFilesDemoOptions): { clients: number; cases: number; sessions: number } {
  faker.seed(options.seed);
  const today = localDay(options.now);
  const at = options.now.toISOString();
  const counsellor = () => pick(options.counsellorIds);
  let caseCount = 0;
  let sessionCount = 0;
  for (let index = 0; index < options.clients; index += 1) {
    const client = registration(today);
    // Synthetic ID numbers can collide; a collision just means this client has none.
    if (client.idNumber && idNumberTaken(db, client.idNumber)) client.idNumber = '';
    const clientId = insertClient(db, client, options.counsellorIds[0]!, at);
    const minor = ageOn(client.birthDate, today) < 18;
    insertConsent(db, { clientId, kind: minor ? 'guardian' : 'service', signerName: minor ? client.guardianName : client.name, signedOn: today, note: '演示数据' }, options.counsellorIds[0]!, at);
    if (!faker.datatype.boolean(options.caseShare)) continue;

    const openedOn = localDay(faker.date.recent({ days: 720, refDate: options.now }));
    const owner = counsellor();
    const caseId = insertCase(db, { clientId, counsellorId: owner, openedOn, reason: `${pick(complaints)}（演示数据）`, problems: faker.helpers.arrayElements(codes('problemCategory'), { min: 1, max: 2 }) }, at);
    caseCount += 1;
    const sessions = faker.number.int({ min: options.sessionsPerCase[0], max: options.sessionsPerCase[1] });
    let day = openedOn;
    for (let n = 0; n < sessions && day <= today; n += 1) {
      const sessionId = insertSession(
        db,
        {
          caseId,
          heldOn: day,
          startTime: pick(['09:00', '10:00', '14:00', '15:30', '16:30']),
          durationMinutes: pick([30, 45, 50, 60]),
          modality: pick(['in_person', 'in_person', 'phone', 'home_visit', 'online'] as const),
          kind: n === 0 ? 'intake' : 'follow_up_session',
          note: { complaint: pick(complaints), assessment: pick(assessments), intervention: pick(interventions), plan: pick(plans), freeText: '' },
        },
        owner,
        at,
      );
      sessionCount += 1;
      const isLatest = n === sessions - 1 || addDays(day, 7) > today;
      // Only a recent note may still be a draft: a real station signs within days.
      const recentDraft = isLatest && addDays(day, 14) > today && faker.datatype.boolean(0.5);
      if (!recentDraft) signSession(db, sessionId, owner, `${day}T08:00:00.000Z`);
      if (!isLatest && faker.datatype.boolean(0.03)) insertAddendum(db, sessionId, '补充：来访者随后来电，情况稳定。（演示数据）', owner, `${day}T09:00:00.000Z`);
      day = addDays(day, faker.number.int({ min: 6, max: 15 }));
    }
    if (day < today && faker.datatype.boolean(0.6)) closeCase(db, caseId, day, '目标达成，来访者同意结案（演示数据）');

    if (faker.datatype.boolean(0.05)) seedReferral(db, clientId, caseId, owner, openedOn, today, at);
    if (faker.datatype.boolean(0.03)) seedCrisis(db, clientId, owner, openedOn, at);

    // About half the clients with a case carry a 三色 grade; some follow-ups are done, the pending one may be overdue.
    if (!faker.datatype.boolean(0.5)) continue;
    const level = faker.helpers.weightedArrayElement([
      { weight: 1, value: 'red' as const },
      { weight: 3, value: 'yellow' as const },
      { weight: 6, value: 'green' as const },
    ]);
    const gradedOn = localDay(faker.date.recent({ days: 120, refDate: options.now }));
    insertRiskGrade(db, { clientId, level, reason: `${pick(assessments)}（演示数据）`, evidence: pick(['disclosure', 'scale', 'grid_report'] as const) }, owner, `${gradedOn}T08:00:00.000Z`);
    setCurrentRisk(db, clientId, level, at);
    let due = addDays(gradedOn, options.followUpDays[level]);
    while (due < today && faker.datatype.boolean(0.7)) {
      const followUpId = scheduleFollowUp(db, clientId, level, due);
      completeFollowUp(db, followUpId, { doneOn: due, method: pick(['home_visit', 'phone', 'visit'] as const), participants: faker.helpers.arrayElements(codes('followUpParticipant'), { min: 1, max: 2 }), findings: `${pick(assessments)}（演示数据）`, reassessedLevel: level }, owner);
      due = addDays(due, options.followUpDays[level]);
    }
    scheduleFollowUp(db, clientId, level, due);
  }
  return { clients: options.clients, cases: caseCount, sessions: sessionCount };
}
