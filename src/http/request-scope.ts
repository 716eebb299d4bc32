import type { Lang } from '../i18n/localized.js';
import { asyncScope, type StatementLog } from '../observability/async-scope.js';

/** What the whole of one HTTP request can see (error formatting reads the language; the statement header the count). */
export interface RequestScope {
  requestId: string;
  lang: Lang;
  statements: StatementLog;
  /** The GraphQL operation's name and type, for the request log line (set by the operation-log plugin). */
  operation?: { name?: string; type?: string };
  /**
   * The caller's `Authorization` header, once verified: forwarded as is to the subgraphs of remote lines, which
   * verify it themselves (src/remote-lines). Never logged.
   */
  authorization?: string;
}

export const runInRequestScope = <T>(scope: RequestScope, fn: () => T): T => asyncScope.run(scope, fn);
export const currentRequestScope = (): RequestScope | undefined => {
  const s = asyncScope.getStore();
  return s?.requestId !== undefined ? (s as RequestScope) : undefined;
};
