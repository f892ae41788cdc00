import type { DictionaryEntries } from './entries.js';

/**
 * Built-in entries of the case files' dictionaries. Sources: 2018 社会心理服务体系建设试点工作方案 重点人群;
 * reports-standards.md §3.2 code lists; seeds/003 (三色预警, 关爱帮扶小组).
 */
export const caseFilesDictionaries = {
  populationTag: [
    ['youth', '青少年'],
    ['left_behind_child', '留守儿童'],
    ['elderly_empty_nest', '老年人（空巢）'],
    ['elderly_alone', '老年人（独居）'],
    ['elderly_disabled', '老年人（失能）'],
    ['perinatal', '孕产期妇女'],
    ['disabled', '残疾人'],
    ['community_correction', '社区矫正对象'],
    ['released', '刑满释放人员'],
    ['sanshi_yipian', '“三失一偏”人员'],
    ['petitioner', '信访人员'],
    ['hardship', '困难群众'],
    ['severe_mental_family', '严重精神障碍患者家属'],
    ['dispute_party', '矛盾纠纷当事人'],
    ['domestic_violence', '家庭暴力当事人'],
  ],
  problemCategory: [
    ['emotion', '情绪困扰'],
    ['family', '婚恋家庭'],
    ['parenting', '亲子教育'],
    ['study', '学业压力'],
    ['work', '职场压力'],
    ['relationship', '人际关系'],
    ['grief', '丧失与哀伤'],
    ['trauma', '创伤与应激'],
    ['sleep', '睡眠问题'],
    ['addiction', '成瘾行为'],
    ['suicide_risk', '自伤自杀风险'],
    ['dispute', '矛盾纠纷心理疏导'],
    ['mental_illness', '精神疾病相关'],
    ['other', '其他'],
  ],
  clientSource: [
    ['walk_in', '自主来访'],
    ['referral', '转介'],
    ['screening', '排查发现'],
    ['hotline', '热线'],
    ['grid_worker', '网格员'],
    ['school', '学校'],
    ['employer', '单位'],
    ['other', '其他'],
  ],
  referralTarget: [
    ['mental_health_centre', '精神卫生中心'],
    ['hospital_psychology', '医院心理科'],
    ['community_health', '社区卫生服务中心'],
    ['civil_affairs', '民政'],
    ['judicial_office', '司法所'],
    ['womens_federation', '妇联'],
    ['school', '学校'],
    ['legal_aid', '法律援助'],
  ],
  followUpParticipant: [
    ['police', '社区民警'],
    ['grid_worker', '网格员'],
    ['mental_health_doctor', '精防医生'],
    ['family', '家属'],
    ['social_worker', '社工'],
    ['community_cadre', '村（居）委干部'],
  ],
} satisfies Record<string, DictionaryEntries>;
