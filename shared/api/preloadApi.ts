import type { Result } from './errors.js';
import type { MethodNameFromList } from './methodNames.js';

/** What the preload exposes as `window.api`: one function per method, plus the event channel. */
export type PreloadApi = Readonly<
  Record<MethodNameFromList, (input: unknown, sessionToken: string | null) => Promise<Result<unknown>>> & {
    onEvent(listener: (name: string, payload: unknown) => void): () => void;
  }
>;
