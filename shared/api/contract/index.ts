/**
 * The one API contract: method name → access rule, zod input and zod output, merged from one file per feature.
 *
 * INSTRUCTIONS
 * Adding a method to a feature:
 * 1. Put its schemas in `../schemas/<feature>.ts` (never inline here) and add an entry with an explicit `access`
 *    to `<feature>.ts` in this folder. The name is written there and only there.
 * 2. Run `npm run gen:method-names` to regenerate `../methodNames.ts`, the preload's zod-free copy of the names
 *    (tests/unit/shared/contract.test.ts fails while it is stale).
 * 3. Implement it in the feature's handler table, `electron/core/services/<feature>/` (the compiler demands it).
 * 4. Add its row to the feature's role-matrix rows, `tests/integration/api/roles/<feature>.ts` (the compiler and
 *    tests/integration/api/roleMatrix.test.ts demand it).
 * Adding a feature: write `<feature>.ts` here exporting `<feature>Contract` and spread it into `contract` below
 * (one line); likewise one line each in `electron/core/handlers.ts` and `tests/integration/api/roleMatrix.test.ts`.
 */
import type { z } from 'zod';
import { appointmentsAuditActions, appointmentsContract } from './appointments.js';
import { caseFilesAuditActions, caseFilesContract } from './caseFiles.js';
import { checklistAuditActions, checklistContract } from './checklist.js';
import { districtAuditActions, districtContract } from './district.js';
import { foundationAuditActions, foundationContract } from './foundation.js';
import { kioskAuditActions, kioskContract } from './kiosk.js';
import { ledgersAuditActions, ledgersContract } from './ledgers.js';
import type { MethodSpec } from './method.js';
import { reportsAuditActions, reportsContract } from './reports.js';
import { scalesAuditActions, scalesContract } from './scales.js';

export type { MethodSpec } from './method.js';

export const contract = {
  ...foundationContract,
  ...caseFilesContract,
  ...scalesContract,
  ...kioskContract,
  ...appointmentsContract,
  ...ledgersContract,
  ...checklistContract,
  ...reportsContract,
  ...districtContract,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;

/** Every action an audit row may name, merged from the features (one line each, like the contract). */
export const auditActions = [
  ...foundationAuditActions,
  ...caseFilesAuditActions,
  ...scalesAuditActions,
  ...kioskAuditActions,
  ...appointmentsAuditActions,
  ...ledgersAuditActions,
  ...checklistAuditActions,
  ...reportsAuditActions,
  ...districtAuditActions,
] as const;
export type AuditAction = (typeof auditActions)[number];
export type MethodName = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
