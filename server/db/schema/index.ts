export * from './auth.ts';
export * from './app.ts';
export * from './security.ts';
export * from './results.ts';
