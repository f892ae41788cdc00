/**
 * Stable error codes that cross every transport, each with its default Chinese message.
 * The renderer may translate by code; core always sends the Chinese text.
 */
export const errorMessages = {
  INVALID_INPUT: '输入内容有误，请检查后重试。',
  UNKNOWN_METHOD: '请求的功能不存在。',
  UNAUTHENTICATED: '请先登录。',
  FORBIDDEN: '您的账号无权执行此操作。',
  BAD_TOKEN: '访问令牌无效，请从启动窗口显示的地址重新打开。',
  BAD_ORIGIN: '请求来源不受信任，已拒绝。',
  PAYLOAD_TOO_LARGE: '请求内容超过 1 MiB 上限，已拒绝。',
  LOCKED: '工作台已锁定，请重新登录。',
  PASSWORD_CHANGE_REQUIRED: '首次登录须先修改密码。',
  NOT_SET_UP: '本机尚未完成初始设置。',
  ALREADY_SET_UP: '本站已完成初始设置，不能重复创建。',
  WRONG_CREDENTIALS: '用户名或密码错误。',
  WRONG_RECOVERY_KEY: '恢复密钥不正确。',
  TOO_MANY_ATTEMPTS: '失败次数过多，请稍后再试。',
  ACCOUNT_DISABLED: '该账号已停用，请联系站长。',
  ACCOUNT_EXPIRED: '该检查账号已过有效期，请联系站长。',
  USERNAME_TAKEN: '该用户名已被使用。',
  NOT_FOUND: '找不到该记录。',
  DB_CORRUPT: '数据库文件已损坏或无法读取。请从备份恢复。',
  DB_FROM_FUTURE: '该数据库由更新版本的心驿创建，请升级软件后再打开。',
  KEYRING_INVALID: '密钥环文件缺失、损坏或与数据库不匹配。请从备份恢复。',
  DISK_FULL: '磁盘空间不足，本次操作未保存任何内容。',
  BACKUP_INVALID: '备份文件无效或已损坏，未做任何更改。',
  BACKUP_KEY_MISMATCH: '该备份不是用本站当前密钥加密的，请输入恢复密钥或备份时的站长密码。',
  OPERATION_CANCELLED: '操作已取消，未留下不完整的文件。',
  OPERATION_BUSY: '另一项长时间操作正在进行，请稍候。',
  FILE_ERROR: '无法读写指定的文件或文件夹。',
  DUPLICATE_CLIENT: '已有相同的来访者档案，请勿重复登记。',
  GUARDIAN_CONSENT_REQUIRED: '未满 14 周岁的来访者须先登记监护人同意书，才能建立个案。',
  SIGNED_RECORD_FINAL: '记录已签名锁定，不能修改；如需补充，请添加补充说明。',
  APPOINTMENT_CONFLICT: '与已有预约时间冲突。',
  NEEDS_REASON: '该时间不在开放时间或咨询师可预约时间内，请填写原因。',
  HOLIDAY_CONFIRMATION: '该日为法定节假日或闭站日，请确认后再预约。',
  PAST_CONFIRMATION: '预约时间已经过去，请确认是补登已发生的预约。',
  DATA_DIR_IN_USE: '另一个心驿程序正在使用此数据文件夹。',
  KEYRING_UNWRITABLE: '无法写入密钥环文件 keyring.json（文件夹只读或被其他程序锁定），本次操作未保存。',
  KEY_ROTATION_FAILED: '更换密钥未完成，站点已恢复到更换前的状态。',
  CLINICAL_KEY_UNAVAILABLE: '当前没有站长或咨询师登录，临床内容的密钥不可用。',
  CLINICAL_FIELD_DAMAGED: '有一条临床记录无法解密，可能已被改动或损坏。请运行“校验”，必要时从备份恢复。',
  INTERNAL: '发生内部错误，本次操作未保存。',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export type ApiError = Readonly<{
  code: ErrorCode;
  message: string;
  details?: unknown;
}>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function apiError(code: ErrorCode, message?: string, details?: unknown): ApiError {
  return details === undefined
    ? { code, message: message ?? errorMessages[code] }
    : { code, message: message ?? errorMessages[code], details };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorMessages, value);
}
