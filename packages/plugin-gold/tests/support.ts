import { pluginTestSupport } from '@finmart/sdk/testing';
import plugin from '../src/index.js';

/** The gold line's test support: one customer in 12 foreign (physical bars need an identity check the rules ask for). */
export const { database, seedContext, requestContext, productRecord } = pluginTestSupport(plugin, { customers: { foreignEvery: 12 }, seedCustomers: 1000 });
