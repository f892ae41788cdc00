import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { apiError, type Result } from '../../shared/api/errors.js';
import { ipcChannels } from '../../shared/api/methodNames.js';
import type { PrintOrientation, PrintOutcome } from '../../shared/api/preloadApi.js';
import { isTrustedSender } from './security.js';

/**
 * Printing the page's print view (renderer/src/shared/print): the page renders the document into its
 * print root, then asks here. Main only asks the user where it goes (printer or PDF) and hands
 * Chromium's output to the printer or to a file; it never sees case data as data.
 */
export type PrintChoice = 'print' | 'pdf' | 'cancel';

/** What main needs from Electron and the disk, passed in so the steps can be tested without Electron. */
export type PrintDeps = Readonly<{
  /** Asks: 打印 / 存为 PDF / 取消. */
  choose(contents: WebContents, title: string): Promise<PrintChoice>;
  /** A save dialog for `<title>.pdf`; null when cancelled. */
  savePath(contents: WebContents, fileName: string): Promise<string | null>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}>;

const maxTitleLength = 60;

/** A title as a file name: no path separators or characters Windows refuses, never empty. */
export function pdfFileName(title: unknown): string {
  const text = typeof title === 'string' ? title : '';
  const safe = text.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, maxTitleLength);
  return `${safe || '心驿打印'}.pdf`;
}

/** What the page asked for; anything but 'landscape' prints upright (the request comes from the page, unchecked by a schema). */
export function orientationOf(request: unknown): PrintOrientation {
  return typeof request === 'object' && request !== null && (request as { orientation?: unknown }).orientation === 'landscape' ? 'landscape' : 'portrait';
}

/** The system print dialog, as a promise; a cancelled dialog is not an error. */
function printWith(contents: WebContents, orientation: PrintOrientation): Promise<PrintOutcome> {
  return new Promise((resolve, reject) => {
    contents.print({ printBackground: true, landscape: orientation === 'landscape' }, (success, reason) => {
      if (success) resolve('printed');
      else if (reason === 'cancelled') resolve('cancelled');
      else reject(new Error(reason));
    });
  });
}

async function savePdf(contents: WebContents, title: unknown, orientation: PrintOrientation, deps: PrintDeps): Promise<PrintOutcome> {
  const file = await deps.savePath(contents, pdfFileName(title));
  if (!file) return 'cancelled';
  // The page's @page rule sets A4, its orientation and the margins (with the page numbers in them).
  const pdf = await contents.printToPDF({ pageSize: 'A4', landscape: orientation === 'landscape', printBackground: true, preferCSSPageSize: true });
  await deps.writeFile(file, pdf);
  return 'saved';
}

export async function printContents(contents: WebContents, title: unknown, orientation: PrintOrientation, deps: PrintDeps): Promise<Result<PrintOutcome>> {
  try {
    const choice = await deps.choose(contents, pdfFileName(title).slice(0, -'.pdf'.length));
    if (choice === 'cancel') return { ok: true, value: 'cancelled' };
    return { ok: true, value: choice === 'print' ? await printWith(contents, orientation) : await savePdf(contents, title, orientation, deps) };
  } catch {
    return { ok: false, error: apiError('FILE_ERROR', '打印或保存 PDF 未完成，请重试。') };
  }
}

/** The print channel: our own main frame only, the same rule as the contract channel (ipc.ts). */
export function bindPrint(ipcMain: Pick<IpcMain, 'handle'>, deps: PrintDeps): void {
  ipcMain.handle(ipcChannels.print, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<PrintOutcome>> => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
      return { ok: false, error: apiError('BAD_ORIGIN') };
    }
    const title = typeof request === 'object' && request !== null ? (request as { title?: unknown }).title : undefined;
    return printContents(event.sender, title, orientationOf(request), deps);
  });
}
