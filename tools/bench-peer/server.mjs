// @ts-check
/**
 * The bench's peer: PostGraphile 5 with the amber preset over finmart's own
 * PostgreSQL database (schema `public`), plus the computed columns of
 * `peer-functions.sql` so that its answers can equal finmart's exactly.
 * `DATABASE_URL=… PORT=… node server.mjs`; prints `listening <url>` when ready.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.PEER_POOL ?? 10) } })],
  grafserv: { port: Number(process.env.PORT ?? 0), graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { pgForbidSetofFunctionsToReturnNull: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const a = server.address();
  console.log(`listening http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/graphql`);
});
const stop = () => server.close(() => Promise.resolve(pgl.release()).then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
