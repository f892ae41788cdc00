/**
 * The shipped scale library (scales.md §0–§4). Each definition is a JSON data file checked by the
 * definition schema at load; adding a scale means adding a file here, not code.
 */
import def_AD8 from './definitions/AD8.json' with { type: 'json' };
import def_AUDIT from './definitions/AUDIT.json' with { type: 'json' };
import def_C_SSRS_screener from './definitions/C-SSRS-screener.json' with { type: 'json' };
import def_EPDS from './definitions/EPDS.json' with { type: 'json' };
import def_GAD_7 from './definitions/GAD-7.json' with { type: 'json' };
import def_GDS_15 from './definitions/GDS-15.json' with { type: 'json' };
import def_ISI from './definitions/ISI.json' with { type: 'json' };
import def_K10 from './definitions/K10.json' with { type: 'json' };
import def_PCL_5 from './definitions/PCL-5.json' with { type: 'json' };
import def_PHQ_15 from './definitions/PHQ-15.json' with { type: 'json' };
import def_PHQ_9 from './definitions/PHQ-9.json' with { type: 'json' };
import def_PSS_10 from './definitions/PSS-10.json' with { type: 'json' };
import def_SAS from './definitions/SAS.json' with { type: 'json' };
import def_SCL_90 from './definitions/SCL-90.json' with { type: 'json' };
import def_SDS from './definitions/SDS.json' with { type: 'json' };
import def_UCLA_3 from './definitions/UCLA-3.json' with { type: 'json' };
import def_UCLA_LS3_20 from './definitions/UCLA-LS3-20.json' with { type: 'json' };
import def_WHO_5 from './definitions/WHO-5.json' with { type: 'json' };
import type { ScaleDefinition } from './definitionSchema.js';
import { loadShipped } from './validateDefinition.js';

const shipped: unknown[] = [def_AD8, def_AUDIT, def_C_SSRS_screener, def_EPDS, def_GAD_7, def_GDS_15, def_ISI, def_K10, def_PCL_5, def_PHQ_15, def_PHQ_9, def_PSS_10, def_SAS, def_SCL_90, def_SDS, def_UCLA_3, def_UCLA_LS3_20, def_WHO_5];

/** Built-in definitions by id, validated once at load. */
export const builtinScales: ReadonlyMap<string, ScaleDefinition> = new Map(shipped.map((raw) => loadShipped(raw, 'scale')).map((definition) => [definition.id, definition]));

export const builtinScaleIds = [...builtinScales.keys()];
