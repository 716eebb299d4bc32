import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROOT_DIR } from '../app/version.js';
import { bridgeModule, runtimeNames } from '../sdk/bridge/bridge-module.js';

/** `npm run sdk:bridge`: rewrites packages/sdk/index.js and testing.js from the host's SDK. */
const api = await import('../sdk/index.js');
const testing = await import('../sdk/testing.js');
for (const [file, names, from] of [
  ['index.js', runtimeNames(api), 'api'],
  ['testing.js', runtimeNames(testing), 'testing'],
] as const) {
  const path = fileURLToPath(new URL(`packages/sdk/${file}`, ROOT_DIR));
  writeFileSync(path, bridgeModule({ names, from }));
  console.log(`wrote ${path} (${names.length} names)`);
}
