// @ts-check
/**
 * The bench's peer: PostGraphile 5 with the amber preset over finmart's own
 * PostgreSQL database (schema `public`), with the computed columns of
 * `peer-functions.sql` so that its answers equal finmart's exactly.
 * `DATABASE_URL=… PORT=… node server.mjs`; prints `listening <url>` when ready.
 * `GET /__statements` answers how many SQL statements it has sent so far (the
 * bench reads it around one request to count that request's statements).
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

let statements = 0;
const query = pg.Client.prototype.query;
// Counts every statement the adaptor sends (Grafast batches a request's reads into as few as it can).
pg.Client.prototype.query = function counted(...args) {
  if (typeof args[0] === 'string' || (args[0] && typeof args[0] === 'object' && 'text' in args[0])) statements++;
  return query.apply(this, /** @type {any} */ (args));
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PEER_POOL ?? 10) });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === '/__statements') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statements }));
    return;
  }
  handler(req, res);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const a = server.address();
  console.log(`listening http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/graphql`);
});
const stop = () =>
  server.close(() =>
    Promise.resolve(pgl.release())
      .then(() => pool.end())
      .then(() => process.exit(0)),
  );
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
