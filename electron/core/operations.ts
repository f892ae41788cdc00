import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError } from './errors.js';
import type { EventBus } from './events.js';

export type OperationKind = 'backup' | 'restore' | 'keyRotation';

/** A running long operation: reports progress, yields between steps, stops when cancelled. */
export type Operation = Readonly<{
  id: string;
  step(percent: number, stage: string): Promise<void>;
  /** Past the point of no return: report completion; a late cancel no longer applies. */
  done(): void;
}>;

/**
 * One long operation at a time (they all hold the single connection). Cancellation is checked at
 * each step, so an operation stops between steps and cleans up its temporary files.
 */
export class Operations {
  private current: { id: string; cancelled: boolean } | null = null;

  constructor(private readonly events: EventBus) {}

  async run<T>(kind: OperationKind, requestedId: string | undefined, work: (operation: Operation) => Promise<T>): Promise<T> {
    if (this.current) throw new AppError('OPERATION_BUSY');
    const state = { id: requestedId ?? randomBytes(8).toString('hex'), cancelled: false };
    this.current = state;
    const operation: Operation = {
      id: state.id,
      step: async (percent, stage) => {
        if (state.cancelled) throw new AppError('OPERATION_CANCELLED');
        this.events.emit({ name: 'operation.progress', payload: { operationId: state.id, kind, percent, stage } });
        await yieldToEventLoop();
        if (state.cancelled) throw new AppError('OPERATION_CANCELLED');
      },
      done: () => this.events.emit({ name: 'operation.progress', payload: { operationId: state.id, kind, percent: 100, stage: 'done' } }),
    };
    try {
      return await work(operation);
    } finally {
      this.current = null;
    }
  }

  cancel(id: string): void {
    if (this.current?.id !== id) throw new AppError('NOT_FOUND', '没有正在进行的该项操作。');
    this.current.cancelled = true;
  }
}
