import { addDays, localDay } from '../../../../shared/domain/dates.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Handlers } from '../../handlerTable.js';
import type { DemoStaff } from './activitiesDemo.js';
import { monthStart, weekday } from './demoCalendar.js';
import { between, chance, faker, pick } from './demoRandom.js';

/** Who the rounds look in on (seeds/003: 主动排查发现疑似心理行为问题人员), by 重点人群 tag. */
const roundTags = ['elderly_alone', 'elderly_empty_nest', 'hardship', 'left_behind_child', 'disabled', 'severe_mental_family'] as const;
const observations = [
  '独居，近来睡眠差，子女每月探望一次，建议定期电话关怀。',
  '情绪平稳，家中整洁，已告知社区心理咨询室开放时间。',
  '家属照护压力大，流露疲惫，建议预约心理咨询。',
  '与邻里有矛盾纠纷，情绪激动，已联系人民调解员跟进。',
  '孩子由祖辈照看，学习适应一般，已联系学校心理老师。',
  '身体行动不便，情绪尚可，登记为重点关注对象。',
];
const buildings = ['阳光小区 2 栋', '阳光小区 5 栋', '阳光小区 7 栋', '胜利路 18 号院', '石桥村三组', '石桥村五组', '新华苑 1 栋'];

/**
 * A year of 走访排查 up to today (seeds/002 经常性心理健康走访排查制度; seeds/003 网格管理员 …摸排): two rounds a month
 * with the 网格员 (a 社区民警 or 社区干部 now and then), each looking in on registered clients of the 重点人群 and
 * on households known only by their building, some marked for follow-up. Written through the visits handlers.
 */
export async function seedVisitsDemo(handlers: Handlers, admin: Session, staff: DemoStaff, today: string, registered: (ids: readonly number[]) => ReadonlyMap<number, string>): Promise<number> {
  faker.seed(20261203);
  const known = new Map<string, number[]>();
  for (const tag of roundTags) known.set(tag, (await handlers['clients.search']({ query: '', tag, reachedOnly: false, limit: 20, offset: 0 }, admin)).rows.map((row) => row.id));
  const since = registered([...known.values()].flat());
  const visitors = staff.counsellorIds.length > 0 ? staff.counsellorIds : [staff.adminId];
  let made = 0;
  for (let monthsBack = 11; monthsBack >= 0; monthsBack -= 1) {
    const month = monthStart(today, monthsBack);
    for (const [round, offset] of [[0, 8], [1, 21]] as const) {
      const day = weekday(addDays(month, offset));
      if (day >= today) continue;
      const visitor = visitors[(monthsBack + round) % visitors.length]!;
      const companions = ['grid_worker', ...(chance(0.3) ? [pick(['police', 'community_cadre'])] : [])];
      for (let stop = 0; stop < between(3, 5); stop += 1) {
        const tag = pick(roundTags);
        // A registered client is visited only after their file was made; a household otherwise.
        const pool = (known.get(tag) ?? []).filter((id) => localDay(new Date(since.get(id) ?? '')) < day);
        const clientId = pool.length > 0 && chance(0.5) ? pick(pool) : null;
        await handlers['visits.create'](
          {
            date: day,
            visitorIds: [visitor],
            clientId,
            area: clientId === null ? pick(buildings) : '',
            companionRoles: companions,
            companionNames: '网格员张红（演示）',
            tags: [tag],
            observations: pick(observations),
            followUpNeeded: chance(0.3),
          },
          admin,
        );
        made += 1;
      }
    }
  }
  return made;
}
