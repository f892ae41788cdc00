import type { DictionaryEntries } from './entries.js';

/** Built-in entries of the screening-visit ledger's dictionaries (走访排查, issue 12), merged into ledgersDictionaries. */
export const visitsDictionaries = {
  // Who goes on the rounds with the station's staff: seeds/003 ("发挥村（社区）干部、网格管理员、人民调解员作用，组织心理服务
  // 工作者、社会工作者、志愿者等对居民摸排") and seeds/002 (公安、卫生、民政、残联 in the 走访排查制度).
  visitCompanionRole: [
    ['grid_worker', '网格员'],
    ['community_cadre', '社区（村）干部'],
    ['police', '社区民警'],
    ['mediator', '人民调解员'],
    ['social_worker', '社会工作者'],
    ['doctor', '家庭医生/村医'],
    ['volunteer', '志愿者'],
    ['other', '其他'],
  ],
} satisfies Record<string, DictionaryEntries>;
