// The SDK's types, emitted from the host's src/sdk/index.ts by `npm run build` (packages/sdk/types/).
export * from './types/src/sdk/index.js';
