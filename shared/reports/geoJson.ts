/** A district's boundaries as the user imported them: GeoJSON features with their properties. */
export type DistrictGeoJson = Readonly<{ type: 'FeatureCollection'; features: ReadonlyArray<{ type: 'Feature'; properties: Record<string, unknown> | null; geometry: { type: string } | null }> }>;

const areas = new Set(['Polygon', 'MultiPolygon']);

/** The text as a FeatureCollection holding at least one area, else null (a point layer or any other JSON is no map). */
export function readGeoJson(text: string): DistrictGeoJson | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const collection = parsed as Partial<DistrictGeoJson> | null;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) return null;
  return collection.features.some((feature) => areas.has(feature?.geometry?.type ?? '')) ? (collection as DistrictGeoJson) : null;
}

/** A feature's property as a region code would read (numbers written out, other values not at all). */
export function propertyText(properties: Record<string, unknown> | null, key: string): string | null {
  const value = properties?.[key];
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
}

/** Every property name the features carry, the one matching most registered region codes first (the likely code). */
export function codeProperties(map: DistrictGeoJson, regionCodes: readonly string[]): string[] {
  const codes = new Set(regionCodes);
  const keys = [...new Set(map.features.flatMap((feature) => Object.keys(feature.properties ?? {})))];
  const matches = (key: string) => map.features.filter((feature) => codes.has(propertyText(feature.properties, key) ?? '')).length;
  return keys.map((key) => ({ key, score: matches(key) })).sort((a, b) => b.score - a.score).map((entry) => entry.key);
}

/** What is wrong with a map as the district would keep it, in Chinese; null when it is a map whose areas carry the property. */
export function geoJsonProblem(text: string, codeProperty: string): string | null {
  const map = readGeoJson(text);
  if (!map) return '不是可用的地图文件：须为含有区域（Polygon 或 MultiPolygon）的 GeoJSON FeatureCollection。';
  if (!map.features.some((feature) => propertyText(feature.properties, codeProperty) !== null)) return `地图的区域都没有“${codeProperty}”属性，请选择保存行政区划代码的属性。`;
  return null;
}
