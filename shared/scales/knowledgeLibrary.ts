/**
 * The shipped knowledge questionnaires (知晓率问卷, issue 12): definitions in the scale format with kind 'knowledge',
 * kept apart from the scale library so that none shows as a clinical scale (scale picker, case files, kiosk scales).
 */
import def_MHL_TEN_2018 from './knowledge/MHL-TEN-2018.json' with { type: 'json' };
import def_STATION_AWARENESS from './knowledge/STATION-AWARENESS.json' with { type: 'json' };
import type { ScaleDefinition } from './definitionSchema.js';
import { loadShipped } from './validateDefinition.js';

/** Built-in questionnaires by id, validated once at load. */
export const builtinQuestionnaires: ReadonlyMap<string, ScaleDefinition> = new Map([def_MHL_TEN_2018, def_STATION_AWARENESS].map((raw) => loadShipped(raw, 'knowledge')).map((definition) => [definition.id, definition]));
