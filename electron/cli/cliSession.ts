import fs from 'node:fs';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract/index.js';
import type { ApiError } from '../../shared/api/errors.js';
import type { Core } from '../core/createCore.js';

/** A CLI failure: one Chinese line on stderr, or the error object for `call`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly apiError?: ApiError,
  ) {
    super(message);
  }
}

export type CliOptions = Readonly<{
  dataDir: string;
  user: string | undefined;
  passwordFile: string | undefined;
  env: NodeJS.ProcessEnv;
}>;

/** The password comes from a file (first line) or XINYI_PASSWORD, never from the command line. */
export function readPassword(options: CliOptions): string {
  if (options.passwordFile) {
    try {
      return (fs.readFileSync(options.passwordFile, 'utf8').split(/\r?\n/)[0] ?? '').trim();
    } catch {
      throw new CliError(`无法读取密码文件：${options.passwordFile}`);
    }
  }
  const fromEnv = options.env.XINYI_PASSWORD;
  if (fromEnv) return fromEnv;
  throw new CliError('请用 --password-file 文件 或环境变量 XINYI_PASSWORD 提供密码。', 2);
}

export class CliSession {
  private sessionToken: string | null = null;

  constructor(
    readonly core: Core,
    readonly options: CliOptions,
  ) {}

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.core.call({ scope: 'staff', transport: 'cli', sessionToken: this.sessionToken }, method, input);
    if (!result.ok) throw new CliError(result.error.message, 1, result.error);
    return result.value as MethodOutput<M>;
  }

  /** Unlock as --user; staff methods then run with that user's role and appear in the audit trail. */
  async login(): Promise<void> {
    if (!this.options.user) throw new CliError('请用 --user 用户名 指定以哪个账号执行。', 2);
    const session = await this.call('auth.unlock', { username: this.options.user, password: readPassword(this.options) });
    if (session.user.mustChangePassword) {
      throw new CliError('该账号须先在界面中修改临时密码，然后才能使用命令行。');
    }
    this.sessionToken = session.sessionToken;
  }
}
