import type { districtContract } from '../../../../shared/api/contract/district.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { DistrictReports } from './districtReports.js';
import type { DistrictService } from './districtService.js';

export type DistrictDeps = Readonly<{ district: DistrictService; districtReports: DistrictReports }>;

/** The district feature's handlers (issue 14). */
export function createDistrictHandlers({ district, districtReports }: DistrictDeps): FeatureHandlers<typeof districtContract> {
  return {
    'district.stations': () => district.stations(),
    'district.registerStation': (input, session) => district.register(requireSession(session), input),
    'district.updateStation': (input, session) => district.update(requireSession(session), input.id, input.registration),
    'district.importPackage': (input, session) => district.importPackage(requireSession(session), input),
    'district.received': (input) => district.received(input.period ?? null),
    'district.settings': () => district.settings(),
    'district.saveSettings': (input, session) => district.saveSettings(requireSession(session), input),
    'district.overview': (input) => district.overview(input.period),
    'district.exportXlsx': (input, session) => district.workbook(requireSession(session), input.period),
    'district.upwardVersions': (input) => districtReports.versions(input.period),
    'district.upward': (input, session) => districtReports.upward(requireSession(session), input),
    'district.pdf': (input, session) => districtReports.pdf(requireSession(session), input.period),
    'district.dhis2': (input, session) => districtReports.dhis2(requireSession(session), input),
    'district.map': () => district.map(),
    'district.saveMap': (input, session) => district.saveMap(requireSession(session), input),
    'district.removeMap': (_input, session) => district.removeMap(requireSession(session)),
  };
}
