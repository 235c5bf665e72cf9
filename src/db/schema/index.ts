export * from './auth.ts';
export * from './cadence.ts';
export * from './delivery.ts';
export * from './insights.ts';
export * from './org.ts';
export * from './releases.ts';
export * from './roadmap.ts';
export * from './updates.ts';
