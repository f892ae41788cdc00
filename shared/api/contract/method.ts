import type { z } from 'zod';
import type { Access } from '../access.js';

/** One contract entry: who may call it, what it takes and what it answers (schemas live in `../schemas/`). */
export type MethodSpec = Readonly<{ access: Access; input: z.ZodType; output: z.ZodType }>;

export const method = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) => ({
  access,
  input,
  output,
});
