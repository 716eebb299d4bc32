import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { currentStatementLog } from '../db/statement-counter.js';
import { text, type Lang } from '../i18n/localized.js';
import type { Logger } from '../logger.js';
import { documentHash, sha256Hex, type TrustedDocuments } from '../security/trusted-documents.js';

/** Trusted documents on the wire (the policy: src/security/trusted-documents.ts). */
export type TrustedDocumentsRefusal = 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_TRUSTED';

const refusalMessage: Record<TrustedDocumentsRefusal | 'MISMATCH' | 'AMBIGUOUS', ReturnType<typeof text>> = {
  PERSISTED_QUERY_NOT_FOUND: text('未知的文档标识：服务只执行已登记的操作', 'Unknown document id: this server runs only registered operations'),
  OPERATION_NOT_TRUSTED: text(
    '该操作未登记：服务只执行已登记的操作（请发送 documentId）',
    'This operation is not registered: this server runs only registered operations (send its documentId)',
  ),
  MISMATCH: text('查询文本与其文档标识不符', 'The query text does not match its document id'),
  AMBIGUOUS: text('请求中的参数重复或格式错误', 'A request parameter is repeated or malformed'),
};

interface Operation {
  query?: unknown;
  /** documentId, or else Apollo's persisted-query hash; `kind` says which (they differ in allow-unknown). */
  id?: { value: unknown; kind: 'documentId' | 'persistedQuery' };
  /** Puts the resolved text in place of the id, for Apollo to parse. */
  substitute(query: string): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function apqHash(extensions: unknown): unknown {
  return isRecord(extensions) && isRecord(extensions.persistedQuery) ? extensions.persistedQuery.sha256Hash : undefined;
}

/** What the request asks to run: GET from the URL, POST from the parsed JSON body. 'pass': nothing to run (Apollo answers); 'ambiguous': refused. */
function readOperation(req: Request): Operation | 'pass' | 'ambiguous' {
  if (req.method === 'GET') {
    const q = req.url.indexOf('?');
    const params = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    for (const name of ['query', 'documentId', 'extensions']) if (params.getAll(name).length > 1) return 'ambiguous';
    let extensions: unknown;
    const rawExtensions = params.get('extensions');
    if (rawExtensions !== null) {
      try {
        extensions = JSON.parse(rawExtensions);
      } catch {
        return 'ambiguous';
      }
    }
    const documentId = params.get('documentId');
    const persisted = apqHash(extensions);
    return {
      query: params.get('query') ?? undefined,
      id: documentId !== null ? { value: documentId, kind: 'documentId' } : persisted !== undefined ? { value: persisted, kind: 'persistedQuery' } : undefined,
      substitute(query) {
        params.set('query', query);
        params.delete('documentId');
        req.url = `${q < 0 ? req.url : req.url.slice(0, q)}?${params.toString()}`;
      },
    };
  }
  if (req.method === 'POST') {
    const body: unknown = req.body;
    // A batch is never vetted (batching is off; Apollo refuses it, and so do we, whatever it holds).
    if (Array.isArray(body)) return 'ambiguous';
    if (!isRecord(body)) return 'pass';
    const persisted = apqHash(body.extensions);
    return {
      query: body.query,
      id:
        body.documentId !== undefined
          ? { value: body.documentId, kind: 'documentId' }
          : persisted !== undefined
            ? { value: persisted, kind: 'persistedQuery' }
            : undefined,
      substitute(query) {
        const { documentId: _documentId, ...rest } = body;
        req.body = { ...rest, query };
      },
    };
  }
  return 'pass';
}

/**
 * The Express middleware (on /graphql, after the body is read and before Apollo): resolves ids to the
 * manifest's text and refuses what the manifest does not hold, before anything is parsed or run.
 */
export function trustedDocumentsMiddleware(trusted: TrustedDocuments, log: Logger): RequestHandler {
  const refuse = (res: Response, code: TrustedDocumentsRefusal, reason: keyof typeof refusalMessage, fields: Record<string, unknown>) => {
    const requestId = res.locals.requestId as string | undefined;
    log.warn({ requestId, code, reason, mode: trusted.mode, ...fields }, 'operation refused: not a trusted document');
    const statements = currentStatementLog();
    if (statements) res.setHeader('x-sql-statements', String(statements.count));
    res.status(400).json({ errors: [{ message: refusalMessage[reason][(res.locals.lang as Lang | undefined) ?? 'zh-CN'], extensions: { code, requestId } }] });
  };
  log.info({ mode: trusted.mode, documents: trusted.byHash.size, source: trusted.source }, 'trusted documents on');
  return (req: Request, res: Response, next: NextFunction) => {
    const op = readOperation(req);
    if (op === 'pass') return next();
    if (op === 'ambiguous') return refuse(res, 'OPERATION_NOT_TRUSTED', 'AMBIGUOUS', {});
    if (op.id) {
      const hex = typeof op.id.value === 'string' ? documentHash(op.id.value) : undefined;
      const stored = hex ? trusted.byHash.get(hex) : undefined;
      if (stored === undefined) {
        // Apollo's own persisted-query cache may know a hash the manifest does not: only enforcement refuses it.
        if (op.id.kind === 'persistedQuery' && trusted.mode === 'allow-unknown') return next();
        return refuse(res, 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_FOUND', { [op.id.kind]: hex ?? 'malformed' });
      }
      if (op.query !== undefined && op.query !== null && op.query !== '' && (typeof op.query !== 'string' || sha256Hex(op.query) !== hex)) {
        return refuse(res, 'OPERATION_NOT_TRUSTED', 'MISMATCH', { [op.id.kind]: hex });
      }
      op.substitute(stored);
      return next();
    }
    if (typeof op.query !== 'string') return next(); // no query at all (or not a string): Apollo refuses it, nothing runs
    const hex = sha256Hex(op.query);
    if (trusted.byHash.has(hex)) return next();
    if (trusted.mode === 'enforce') return refuse(res, 'OPERATION_NOT_TRUSTED', 'OPERATION_NOT_TRUSTED', { queryHash: hex });
    log.warn({ requestId: res.locals.requestId, queryHash: hex, mode: trusted.mode }, 'operation not in the trusted documents');
    next();
  };
}
