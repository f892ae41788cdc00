import type { AppEvent } from '../../shared/api/events.js';

export type EventListener = (event: AppEvent) => void;

/** Core → screens. Transports subscribe and forward each event only to sessions whose role may see it. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
