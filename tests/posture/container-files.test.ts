import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/config.js';

const root = join(import.meta.dirname, '..', '..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');

// No Docker engine runs here: the Dockerfile and compose.yaml are checked with what can run — the files they copy
// exist, the build makes what the image starts, the variables they set are ones finmart reads.
describe('Dockerfile', () => {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('copies only what exists, builds in one stage and runs the build in another, as a non-root user', () => {
    const copies = lines.filter((l) => l.startsWith('COPY ') && !l.includes('--from='));
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) {
      const parts = c
        .split(/\s+/)
        .slice(1)
        .filter((p) => !p.startsWith('--'));
      for (const src of parts.slice(0, -1)) expect(existsSync(join(root, src)), `COPY ${src}`).toBe(true);
    }
    const stages = lines.filter((l) => l.startsWith('FROM '));
    expect(stages).toHaveLength(2);
    const runtime = lines.slice(lines.lastIndexOf(stages[1]!));
    expect(runtime).toContain('USER node');
    expect(runtime.some((l) => l.startsWith('RUN npm'))).toBe(false);
    expect(lines.some((l) => l.startsWith('RUN npm run build'))).toBe(true);
  });

  it('starts what `npm run build` makes, on a Node the engines field allows, and checks /readyz', () => {
    const cmd = lines.find((l) => l.startsWith('CMD '))!;
    expect(cmd).toContain('dist/src/main.js');
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { outDir: string; rootDir: string } };
    expect([build.compilerOptions.outDir, build.compilerOptions.rootDir]).toEqual(['dist', '.']);
    expect(existsSync(join(root, 'src/main.ts'))).toBe(true);
    const node = /ARG NODE_VERSION=(\S+)/.exec(lines.join('\n'))![1]!;
    expect(semver.satisfies(node, (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node)).toBe(true);
    expect(lines.find((l) => l.startsWith('HEALTHCHECK'))).toContain('/readyz');
    expect(read('src/http/app.ts')).toContain("app.get('/readyz'");
    const ignored = read('.dockerignore').split('\n');
    for (const p of ['node_modules', 'dist', '.data', '.git']) expect(ignored).toContain(p);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<
      string,
      {
        build?: string;
        image?: string;
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
        healthcheck?: object;
        ports?: string[];
      }
    >;
  };

  it('runs finmart from this Dockerfile beside PostgreSQL and Redis, once they are healthy', () => {
    const { finmart, postgres, redis } = compose.services;
    expect(finmart?.build).toBe('.');
    expect(postgres?.image).toMatch(/^postgres:15/);
    expect(redis?.image).toMatch(/^redis:/);
    expect(postgres?.healthcheck && redis?.healthcheck).toBeTruthy();
    expect(finmart?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(finmart?.ports).toContain('4000:4000');
  });

  it('sets only variables finmart reads, production mode, and requires a token key', () => {
    const env = compose.services.finmart!.environment!;
    const known = Object.keys(configSchema.shape);
    for (const key of Object.keys(env)) expect(known, key).toContain(key);
    expect(env.NODE_ENV).toBe('production');
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
  });
});
