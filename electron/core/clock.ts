/** Injected time source, so tests can move time (idle lock, back-off) without waiting. */
export type Clock = Readonly<{ now(): Date }>;

export const systemClock: Clock = { now: () => new Date() };
