import fc from 'fast-check';

/**
 * A fast-check arbitrary from a zod (v4) schema: mostly values the schema accepts, with boundary
 * values (empty, at and one past each limit) and a share of wrong types, so both the handlers and the
 * refusals are exercised. Reads zod's public `_zod.def`; unknown kinds fall back to any JSON value.
 */
type Def = { type: string; [key: string]: unknown };
type Check = { check: string; minimum?: number; maximum?: number; value?: number; format?: string };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] =>
  ((def.checks as Array<{ _zod: { def: Check } }> | undefined) ?? []).map((check) => check._zod.def);

/** Where generated file paths point: a scratch folder, never the repository or the user's files. */
export type ArbitraryOptions = Readonly<{ scratchDir: string; maxDepth?: number }>;

const emoji = ['😀', '🏠', '★', '—', '…', '\u200b', '\u0000', '𠀀', '\ud800'];
const tricky = ["'; DROP TABLE clients; --", '../../etc/passwd', '%s%n', '<script>', ' ', '　', '\n', 'null', '0'];

function lengthBounds(def: Def) {
  let min = 0;
  let max: number | undefined;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length' && check.minimum !== undefined) min = check.minimum;
    if (check.check === 'max_length' && check.maximum !== undefined) max = check.maximum;
    if (check.check === 'length_equals' && check.value !== undefined) min = max = check.value;
  }
  return { min, max };
}

function stringArbitrary(def: Def, key: string, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const { min, max } = lengthBounds(def);
  const cap = Math.min(max ?? 60, 200);
  const boundaries = [...new Set([min, Math.max(min - 1, 0), cap, (max ?? cap) + 1])].map((length) => '张'.repeat(length));
  const format = def.format as string | undefined;
  const formatted: Array<fc.Arbitrary<unknown>> = [];
  if (format === 'date') formatted.push(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)));
  if (format === 'datetime') formatted.push(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString()));
  if (/file|dir|path/i.test(key)) {
    // Paths stay inside the scratch folder: a folder, a file name, a missing file, the folder itself.
    formatted.push(fc.constantFrom('', 'a', 'b/c.xybak', 'missing.xybak', '.').map((name) => (name ? `${options.scratchDir}/${name}` : options.scratchDir)));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: cap }) },
    { weight: 3, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(cap, 1), unit: 'grapheme' }) },
    { weight: formatted.length > 0 ? 6 : 0, arbitrary: formatted.length > 0 ? fc.oneof(...formatted) : fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom(...boundaries, ...emoji, ...tricky, emoji.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('09:00', '17:30', '24:00', '2026-02-30', '2026-11-23', 'PHQ-9', 'GAD-7', 'admin', 'counselling') },
  );
}

function numberArbitrary(def: Def): fc.Arbitrary<unknown> {
  let min = -1_000;
  let max = 1_000;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = check.format === 'safeint' || check.format === 'int32';
    if (check.check === 'greater_than' && check.value !== undefined) min = check.value;
    if (check.check === 'less_than' && check.value !== undefined) max = check.value;
  }
  const low = Math.max(min, -1e9);
  const high = Math.min(max, 1e9);
  const boundaries = [min - 1, min, max, max + 1, 0, -1, 1, 2, 3, Number.MAX_SAFE_INTEGER, 0.5].filter(Number.isFinite);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: Math.max(Math.ceil(low), 1), max: Math.max(Math.min(Math.floor(high), 6), Math.max(Math.ceil(low), 1)) }) },
    { weight: 2, arbitrary: integer ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) : fc.double({ min: low, max: high, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(...boundaries) },
  );
}

/** Small ids (1–6) hit the rows the fuzz station seeded; the wrong-type share exercises the refusals. */
export function arbitraryFor(schema: unknown, options: ArbitraryOptions, key = '', depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const maxDepth = options.maxDepth ?? 6;
  const wrong = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string({ maxLength: 5 }), fc.constant([]), fc.constant({}));
  const inner = (child: unknown, childKey = key) => arbitraryFor(child, options, childKey, depth + 1);
  const valid = ((): fc.Arbitrary<unknown> => {
    if (depth > maxDepth) return fc.constant(null);
    switch (def.type) {
      case 'string':
        return stringArbitrary(def, key, options);
      case 'number':
        return numberArbitrary(def);
      case 'boolean':
        return fc.boolean();
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
      case 'null':
        return fc.constant(null);
      case 'undefined':
      case 'void':
        return fc.constant(undefined);
      case 'optional':
        return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
      case 'nullable':
        return fc.option(inner(def.innerType), { nil: null, freq: 4 });
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
      case 'pipe':
        return inner(def.in);
      case 'lazy':
        return inner((def.getter as () => unknown)());
      case 'union':
        return fc.oneof(...(def.options as unknown[]).map((option) => inner(option)));
      case 'intersection':
        return fc.tuple(inner(def.left), inner(def.right)).map(([left, right]) => ({ ...(left as object), ...(right as object) }));
      case 'array': {
        const { min, max } = lengthBounds(def);
        return fc.array(inner(def.element), { minLength: Math.min(min, 4), maxLength: Math.min(max ?? 4, Math.max(min, 4)) });
      }
      case 'tuple':
        return fc.tuple(...(def.items as unknown[]).map((item) => inner(item)));
      case 'record':
        return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType), { maxKeys: 4 });
      case 'object': {
        const shape = def.shape as Record<string, unknown>;
        const keys = Object.keys(shape);
        return fc.record(Object.fromEntries(keys.map((name) => [name, inner(shape[name], name)])), {
          requiredKeys: keys.filter((name) => !['optional', 'default', 'prefault'].includes(defOf(shape[name]).type)),
        });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: wrong });
}
