import { readFileSync } from 'node:fs';

/** The host's version, from package.json: plugins declare the range they work with. */
export const HOST_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** The repository root (migrations and assets are found from here). */
export const ROOT_DIR = new URL('../../', import.meta.url);
