// The SDK's test helpers' types, emitted from the host's src/sdk/testing.ts by `npm run build` (packages/sdk/types/).
export * from './types/src/sdk/testing.js';
