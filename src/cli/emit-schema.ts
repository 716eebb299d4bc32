import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROOT_DIR } from '../app/version.js';
import { printFinmartSchema } from '../app/print-schema.js';
import { installedPlugins } from '../../plugins/index.js';

/** `npm run schema`: writes schema.graphql for every installed plugin. */
const path = fileURLToPath(new URL('schema.graphql', ROOT_DIR));
writeFileSync(path, printFinmartSchema(installedPlugins));
console.log(`wrote ${path}`);
