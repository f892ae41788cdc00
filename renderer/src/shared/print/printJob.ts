import { markRaw, nextTick, shallowRef, type Component } from 'vue';
import type { ComponentProps } from 'vue-component-type-helpers';
import type { PrintOrientation, PrintOutcome } from '../../../../shared/api/preloadApi.js';
import { ApiCallError } from '../../api/client.js';

/**
 * The one print layer: a document is a print view (a component rendered from data on PrintPage)
 * shown in the print root (PrintHost), never the live screen. In Electron main prints it or saves
 * it as a PDF; in the browser the browser's print dialog prints the same view.
 */
export type PrintJob = Readonly<{ view: Component; props: Record<string, unknown>; title: string; orientation: PrintOrientation }>;

/** How a document is printed beyond its view and data: A4 upright unless a wide table asks for landscape. */
export type PrintOptions = Readonly<{ orientation?: PrintOrientation }>;

/** The document in the print root; the print stylesheet shows only it on paper. */
export const currentPrintJob = shallowRef<PrintJob | null>(null);

function clear(job: PrintJob, title: string): void {
  if (currentPrintJob.value === job) currentPrintJob.value = null;
  document.title = title;
}

/**
 * Renders `view` with `props` into the print root and prints it. Views render synchronously from
 * their props (charts too), so one tick later the document is complete: no timers. The orientation
 * goes to the page rule (PrintHost) and, in Electron, to main's print dialog and PDF.
 */
export async function printDocument<C extends Component>(view: C, props: ComponentProps<C>, title: string, options: PrintOptions = {}): Promise<PrintOutcome> {
  const orientation = options.orientation ?? 'portrait';
  const job: PrintJob = { view: markRaw(view), props: props as Record<string, unknown>, title, orientation };
  currentPrintJob.value = job;
  await nextTick();
  const appTitle = document.title;
  // The browser names a saved PDF after the page title.
  document.title = title;
  const electronPrint = window.api?.print;
  if (electronPrint) {
    try {
      const result = await electronPrint({ title, orientation });
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    } finally {
      clear(job, appTitle);
    }
  }
  window.addEventListener('afterprint', () => clear(job, appTitle), { once: true });
  window.print();
  return 'printed';
}
