/**
 * The checklist templates shipped with the app (issue 13), each labelled with its source and whether it is an official
 * text or a composite: validated once at load, like the scale library. A district imports its own beside them.
 */
import beijingCommunity from './templates/beijing-community-station.json' with { type: 'json' };
import beijingStreet from './templates/beijing-street-centre.json' with { type: 'json' };
import yuexinan from './templates/guangdong-yuexinan-six.json' with { type: 'json' };
import shenzhenRoom from './templates/shenzhen-community-room.json' with { type: 'json' };
import yongchuanCommunity from './templates/yongchuan-community-five-ones.json' with { type: 'json' };
import yongchuanStreet from './templates/yongchuan-street-station.json' with { type: 'json' };
import zongzhi from './templates/zongzhi-five-haves.json' with { type: 'json' };
import type { ChecklistTemplate } from './templateSchema.js';
import { loadShippedTemplate } from './validateTemplate.js';

export const builtinTemplates: ReadonlyMap<string, ChecklistTemplate> = new Map(
  [yongchuanCommunity, yongchuanStreet, yuexinan, zongzhi, beijingCommunity, beijingStreet, shenzhenRoom].map(loadShippedTemplate).map((template) => [template.id, template]),
);
