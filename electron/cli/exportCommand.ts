import fs from 'node:fs';
import path from 'node:path';
import type { ExportFile } from '../../shared/api/schemas/exports.js';
import { parsePeriod, periodFormatHint } from '../../shared/domain/periods.js';
import { writeFileAtomic } from '../core/fs/atomicWrite.js';
import { CliError, type CliSession } from './cliSession.js';
import type { CommandArgs } from './commands.js';

type Range = Readonly<{ from: string; to: string }>;
type Flags = CommandArgs['flags'];

const text = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);

type ListExport = Readonly<{
  needsPeriod: boolean;
  /** What the file is: a workbook (rows counted) unless said otherwise; a ZIP counts the files in it. */
  format?: 'zip';
  run: (cli: CliSession, range: Range | null, flags: Flags) => Promise<ExportFile>;
}>;

/** Each list `xinyi export` writes, and the contract method that writes it (the ledgers add theirs here). */
const lists: Record<string, ListExport> = {
  clients: { needsPeriod: false, run: (cli, _range, flags) => cli.call('clients.export', { unmasked: flags.unmasked === true, ...(text(flags, 'tag') ? { tag: text(flags, 'tag') } : {}) }) },
  sessions: { needsPeriod: true, run: (cli, range) => cli.call('sessions.export', range!) },
  'follow-ups': { needsPeriod: true, run: (cli, range) => cli.call('followUps.export', range!) },
  results: { needsPeriod: true, run: (cli, range) => cli.call('results.export', range!) },
  screening: { needsPeriod: false, run: (cli, _range, flags) => cli.call('screenings.export', { id: idFlag(flags, 'screening', '请用 --screening 编号 指定要导出的普查。') }) },
  audit: { needsPeriod: true, run: (cli, range) => cli.call('audit.export', range!) },
  activities: { needsPeriod: true, run: (cli, range) => cli.call('activities.export', range!) },
  calls: { needsPeriod: true, run: (cli, range) => cli.call('calls.export', range!) },
  groups: { needsPeriod: true, run: (cli, range) => cli.call('groups.export', range!) },
  people: { needsPeriod: true, run: (cli, range) => cli.call('people.export', range!) },
  meetings: { needsPeriod: true, run: (cli, range) => cli.call('meetings.export', range!) },
  rules: { needsPeriod: false, run: (cli) => cli.call('rules.export', {}) },
  duty: { needsPeriod: true, run: (cli, range) => cli.call('duty.export', range!) },
  visits: { needsPeriod: true, run: (cli, range) => cli.call('visits.export', range!) },
  surveys: { needsPeriod: true, run: (cli, range) => cli.call('surveys.export', range!) },
  // The 迎检包 of one inspection: its own period, so no --period.
  'inspection-package': { needsPeriod: false, format: 'zip', run: (cli, _range, flags) => cli.call('inspections.package', { inspectionId: idFlag(flags, 'inspection', '请用 --inspection 编号 指定要打包的检查。') }) },
};

function idFlag(flags: Flags, name: string, missing: string): number {
  const id = Number(text(flags, name));
  if (!Number.isInteger(id) || id <= 0) throw new CliError(missing, 2);
  return id;
}

/** --period 2026-11 (or 2026, 2026-Q4, 2026-H2), or --from and --to days; checked before anything is read. */
function rangeOf(flags: Flags): Range {
  const period = text(flags, 'period');
  const from = text(flags, 'from');
  const to = text(flags, 'to');
  if (period !== undefined) {
    if (from !== undefined || to !== undefined) throw new CliError('请只用 --period，或只用 --from 和 --to。', 2);
    const parsed = parsePeriod(period);
    if (!parsed) throw new CliError(`无法识别统计期“${period}”：${periodFormatHint}`, 2);
    return { from: parsed.from, to: parsed.to };
  }
  if (from === undefined || to === undefined) throw new CliError('请用 --period 指定统计期（如 2026-11），或用 --from 和 --to 指定起止日期。', 2);
  return { from, to };
}

/**
 * `xinyi export <list> --period 2026-11 --format xlsx --out FILE` (`xinyi export inspection-package --inspection 3
 * --out 迎检包.zip`): written to a temporary name, synced, renamed.
 */
export async function exportCommand(cli: CliSession, args: CommandArgs, print: (line: string) => void): Promise<void> {
  const [name] = args.positionals;
  const list = name === undefined ? undefined : lists[name];
  if (!list) throw new CliError(`用法：xinyi export ${Object.keys(lists).join('|')} [--period 2026-11] --out 文件.xlsx`, 2);
  const expected = list.format ?? 'xlsx';
  const format = text(args.flags, 'format') ?? expected;
  if (format !== expected) throw new CliError(`不支持的格式“${format}”：目前只能导出 ${expected}。`, 2);
  const out = text(args.flags, 'out');
  if (!out) throw new CliError('缺少参数 --out。', 2);
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new CliError(`文件已存在，不会覆盖：${target}`);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`文件夹不存在：${path.dirname(target)}`);
  const range = list.needsPeriod ? rangeOf(args.flags) : null;
  await cli.login();
  const file = await list.run(cli, range, args.flags);
  writeFileAtomic(target, Buffer.from(file.dataBase64, 'base64'));
  print(`已导出 ${file.rows} ${list.format === 'zip' ? '个文件' : '行'}：${target}`);
}
