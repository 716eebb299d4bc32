import { AsyncLocalStorage } from 'node:async_hooks';
import type { Lang } from '../i18n/localized.js';

/** What the whole of one HTTP request can see (error formatting reads the language). */
export interface RequestScope {
  requestId: string;
  lang: Lang;
}

const storage = new AsyncLocalStorage<RequestScope>();

export const runInRequestScope = <T>(scope: RequestScope, fn: () => T): T => storage.run(scope, fn);
export const currentRequestScope = (): RequestScope | undefined => storage.getStore();
