import fs from 'node:fs';
import path from 'node:path';
import { isMethodName } from '../../shared/api/contract/index.js';
import type { StationLevel } from '../../shared/api/schemas/station.js';
import { CliError, readPassword, type CliSession } from './cliSession.js';

export type CommandArgs = Readonly<{
  positionals: readonly string[];
  flags: Readonly<Record<string, string | boolean | undefined>>;
}>;

type Print = (line: string) => void;

const stringFlag = (args: CommandArgs, name: string): string | undefined => {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
};

function requireFlag(args: CommandArgs, name: string): string {
  const value = stringFlag(args, name);
  if (!value) throw new CliError(`缺少参数 --${name}。`, 2);
  return value;
}

export async function initCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  const level = requireFlag(args, 'level');
  if (!['community', 'street', 'district'].includes(level)) {
    throw new CliError('--level 只能是 community（社区心理咨询室）、street（街道社会心理服务站）或 district（区级中心）。', 2);
  }
  const admin = requireFlag(args, 'admin-user');
  const result = await cli.call('setup.create', {
    station: { name: requireFlag(args, 'station-name'), level: level as StationLevel, regionCode: requireFlag(args, 'region-code') },
    admin: { username: admin, displayName: stringFlag(args, 'admin-name') ?? admin, password: readPassword(cli.options) },
  });
  print(`已创建加密站点。恢复密钥（只显示这一次，请打印或抄写后妥善保管）：${result.recoveryKey}`);
}

export async function demoCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  const size = stringFlag(args, 'size') ?? 'normal';
  if (size !== 'normal' && size !== 'large') throw new CliError('--size 只能是 normal（两年的小站点）或 large（十年的大站点）。', 2);
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} 秒`;
  const demo = await cli.core.seedDemo({ size, progress: (step, done, total) => print(`${step}：${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}（${seconds()}）`) });
  if (size === 'large') print(`用时 ${seconds()}`);
  print(`已生成演示站点（演示数据）：${demo.station}`);
  print(`账号 ${demo.accounts.join('、')}，密码均为 ${demo.password}；恢复密钥：${demo.recoveryKey}`);
}

/**
 * `--input FILE`, or `--input -` for standard input; no input means `{}`. Case data never travels as
 * an argument, where other users of the PC could read it in the process list (DESIGN.md §7).
 */
function readCallInput(args: CommandArgs): unknown {
  const [, extra] = args.positionals;
  if (extra !== undefined && extra !== '-') {
    throw new CliError('为避免个案数据出现在命令行中，JSON 参数须放在文件中用 --input 文件 提供，或用 --input - 从标准输入读取。', 2);
  }
  const source = stringFlag(args, 'input') ?? extra;
  if (source === undefined) return {};
  let json: string;
  try {
    json = fs.readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch {
    throw new CliError(source === '-' ? '无法读取标准输入。' : `无法读取输入文件：${source}`);
  }
  try {
    return JSON.parse(json);
  } catch {
    throw new CliError('输入内容不是有效的 JSON。', 2);
  }
}

export async function callCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  const [method] = args.positionals;
  if (!method) throw new CliError('用法：xinyi call 方法名 [--input 文件 | --input -]', 2);
  if (!isMethodName(method)) throw new CliError(`没有名为 ${method} 的方法。`, 2);
  const input = readCallInput(args);
  const publicMethods = ['app.status', 'setup.create', 'auth.unlock', 'auth.recover'];
  if (!publicMethods.includes(method)) await cli.login();
  print(JSON.stringify(await cli.call(method, input as never), null, 2));
}

export async function backupCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  const out = requireFlag(args, 'out');
  await cli.login();
  const backup = await cli.call('backup.create', { file: path.resolve(out) });
  print(`备份已完成并通过校验：${backup.file}（${backup.size} 字节，SHA-256 ${backup.sha256}）`);
}

/** The recovery key from `--recovery-key-file` (first line) or XINYI_RECOVERY_KEY, never from the command line. */
function readRecoveryKey(args: CommandArgs, env: NodeJS.ProcessEnv): string | undefined {
  const file = stringFlag(args, 'recovery-key-file');
  if (!file) return env.XINYI_RECOVERY_KEY || undefined;
  try {
    return (fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trim();
  } catch {
    throw new CliError(`无法读取恢复密钥文件：${file}`);
  }
}

export async function restoreCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  const [given] = args.positionals;
  if (!given) throw new CliError('用法：xinyi restore 备份文件', 2);
  const file = path.resolve(given);
  const recoveryKey = readRecoveryKey(args, cli.options.env);
  const credential = recoveryKey
    ? { recoveryKey }
    : { username: cli.options.user ?? '', password: readPassword(cli.options) };
  const status = await cli.call('app.status', {});
  const result =
    status.phase === 'error'
      ? await cli.call('recovery.restore', { file, credential })
      : (await cli.login(), await cli.call('backup.restore', { file, credential }));
  print(`已从 ${result.restoredFrom} 恢复；被替换的文件保存在 ${result.replacedKeptIn}`);
}

/** `xinyi verify [备份文件…]`: backups kept elsewhere (a USB stick) are compared as witnesses too. */
export async function verifyCommand(cli: CliSession, args: CommandArgs, print: Print): Promise<void> {
  await cli.login();
  const witnessFiles = args.positionals.map((file) => path.resolve(file));
  const result = await cli.call('system.verify', witnessFiles.length > 0 ? { witnessFiles } : {});
  print(`数据库完整性：${result.integrity.ok ? '正常' : `异常：${result.integrity.problems.join('；')}`}`);
  print(
    result.auditChain.ok
      ? `审计日志哈希链：正常（共 ${result.auditChain.checked} 条）`
      : `审计日志哈希链：断裂于第 ${result.auditChain.brokenAt} 条——${result.auditChain.reason}`,
  );
  print(`审计日志与外部锚点：${result.anchors.ok ? '一致' : '不一致'}`);
  for (const finding of result.anchors.findings) print(`  ${finding.ok ? '✓' : '✗'} ${finding.message}`);
  const clinical = result.clinicalFields;
  if (clinical.checked) print(`临床内容：${clinical.ok ? '全部可解密' : `${clinical.unreadable} 处无法解密`}`);
  for (const name of clinical.named) print(`  ✗ ${name}`);
  if (!result.ok) throw new CliError('校验未通过。');
}
