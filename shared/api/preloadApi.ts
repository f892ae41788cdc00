import type { Result } from './errors.js';
import type { MethodNameFromList } from './methodNames.js';

/** How the document lies on the A4 sheet: upright, or turned for a wide table (a 台账). */
export type PrintOrientation = 'portrait' | 'landscape';
/** What the page asks main to do with the print view it shows: the title names the saved PDF. */
export type PrintRequest = Readonly<{ title: string; orientation: PrintOrientation }>;
/** What became of it: sent to a printer, saved as a PDF, or the user cancelled the dialog. */
export type PrintOutcome = 'printed' | 'saved' | 'cancelled';

/** What the preload exposes as `window.api`: one function per method, the event channel, and printing. */
export type PreloadApi = Readonly<
  Record<MethodNameFromList, (input: unknown, sessionToken: string | null) => Promise<Result<unknown>>> & {
    onEvent(listener: (name: string, payload: unknown) => void): () => void;
    /** Electron only: print or save as PDF what the page shows in print media (contract-free, no core). */
    print?(request: PrintRequest): Promise<Result<PrintOutcome>>;
  }
>;
