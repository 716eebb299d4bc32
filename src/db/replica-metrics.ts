import { Counter, Gauge, type Registry } from 'prom-client';
import type { ReplicaSet, RouteReason } from './replicas.js';

/**
 * The Prometheus metrics of a replica set, in the host's registry. The `node` label is the node's configured
 * name (`primary`, `replica-1` or the name given in DATABASE_REPLICA_URLS), never a URL. Lag and health are
 * read from the monitor's last poll at scrape time.
 */
export function registerReplicaMetrics(registry: Registry, set: ReplicaSet): void {
  const replicas = () => set.statuses().filter((s) => s.role === 'replica');
  new Gauge({
    name: 'finmart_db_replica_lag_seconds',
    help:
      'How stale a read replica may be (an upper bound: the smaller of now − its last replayed commit and the age of the newest primary WAL position it has replayed), ' +
      'at the last health check; absent while the replica does not answer',
    labelNames: ['node'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of replicas()) if (s.lagMs !== undefined) this.set({ node: s.name }, s.lagMs / 1000);
    },
  });
  new Gauge({
    name: 'finmart_db_replica_lag_bytes',
    help: 'WAL bytes between the primary position and a read replica replay position at the last health check; absent while the replica does not answer',
    labelNames: ['node'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of replicas()) if (s.lagBytes !== undefined) this.set({ node: s.name }, s.lagBytes);
    },
  });
  new Gauge({
    name: 'finmart_db_node_up',
    help: 'Whether the last health check of a database node (the primary, each read replica) answered: 1 or 0',
    labelNames: ['node', 'role'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of set.statuses()) this.set({ node: s.name, role: s.role }, s.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'finmart_db_replica_in_use',
    help: 'Whether reads go to a replica: 1, or 0 when it is skipped (down, not a standby, or further behind than REPLICA_MAX_LAG_MS)',
    labelNames: ['node'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const s of replicas()) this.set({ node: s.name }, s.usable ? 1 : 0);
    },
  });
  const statements = new Counter({
    name: 'finmart_db_statements_total',
    help: 'SQL statements run on each database node (x-sql-statements, summed over requests, plus work outside requests)',
    labelNames: ['node'] as const,
    registers: [registry],
  });
  const routed = new Counter({
    name: 'finmart_db_read_routing_total',
    help:
      'GraphQL operations by where their reads went: replica, or primary with the reason (mutation; not_replayed: the caller wrote recently ' +
      'or sent an LSN no usable replica has replayed; no_usable_replica)',
    labelNames: ['target', 'reason'] as const,
    registers: [registry],
  });
  const failovers = new Counter({
    name: 'finmart_db_replica_failovers_total',
    help: 'Reads that failed on a replica (unreachable, shutting down, recovery conflict) and ran again on the primary',
    labelNames: ['node'] as const,
    registers: [registry],
  });
  // Children resolved once: a statement's count is one increment, not a label look-up.
  const byNode = new Map(set.nodeNames.map((n) => [n, statements.labels({ node: n })]));
  for (const child of byNode.values()) child.inc(0);
  for (const n of set.nodeNames.slice(1)) failovers.inc({ node: n }, 0);
  set.observe({
    statement: (node) => byNode.get(node)?.inc(),
    routed: (target: 'primary' | 'replica', reason: RouteReason) => routed.inc({ target, reason }),
    failover: (node) => failovers.inc({ node }),
  });
}
