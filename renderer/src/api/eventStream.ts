import type { AppEvent } from '../../../shared/api/events.js';

/**
 * Server-Sent Events read with fetch, because EventSource cannot send the token headers.
 * Reconnects after a dropped connection until closed.
 */
export function openEventStream(url: string, headers: Record<string, string>, emit: (event: AppEvent) => void): () => void {
  const controller = new AbortController();
  const connect = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(url, { headers, signal: controller.signal });
        if (!response.ok || !response.body) return;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let boundary = buffer.indexOf('\n\n');
          while (boundary >= 0) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (name && data) emit({ name, payload: JSON.parse(data) } as AppEvent);
            boundary = buffer.indexOf('\n\n');
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void connect();
  return () => controller.abort();
}
