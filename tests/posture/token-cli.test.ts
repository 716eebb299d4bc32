import { execFileSync } from 'node:child_process';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/auth/principal.js';

const token = (...args: string[]) =>
  execFileSync('npx', ['tsx', 'src/cli/token.ts', ...args], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } }).trim();

// `npm run token`: the development tokens every README example uses.
describe('npm run token', () => {
  it('prints its usage with every role on --help', () => {
    const help = token('--help');
    expect(help).toMatch(/^Usage: npm run token -- --role <ROLE>/);
    for (const role of ROLES) expect(help).toContain(role);
    expect(help).toContain('--checker');
  });

  it('signs a checker token, and a head-office token with the checker permission', () => {
    expect(decodeJwt(token('--role', 'CHECKER', '--branch', '2'))).toMatchObject({ role: 'CHECKER', branch_id: 2 });
    const ho = decodeJwt(token('--role', 'HEAD_OFFICE', '--checker'));
    expect(ho).toMatchObject({ role: 'HEAD_OFFICE', checker: true, sub: 'dev:head_office:checker' });
    expect(decodeJwt(token('--role', 'HEAD_OFFICE')).checker).toBeUndefined();
  });
});
