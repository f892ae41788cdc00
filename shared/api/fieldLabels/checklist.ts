import { inspectionsFieldLabels } from './inspections.js';

/** Field names of the checklist's inputs (五个一 自评) and its inspections'. */
export const checklistFieldLabels: Readonly<Record<string, string>> = {
  ...inspectionsFieldLabels,
  itemId: '检查条目',
  levelReached: '达到的档次',
  met: '是否达到',
  templateId: '检查标准',
  templateJson: '模板文件',
  version: '版本',
};
