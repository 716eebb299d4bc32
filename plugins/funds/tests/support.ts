import { pluginTestSupport } from '../../../src/sdk/testing.js';
import plugin from '../index.js';

/** The funds line's test support: customers with at least 60 days at the bank (the NAV history runs 120 trading days back). */
export const { database, seedContext, requestContext } = pluginTestSupport(plugin, { customers: { minTenureDays: 60 }, seedCustomers: 600 });
