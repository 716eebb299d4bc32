/**
 * What of an error may be written to a log: enough to find the fault (the
 * error's class, the database's SQLSTATE and the constraint, table and column
 * it names, and where in our code it was thrown), nothing of the data it was
 * about.
 *
 * Why so strict: a failing statement's error carries the data. drizzle's
 * DrizzleQueryError message is "Failed query: … params: …" with every bound
 * value (ID numbers, phones, names); the driver's error under `cause` has
 * `detail` ("Key (id_number)=(…) already exists"), `where`, `hint`, and a
 * message that may quote a value ('invalid input syntax for type integer:
 * "…"'); a rule that throws may have put facts in its message. So no message
 * text is kept unless its class is known to carry none (see
 * {@link LoggableError}), and the stack keeps only its frames (its first line
 * repeats the message).
 */
export interface ErrorSummary {
  /** The error's class, e.g. DrizzleQueryError, TypeError. */
  name: string;
  /** Classes of the `cause` chain, outermost first. */
  causes?: string[];
  /** SQLSTATE (e.g. 23505) or a system error code, from the first error of the chain that has one. */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The PostgreSQL routine that raised it (a C function name, e.g. ExecConstraints). */
  routine?: string;
  /** Only for classes whose message is known to carry no data. */
  message?: string;
  /** Stack frames (file, line, function) without the message line. */
  stack?: string[];
}

/**
 * An error whose message the host wrote for operators and that never embeds
 * data (e.g. "Plugin "forex" init timed out after 10000 ms"): its message is
 * logged. Everything else is logged by class and code only.
 */
export class LoggableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoggableError';
  }
}

/**
 * Engine errors describe code, not data ("Cannot read properties of undefined
 * (reading 'x')"). SyntaxError is left out: JSON.parse quotes its input.
 */
const MESSAGE_SAFE = new Set(['TypeError', 'ReferenceError']);
const MAX_CHAIN = 5;
const MAX_FRAMES = 12;
const CODE_RE = /^[0-9A-Z_]{2,40}$/;
/** Identifiers PostgreSQL names (constraint, table, column): never values, but keep them plain. */
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_$.]{0,127}$/;

type Loose = Record<string, unknown>;

const str = (v: unknown, re: RegExp): string | undefined => (typeof v === 'string' && re.test(v) ? v : undefined);

function nameOf(e: unknown): string {
  // DrizzleQueryError leaves `name` at "Error": its class says more.
  if (e instanceof Error) return (e.name !== 'Error' ? str(e.name, IDENT_RE) : undefined) ?? str(e.constructor?.name, IDENT_RE) ?? 'Error';
  return e === null ? 'null' : typeof e;
}

function framesOf(e: unknown): string[] | undefined {
  if (!(e instanceof Error) || typeof e.stack !== 'string') return undefined;
  const frames = e.stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_FRAMES)
    .map((l) => l.trim());
  return frames.length > 0 ? frames : undefined;
}

/**
 * Reduces any thrown value to what may be logged. Use it (or log the error
 * under `err`, which the logger passes through it) wherever an error is logged.
 */
export function errorSummary(e: unknown): ErrorSummary {
  const summary: ErrorSummary = { name: nameOf(e) };
  const chain: unknown[] = [];
  for (let cur: unknown = e; cur !== undefined && cur !== null && chain.length < MAX_CHAIN; cur = (cur as Loose).cause) {
    chain.push(cur);
    if (typeof cur !== 'object') break;
  }
  if (chain.length > 1) summary.causes = chain.slice(1).map(nameOf);
  // postgres.js names the fields constraint_name, table_name, column_name; PGlite constraint, table, column.
  const db = chain.find((c) => typeof c === 'object' && str((c as Loose).code, CODE_RE)) as Loose | undefined;
  if (db) {
    summary.code = str(db.code, CODE_RE);
    const constraint = str(db.constraint ?? db.constraint_name, IDENT_RE);
    const table = str(db.table ?? db.table_name, IDENT_RE);
    const column = str(db.column ?? db.column_name, IDENT_RE);
    const routine = str(db.routine, IDENT_RE);
    if (constraint) summary.constraint = constraint;
    if (table) summary.table = table;
    if (column) summary.column = column;
    if (routine) summary.routine = routine;
  }
  if (e instanceof LoggableError || (e instanceof Error && MESSAGE_SAFE.has(e.name) && !db)) summary.message = e.message.slice(0, 300);
  const stack = framesOf(e);
  if (stack) summary.stack = stack;
  return summary;
}
