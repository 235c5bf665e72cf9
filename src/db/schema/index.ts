export * from './auth.ts';
export * from './org.ts';
