import { ElMessage } from 'element-plus';
import type { Component } from 'vue';
import type { ComponentProps } from 'vue-component-type-helpers';
import { useStationStore } from '../stores/station.js';
import { printDocument, type PrintOptions } from './printJob.js';

/**
 * What a screen calls to print a document: the station header is loaded first (every document
 * carries it) unless the view is given its station (setup), and a printer or disk failure is told
 * in Chinese rather than thrown at the screen.
 */
export function usePrint(options: { stationHeader: 'store' | 'given' } = { stationHeader: 'store' }) {
  const station = useStationStore();
  return async function print<C extends Component>(view: C, props: ComponentProps<C>, title: string, printOptions: PrintOptions = {}): Promise<void> {
    try {
      if (options.stationHeader === 'store') await station.load();
      await printDocument(view, props, title, printOptions);
    } catch (error) {
      ElMessage.error(error instanceof Error ? error.message : String(error));
    }
  };
}
