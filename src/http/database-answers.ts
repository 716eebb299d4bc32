import type { Database } from '../db/client.js';

/** How long a readiness probe waits for the database before it calls the node not ready. */
export const READINESS_PING_MS = 2000;

/**
 * Whether the database answers a ping within {@link READINESS_PING_MS}: what `/readyz` of an API node and of a
 * job node both ask. A ping still pending past the limit is left to finish on its own (its timer does not keep
 * the process alive).
 */
export async function databaseAnswers(database: Pick<Database, 'ping'>): Promise<boolean> {
  try {
    await Promise.race([database.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), READINESS_PING_MS).unref())]);
    return true;
  } catch {
    return false;
  }
}
