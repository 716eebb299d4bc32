import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The typed client of the example: graphql-codegen's client preset over the public schema
 * (`schema.graphql`, emitted by `npm run schema`) and the documents the screens in `src/` write with the
 * preset's `graphql()` function. Paths are absolute from this file, so the config works from any
 * working directory (`npm run example:client` runs it from the repository root).
 *
 * Output: `src/gql/` (generated, not committed), with `persisted-documents.json` — the manifest of
 * trusted documents (`"sha256:<hex>"` → document text) the server can be locked to (`TRUSTED_DOCUMENTS`).
 */
const here = dirname(fileURLToPath(import.meta.url));

/** The preset's output folder and its settings; tests re-target it (another folder, another schema). */
export function typedClientConfig(opts: { schema?: string; documents?: string; out?: string } = {}): CodegenConfig {
  const out = opts.out ?? join(here, 'src/gql');
  return {
    overwrite: true,
    schema: opts.schema ?? join(here, '../../schema.graphql'),
    documents: [opts.documents ?? join(here, 'src/**/*.ts'), `!${join(out, '**')}`],
    ignoreNoDocuments: false,
    generates: {
      [out.endsWith('/') ? out : `${out}/`]: {
        preset: 'client',
        presetConfig: {
          // No fragment masking: the screens read their fragments' fields directly.
          fragmentMasking: false,
          // The manifest the server checks: `sha256:<hex>` → document. sha256 said outright: it is the
          // default from client-preset 6 on, but 5 hashes with sha1, which the server refuses.
          persistedDocuments: { hashAlgorithm: 'sha256' },
        },
        config: {
          // Money and dates travel as strings (a Decimal is a decimal string, never a float); JSON as unknown.
          scalars: {
            Decimal: 'string',
            Date: 'string',
            DateTime: 'string',
            JSON: 'unknown',
            JSONObject: 'Record<string, unknown>',
          },
          strictScalars: true,
          // Enums as string-literal unions, no runtime enum objects: `enumsAsTypes` in client-preset 5,
          // `enumType: 'string-literal'` (the default) from 6 on; each version ignores the other's key.
          enumsAsTypes: true,
          enumType: 'string-literal',
          // Types for what the documents use only (the default from client-preset 6 on).
          onlyOperationTypes: true,
          useTypeImports: true,
          // The generated files import each other with `.js` (ESM, NodeNext-safe).
          importExtension: '.js',
        },
      },
    },
  };
}

export default typedClientConfig();
