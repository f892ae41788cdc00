/**
 * Role-matrix rows: who may call what, written out by hand, one file per feature beside this one and merged by
 * ../roleMatrix.test.ts. A feature's rows must name exactly its contract's methods (the compiler checks it;
 * the matrix test fails at run time on a method without a row), so no method ships without a decided rule.
 */
export type Caller = 'admin' | 'counsellor' | 'reception' | 'inspector' | 'kiosk' | 'none';
export type Row = Record<Caller, boolean>;
export type Rows<FeatureContract> = Record<keyof FeatureContract, Row>;
export const A = true;
export const D = false;
