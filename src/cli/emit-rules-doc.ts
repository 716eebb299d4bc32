import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installedPlugins } from '../../plugins/index.js';
import { ROOT_DIR } from '../app/version.js';
import { rulesDocument } from '../docs/rules-document.js';

/** `npm run docs:rules`: writes docs/suitability-rules.md from the rules of the host and every installed line. */
const path = fileURLToPath(new URL('docs/suitability-rules.md', ROOT_DIR));
writeFileSync(path, rulesDocument(installedPlugins));
console.log(`wrote ${path}`);
