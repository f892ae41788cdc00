import os from 'node:os';
import { parseArgs } from 'node:util';
import { createCore } from '../core/createCore.js';
import { AppError } from '../core/errors.js';
import { resolveDataDir } from '../core/paths.js';
import { CliError, CliSession } from './cliSession.js';
import { scoreCommand } from './scoreCommand.js';
import { exportCommand } from './exportCommand.js';
import { aggregateCommand, dhis2CheckCommand, reportCommand } from './reportCommands.js';
import {
  backupCommand,
  callCommand,
  demoCommand,
  initCommand,
  restoreCommand,
  verifyCommand,
  type CommandArgs,
} from './commands.js';

const commands = {
  init: initCommand,
  demo: demoCommand,
  call: callCommand,
  backup: backupCommand,
  restore: restoreCommand,
  verify: verifyCommand,
  export: exportCommand,
  report: reportCommand,
} as const;

const usage = `用法：xinyi <命令> [选项]（选项可放在任意位置）
  init --station-name 名称 --level community|street|district --region-code 代码 --admin-user 用户名
  demo [--size large]       在空数据文件夹中生成演示站点（演示数据）；large 为十年的大站点（3 万名来访者，约 30 万次会谈），
                            显示进度
  call 方法名 --input 文件     以 --user 身份调用任一接口方法，输出 JSON（--input - 从标准输入读取 JSON）
  backup --out 文件          生成经校验的加密备份
  restore 文件               校验后从备份恢复（原文件保留在数据文件夹中；别站的备份用
                            --recovery-key-file 文件 或环境变量 XINYI_RECOVERY_KEY 提供恢复密钥）
  verify [备份文件…]         检查数据库完整性、审计日志哈希链，并与锚点文件和备份对照
  export 名单 --out 文件.xlsx  导出名单（clients、sessions、follow-ups、results、screening --screening 编号、audit）；
                            有期间的名单用 --period 2026-11（或 2026、2026-Q4、2026-H2）或 --from 日期 --to 日期；
                            来访者名单默认脱敏，站长可加 --unmasked；--format 目前只有 xlsx
  export inspection-package --inspection 编号 --out 文件.zip
                            迎检包：检查表 PDF、统计期台账、佐证与整改材料、清单及其 SHA-256
  score 量表编号 '[答案]'      按量表计分并输出 JSON（--batch 文件：逐行 {"id","scale","answers"}）
  report --period 2026-11 --format pdf|xlsx|package|dhis2 --out 文件
                            站长导出本站报表（package 与 dhis2 须先提交；--dhis2-format json|csv|adx；--shared 共享版）
  aggregate 文件… --out 文件夹 [--keys 登记公钥文件] [--timely-days 10]
                            不需站点：校验各站上报文件的签名（有 --keys 时核对登记的公钥），写出辖区汇总表和上报情况
  dhis2-check 数据文件.json --metadata 元数据.json
                            不需站点：按 DHIS2 的检查顺序离线预检 dataValueSets，列出冲突
通用选项：--data-dir 文件夹  --user 用户名  --password-file 文件（或环境变量 XINYI_PASSWORD）`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
      'station-name': { type: 'string' },
      level: { type: 'string' },
      'region-code': { type: 'string' },
      'admin-user': { type: 'string' },
      'admin-name': { type: 'string' },
      out: { type: 'string' },
      'recovery-key-file': { type: 'string' },
      input: { type: 'string' },
      batch: { type: 'string' },
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      screening: { type: 'string' },
      inspection: { type: 'string' },
      keys: { type: 'string' },
      metadata: { type: 'string' },
      'dhis2-format': { type: 'string' },
      'timely-days': { type: 'string' },
      shared: { type: 'boolean' },
      tag: { type: 'string' },
      unmasked: { type: 'boolean' },
      size: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [name, ...rest] = positionals;
  if (values.help || !name) {
    process.stdout.write(`${usage}\n`);
    return name || values.help ? 0 : 2;
  }
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const args: CommandArgs = { positionals: rest, flags: values };
  if (name === 'score') {
    scoreCommand(args, print);
    return 0;
  }
  // Work on files a district received: no station, no login.
  if (name === 'aggregate') return aggregateCommand(args, print);
  if (name === 'dhis2-check') return dhis2CheckCommand(args, print);
  if (!(name in commands)) throw new CliError(`未知命令：${name}。运行 xinyi --help 查看用法。`, 2);
  const core = createCore({ dataDir: resolveDataDir(values['data-dir'], process.env, os.homedir()), idleCheckMs: 0, backupCheckMs: 0, readAheadMs: 0 });
  const cli = new CliSession(core, {
    dataDir: values['data-dir'] ?? '',
    user: values.user,
    passwordFile: values['password-file'],
    env: process.env,
  });
  try {
    await commands[name as keyof typeof commands](cli, args, print);
    return 0;
  } finally {
    core.close();
  }
}

/**
 * Exit once stdout and stderr have drained. Writes to a pipe are asynchronous, and `process.exit`
 * right after them cut `call` output at 64 KiB and long `score --batch` output mid-way.
 */
function exitAfterOutput(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

function report(error: unknown): number {
  if (error instanceof CliError) {
    if (error.apiError) process.stdout.write(`${JSON.stringify({ ok: false, error: error.apiError })}\n`);
    process.stderr.write(`错误：${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    process.stderr.write(`错误：${error.message}\n`);
    return 1;
  }
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`错误：命令行参数有误（${(error as Error).message}）。运行 xinyi --help 查看用法。\n`);
    return 2;
  }
  process.stderr.write(`错误：发生内部错误（${error instanceof Error ? error.name : '未知'}），未做任何更改。\n`);
  return 1;
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => exitAfterOutput(report(error)));
