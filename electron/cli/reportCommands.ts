import fs from 'node:fs';
import path from 'node:path';
import type { ExportFile } from '../../shared/api/schemas/exports.js';
import { parsePeriod, periodFormatHint } from '../../shared/domain/periods.js';
import { fingerprint as fingerprintSchema } from '../../shared/api/schemas/district.js';
import { readDhis2Metadata } from '../../shared/reports/dhis2/metadata.js';
import { dataValueSetSchema } from '../../shared/reports/dhis2/dataValueSetSchema.js';
import { checkDataValueSet } from '../../shared/reports/dhis2/preflight.js';
import { buildDistrictOverview, type ReceivedReport } from '../../shared/reports/districtOverview.js';
import { builtinIndicatorSets, defaultIndicatorSetId } from '../../shared/reports/library.js';
import type { PackagePayload } from '../../shared/reports/packageFormat.js';
import { writeFileAtomic } from '../core/fs/atomicWrite.js';
import { districtWorkbook } from '../core/services/district/districtWorkbook.js';
import { verifyPackage } from '../core/services/reports/packageSignature.js';
import { CliError, type CliSession } from './cliSession.js';
import type { CommandArgs } from './commands.js';

type Flags = CommandArgs['flags'];
type Print = (line: string) => void;

const text = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);

/** A file the command writes: a new name in a folder that exists (nothing is ever overwritten). */
function newFile(out: string | undefined): string {
  if (!out) throw new CliError('缺少参数 --out。', 2);
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new CliError(`文件已存在，不会覆盖：${target}`);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`文件夹不存在：${path.dirname(target)}`);
  return target;
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`无法读取${what}：${file}`);
  }
}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new CliError(`${what}不是有效的 JSON。`);
  }
}

const reportFormats = ['pdf', 'xlsx', 'package', 'dhis2'] as const;

/**
 * `xinyi report --period 2026-11 --format pdf|xlsx|package|dhis2 --out FILE` as the station's 站长 (the package and
 * DHIS2 need the period submitted; `--dhis2-format json|csv|adx`, `--shared` for the workbook's shared copy).
 */
export async function reportCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  const period = text(args.flags, 'period');
  if (!period || !parsePeriod(period)) throw new CliError(`请用 --period 指定统计期：${periodFormatHint}`, 2);
  const format = text(args.flags, 'format') ?? 'pdf';
  if (!(reportFormats as readonly string[]).includes(format)) throw new CliError(`不支持的格式“${format}”：可用 ${reportFormats.join('、')}。`, 2);
  const target = newFile(text(args.flags, 'out'));
  await cli.login();
  const calls: Record<(typeof reportFormats)[number], () => Promise<ExportFile>> = {
    pdf: () => cli.call('reports.pdf', { period }),
    xlsx: () => cli.call('reports.exportXlsx', { range: { period }, shared: args.flags.shared === true }),
    package: () => cli.call('reports.package', { period }),
    dhis2: () => cli.call('reports.dhis2', { period, format: (text(args.flags, 'dhis2-format') ?? 'json') as 'json' | 'csv' | 'adx' }),
  };
  const file = await calls[format as (typeof reportFormats)[number]]();
  writeFileAtomic(target, Buffer.from(file.dataBase64, 'base64'));
  print(`已生成${period}报表（${format}）：${target}`);
}

/** A keys file: JSON `{ "<行政区划代码>": "<指纹>" }` or CSV lines `行政区划代码,名称,指纹`. */
function readKeys(file: string): Map<string, { name: string; fingerprint: string }> {
  const body = readText(file, '登记公钥文件');
  const entries: Array<[string, string, string]> = body.trimStart().startsWith('{')
    ? Object.entries(parseJson(body, '登记公钥文件') as Record<string, string>).map(([code, key]) => [code, code, key])
    : body
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '' && !line.startsWith('行政区划代码'))
        .map((line) => line.split(',').map((cell) => cell.trim()) as [string, string, string]);
  const keys = new Map<string, { name: string; fingerprint: string }>();
  for (const [code, name, key] of entries) {
    const parsed = fingerprintSchema.safeParse(key ?? '');
    if (!parsed.success) throw new CliError(`登记公钥文件中 ${code} 的指纹无效：应为 64 位十六进制字符。`);
    keys.set(code, { name, fingerprint: parsed.data });
  }
  return keys;
}

/**
 * `xinyi aggregate FILES… --out DIR [--keys FILE]`, without a station: every package's signature is checked (a
 * changed byte is refused), and with `--keys` also that it was signed by the key registered for its station; the
 * newest version of each station and month is kept, and for every month present the district tables are written as
 * XLSX and JSON with their completeness (expected: the registered stations, or those seen). Refusals are listed and
 * make the exit code 1; the tables of what was accepted are still written.
 */
export async function aggregateCommand(args: CommandArgs, print: Print): Promise<number> {
  const files = args.positionals;
  if (files.length === 0) throw new CliError('用法：xinyi aggregate 文件… --out 文件夹 [--keys 登记公钥文件]', 2);
  const out = text(args.flags, 'out');
  if (!out) throw new CliError('缺少参数 --out（输出文件夹）。', 2);
  const folder = path.resolve(out);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new CliError(`输出文件夹不存在：${folder}`);
  const keysFile = text(args.flags, 'keys');
  const keys = keysFile ? readKeys(keysFile) : null;
  const set = builtinIndicatorSets.get(defaultIndicatorSetId)!;
  const codes = new Map<string, { id: number; name: string }>();
  const reports: ReceivedReport[] = [];
  let refused = 0;
  for (const file of files) {
    const verified = verifyPackage(readText(file, '上报文件'));
    const manifest = verified.ok ? verified.payload.manifest : null;
    const registered = manifest && keys ? keys.get(manifest.station.regionCode) : undefined;
    const reason = !verified.ok
      ? verified.reason
      : keys && !registered
        ? `未登记的站点：行政区划代码 ${manifest!.station.regionCode}`
        : registered && registered.fingerprint !== verified.fingerprint
          ? `签名所用的公钥与登记的不一致（登记 ${registered.fingerprint}，文件 ${verified.fingerprint}）`
          : null;
    if (reason || !verified.ok) {
      refused += 1;
      print(`拒绝 ${path.basename(file)}：${reason}`);
      continue;
    }
    const { manifest: accepted, figures } = verified.payload as PackagePayload;
    if (!codes.has(accepted.station.regionCode)) codes.set(accepted.station.regionCode, { id: codes.size + 1, name: accepted.station.name });
    reports.push({ stationId: codes.get(accepted.station.regionCode)!.id, period: accepted.period, version: accepted.version, generatedAt: accepted.generatedAt, figures });
    print(`接收 ${path.basename(file)}：${accepted.station.name} ${accepted.period} 第 ${accepted.version} 版`);
  }
  for (const [code, entry] of keys ?? []) if (!codes.has(code)) codes.set(code, { id: codes.size + 1, name: entry.name });
  const stations = [...codes].map(([regionCode, entry]) => ({ id: entry.id, name: entry.name, regionCode, establishedOn: '2000-01-01', withdrawnOn: null }));
  const months = [...new Set(reports.map((report) => report.period))].sort();
  for (const month of months) {
    const overview = buildDistrictOverview(set, { timelyDays: Number(text(args.flags, 'timely-days') ?? 10), residents: null, communities: null }, stations, reports, month);
    writeFileAtomic(path.join(folder, `辖区汇总_${month}.xlsx`), await districtWorkbook(overview, '辖区'));
    writeFileAtomic(path.join(folder, `辖区汇总_${month}.json`), Buffer.from(`${JSON.stringify({ period: overview.period, completeness: overview.completeness, stations: overview.stations, totals: overview.totals, ratios: overview.ratios, derived: overview.derived }, null, 1)}\n`));
    print(`${month}：应报 ${overview.completeness.expected}，已报 ${overview.completeness.received}，未报 ${overview.completeness.missing}`);
  }
  print(`共 ${files.length} 个文件：接收 ${files.length - refused}，拒绝 ${refused}；汇总表已写入 ${folder}`);
  return refused > 0 ? 1 : 0;
}

/**
 * `xinyi dhis2-check FILE --metadata FILE`, without a station: the offline pre-flight of a dataValueSets JSON against
 * a DHIS2 metadata export, in DHIS2's order and terms (code, object, property, indexes) with the Chinese explanation.
 */
export function dhis2CheckCommand(args: CommandArgs, print: Print): number {
  const [file] = args.positionals;
  const metadataFile = text(args.flags, 'metadata');
  if (!file || !metadataFile) throw new CliError('用法：xinyi dhis2-check 数据文件.json --metadata 元数据.json', 2);
  const payload = dataValueSetSchema.safeParse(parseJson(readText(file, '数据文件'), '数据文件'));
  if (!payload.success) throw new CliError(`数据文件不是本软件导出的 dataValueSets 格式：${payload.error.issues[0]?.path.join('.') ?? ''} ${payload.error.issues[0]?.message ?? ''}`);
  let metadata;
  try {
    metadata = readDhis2Metadata(parseJson(readText(metadataFile, '元数据文件'), '元数据文件'));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : '元数据文件无法读取。');
  }
  const result = checkDataValueSet(payload.data, metadata, { now: new Date(), idScheme: 'code' });
  print(`状态：${result.status}；可导入 ${result.importCount.imported}，忽略 ${result.importCount.ignored}，冲突 ${result.conflicts.length}`);
  for (const conflict of result.conflicts) print(`${conflict.errorCode} ${conflict.property ?? ''} ${conflict.object} [${conflict.indexes.join(',')}] ${conflict.value}｜${conflict.message}`);
  return result.status === 'SUCCESS' ? 0 : 1;
}
