import { pluginTestSupport } from '../../../src/sdk/testing.js';
import plugin from '../index.js';

/** The forex line's test support: one customer in 12 foreign (the foreign-national rule has someone to judge). */
export const { database, seedContext, requestContext, productRecord } = pluginTestSupport(plugin, { customers: { foreignEvery: 12 }, seedCustomers: 1000 });
