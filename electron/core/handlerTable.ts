// The handler type, in a leaf module (it imports types only): feature handler files and the merge in
// handlers.ts both import it, so no feature imports the module that imports every feature.
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api/contract/index.js';
import type { Session } from './auth/sessionStore.js';

/** The handler table: the compiler demands exactly one handler per contract method. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, session: Session | null) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

/** One feature's part of the table, named by its contract object (`shared/api/contract/<feature>.ts`). */
export type FeatureHandlers<FeatureContract> = Pick<Handlers, keyof FeatureContract & MethodName>;
