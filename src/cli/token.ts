import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { ROLES, type Role } from '../auth/principal.js';
import { signDevelopmentToken } from '../auth/tokens.js';
import { numericIdOf } from '../graphql/relay/global-id.js';

/** `npm run token -- --role <ROLE> [--manager <id>] [--branch <id>] [--partner <code>] [--checker] [--subject <sub>] [--expires 12h]` */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      manager: { type: 'string' },
      branch: { type: 'string' },
      partner: { type: 'string' },
      subject: { type: 'string' },
      checker: { type: 'boolean', default: false },
      expires: { type: 'string', default: '12h' },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    process.exit(2);
  }
  const id = (v: string | undefined, type: string) => {
    if (!v) return undefined;
    const n = /^\d+$/.test(v) ? Number(v) : numericIdOf(v, type);
    if (!n) {
      console.error(`not a ${type} id: ${v}`);
      process.exit(2);
    }
    return n;
  };
  const config = loadConfig();
  if (!config.jwtSecret) {
    console.error('JWT_SECRET is not set (production verifies tokens with a public key: issue them from your identity provider)');
    process.exit(2);
  }
  const managerId = id(values.manager, 'CustomerManager');
  const branchId = id(values.branch, 'Branch');
  if (role === 'RELATIONSHIP_MANAGER' && !managerId) {
    console.error('RELATIONSHIP_MANAGER needs --manager <id>');
    process.exit(2);
  }
  if (role === 'BRANCH_MANAGER' && !branchId) {
    console.error('BRANCH_MANAGER needs --branch <id>');
    process.exit(2);
  }
  if (role === 'PARTNER' && !values.partner) {
    console.error('PARTNER needs --partner <code>');
    process.exit(2);
  }
  const token = await signDevelopmentToken(
    { role, managerId, branchId, partnerCode: values.partner, subject: values.subject, checker: values.checker },
    { secret: config.jwtSecret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, expiresIn: values.expires },
  );
  process.stdout.write(`${token}\n`);
}

void main();
