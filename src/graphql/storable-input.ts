import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type ArgumentNode, type DirectiveNode, type DocumentNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { text } from '../i18n/localized.js';
import { FinmartError } from './errors.js';

/** Deepest nesting accepted in an input value (JSON details included); real inputs use 3 or 4 levels. */
export const MAX_INPUT_DEPTH = 32;

/** Where an input value cannot be stored, and why. */
export interface UnstorableInput {
  /** `input.occupation`, `details."key"`, `createCustomer.input.name` (literal arguments). */
  path: string;
  reason: 'NUL' | 'DEPTH';
}

const NUL = '\u0000';
const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k).replaceAll('\\u0000', '\\0'));

/** A variable's value as the client sent it (JSON). */
function scanJson(v: unknown, path: string, depth: number): UnstorableInput | null {
  if (typeof v === 'string') return v.includes(NUL) ? { path, reason: 'NUL' } : null;
  if (v === null || typeof v !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH) return { path, reason: 'DEPTH' };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = scanJson(v[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, child] of Object.entries(v)) {
    if (k.includes(NUL)) return { path: `${path}.${key(k)}`, reason: 'NUL' };
    const p = scanJson(child, `${path}.${key(k)}`, depth + 1);
    if (p) return p;
  }
  return null;
}

/** A literal in the document (the parser's token limit bounds its size). */
function scanLiteral(v: ValueNode, path: string, depth: number): UnstorableInput | null {
  if (v.kind === Kind.STRING) return v.value.includes(NUL) ? { path, reason: 'NUL' } : null;
  if (v.kind !== Kind.LIST && v.kind !== Kind.OBJECT) return null;
  if (depth >= MAX_INPUT_DEPTH) return { path, reason: 'DEPTH' };
  if (v.kind === Kind.LIST) {
    for (let i = 0; i < v.values.length; i++) {
      const p = scanLiteral(v.values[i], `${path}[${i}]`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const f of v.fields) {
    const p = scanLiteral(f.value, `${path}.${f.name.value}`, depth + 1);
    if (p) return p;
  }
  return null;
}

function scanArguments(args: readonly ArgumentNode[] | undefined, at: string): UnstorableInput | null {
  for (const a of args ?? []) {
    const p = scanLiteral(a.value, `${at}.${a.name.value}`, 0);
    if (p) return p;
  }
  return null;
}

const scanDirectives = (ds: readonly DirectiveNode[] | undefined): UnstorableInput | null => {
  for (const d of ds ?? []) {
    const p = scanArguments(d.arguments, `@${d.name.value}`);
    if (p) return p;
  }
  return null;
};

function scanSelections(set: SelectionSetNode | undefined): UnstorableInput | null {
  for (const s of set?.selections ?? []) {
    const p =
      scanDirectives(s.directives) ??
      (s.kind === Kind.FIELD
        ? (scanArguments(s.arguments, s.name.value) ?? scanSelections(s.selectionSet))
        : s.kind === Kind.INLINE_FRAGMENT
          ? scanSelections(s.selectionSet)
          : null);
    if (p) return p;
  }
  return null;
}

/**
 * The first input PostgreSQL cannot store: a NUL character (text and jsonb
 * refuse U+0000) in any string — variables, JSON keys and values, literal
 * arguments, variable defaults — or a value nested deeper than
 * {@link MAX_INPUT_DEPTH}. `null` when everything can be stored.
 */
export function findUnstorableInput(document: DocumentNode, variables: Record<string, unknown> | undefined): UnstorableInput | null {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const p = scanJson(value, name, 0);
    if (p) return p;
  }
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      for (const v of def.variableDefinitions ?? []) {
        const p = v.defaultValue ? scanLiteral(v.defaultValue, v.variable.name.value, 0) : null;
        if (p) return p;
      }
    }
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) {
      const p = scanDirectives(def.directives) ?? scanSelections(def.selectionSet);
      if (p) return p;
    }
  }
  return null;
}

/**
 * Refuses, before any resolver runs (so before any statement), an operation
 * whose input the database could not store: BAD_USER_INPUT naming the field,
 * where the database would otherwise fail the statement (an internal error
 * whose driver message quotes the statement's values). Covers every field of
 * every operation, plugins' included; scalars cover their own ranges (see
 * scalars.ts) and global ids theirs (global-id.ts).
 */
export function storableInputPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const bad = findUnstorableInput(document, request.variables);
          if (!bad) return;
          throw new FinmartError(
            'BAD_USER_INPUT',
            bad.reason === 'NUL'
              ? text(`${bad.path} 含有空字符（U+0000），无法保存`, `${bad.path} contains a NUL character (U+0000), which cannot be stored`)
              : text(`${bad.path} 嵌套超过 ${MAX_INPUT_DEPTH} 层`, `${bad.path} is nested deeper than ${MAX_INPUT_DEPTH} levels`),
            { field: bad.path, http: { status: 400 } },
          );
        },
      };
    },
  };
}
