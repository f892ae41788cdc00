import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../../shared/api/methodNames.js';
import { bindPrint, pdfFileName, type PrintChoice, type PrintDeps } from '../../../electron/main/print.js';
import { appOrigin } from '../../../electron/main/security.js';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** A window's webContents as far as printing uses it, recording what was asked. */
function fakeContents(printResult: [boolean, string] = [true, '']) {
  const asked: string[] = [];
  return {
    asked,
    print: (options: { landscape: boolean }, done: (success: boolean, reason: string) => void) => {
      asked.push(options.landscape ? 'print:landscape' : 'print');
      done(...printResult);
    },
    printToPDF: async (options: { pageSize: string; landscape: boolean; preferCSSPageSize: boolean }) => {
      asked.push(`pdf:${options.pageSize}${options.landscape ? ':landscape' : ''}:${options.preferCSSPageSize}`);
      return new Uint8Array([37, 80, 68, 70]);
    },
  };
}

function bound(choice: PrintChoice, savePath: string | null = '/home/station/报告.pdf') {
  const handlers = new Map<string, Handler>();
  const written: Array<{ file: string; bytes: number }> = [];
  const titles: string[] = [];
  const deps: PrintDeps = {
    choose: async (_contents, title) => {
      titles.push(title);
      return choice;
    },
    savePath: async (_contents, fileName) => {
      titles.push(fileName);
      return savePath;
    },
    writeFile: async (file, data) => {
      written.push({ file, bytes: data.length });
    },
  };
  bindPrint({ handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never, deps);
  const contents = fakeContents();
  const send = (url: string, request: unknown, mainFrame = true) => {
    const frame = { url };
    return handlers.get(ipcChannels.print)!({ senderFrame: frame, sender: { ...contents, mainFrame: mainFrame ? frame : { url } } }, request);
  };
  return { send, contents, written, titles };
}

describe('printing from main', () => {
  it('refuses a foreign origin or a sub-frame before any dialog opens (the contract channel’s rule)', async () => {
    const { send, titles, contents } = bound('print');
    expect(await send('https://evil.example/', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    expect(await send(`${appOrigin}/`, { title: 'x' }, false)).toMatchObject({ ok: false, error: { code: 'BAD_ORIGIN' } });
    expect(titles).toEqual([]);
    expect(contents.asked).toEqual([]);
  });

  it('saves Chromium’s A4 PDF of the page where the user chose, named after the title', async () => {
    const { send, written, titles, contents } = bound('pdf');
    expect(await send(`${appOrigin}/cases/3`, { title: '心理咨询记录 张三 2026-03-02' })).toEqual({ ok: true, value: 'saved' });
    expect(titles).toEqual(['心理咨询记录 张三 2026-03-02', '心理咨询记录 张三 2026-03-02.pdf']);
    expect(contents.asked).toEqual(['pdf:A4:true']);
    expect(written).toEqual([{ file: '/home/station/报告.pdf', bytes: 4 }]);
  });

  it('sends the page to the system print dialog, and a cancelled dialog writes nothing', async () => {
    const printing = bound('print');
    expect(await printing.send(`${appOrigin}/`, { title: '预约单' })).toEqual({ ok: true, value: 'printed' });
    expect(printing.contents.asked).toEqual(['print']);

    const cancelled = bound('cancel');
    expect(await cancelled.send(`${appOrigin}/`, { title: '预约单' })).toEqual({ ok: true, value: 'cancelled' });
    const noFile = bound('pdf', null);
    expect(await noFile.send(`${appOrigin}/`, { title: '预约单' })).toEqual({ ok: true, value: 'cancelled' });
    expect([...cancelled.contents.asked, ...noFile.contents.asked, ...noFile.written]).toEqual([]);
  });

  it('turns the sheet for a landscape document (a wide 台账) in the print dialog and the PDF; anything else prints upright', async () => {
    const printing = bound('print');
    await printing.send(`${appOrigin}/activities`, { title: '2026年11月活动台账', orientation: 'landscape' });
    await printing.send(`${appOrigin}/activities`, { title: '预约单', orientation: 'portrait' });
    await printing.send(`${appOrigin}/activities`, { title: '预约单', orientation: 'sideways' });
    expect(printing.contents.asked).toEqual(['print:landscape', 'print', 'print']);
    const saving = bound('pdf');
    await saving.send(`${appOrigin}/activities`, { title: '2026年11月活动台账', orientation: 'landscape' });
    await saving.send(`${appOrigin}/activities`, { title: '2026年11月活动台账' });
    expect(saving.contents.asked).toEqual(['pdf:A4:landscape:true', 'pdf:A4:true']);
  });

  it('makes any title a safe file name', () => {
    expect(pdfFileName('转介单 ../../etc/passwd')).toBe('转介单 .. .. etc passwd.pdf');
    expect(pdfFileName('a<b>:c"d|e?f*g\u0000h')).toBe('a b c d e f g h.pdf');
    expect(pdfFileName(undefined)).toBe('心驿打印.pdf');
    expect(pdfFileName('长'.repeat(200))).toBe(`${'长'.repeat(60)}.pdf`);
  });
});
