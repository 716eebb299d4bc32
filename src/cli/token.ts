import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { ROLES, type Role } from '../auth/principal.js';
import { signDevelopmentToken } from '../auth/tokens.js';
import { numericIdOf } from '../graphql/relay/global-id.js';

/** `npm run token -- --role <ROLE> [--manager <id>] [--branch <id>] [--partner <code>] [--checker] [--subject <sub>] [--expires 12h]` */
const USAGE = `Usage: npm run token -- --role <ROLE> [options]

Signs a development token (HS256 with JWT_SECRET; production tokens come from your identity provider).

  --role <ROLE>        ${ROLES.join(' | ')}
  --manager <id>       RELATIONSHIP_MANAGER: the manager (number or CustomerManager global id)
  --branch <id>        BRANCH_MANAGER (required) or CHECKER (optional: a branch checker)
  --partner <code>     PARTNER: the plugin code
  --checker            the checker permission (maker-checker) for HEAD_OFFICE or BRANCH_MANAGER
  --subject <sub>      the token's subject (default dev:<role><id>)
  --expires <span>     lifetime, e.g. 12h (default), 30m
  -h, --help           this text

Example: curl -H "Authorization: Bearer $(npm run -s token -- --role HEAD_OFFICE)" …
`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      manager: { type: 'string' },
      branch: { type: 'string' },
      partner: { type: 'string' },
      subject: { type: 'string' },
      checker: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
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
