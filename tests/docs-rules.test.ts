import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedPlugins } from '../plugins/index.js';
import { rulesDocument } from '../src/docs/rules-document.js';

const root = join(import.meta.dirname, '..');

// The documents a reader relies on live in the repository and say what the code does.
describe('project documents', () => {
  it('docs/suitability-rules.md is what the engine runs (npm run docs:rules)', () => {
    expect(readFileSync(join(root, 'docs/suitability-rules.md'), 'utf8')).toBe(rulesDocument(installedPlugins));
  });

  it('documents every reason code a rule can give', () => {
    const doc = readFileSync(join(root, 'docs/suitability-rules.md'), 'utf8');
    for (const p of installedPlugins) for (const r of p.rules ?? []) for (const code of Object.keys(r.reasons)) expect(doc).toContain(`| \`${code}\` |`);
  });

  it('the README points into the repository, not to a brief outside it', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).not.toMatch(/\.\.\/shared\//);
  });
});
