/** The core tables. Plugin tables live with their plugins. */
export * from './organisation.js';
export * from './customers.js';
export * from './catalog.js';
export * from './relationship.js';
export * from './bundles.js';
export * from './orders.js';
export * from './day-close.js';
export * from './leads.js';
export * from './controls.js';
export * from './external.js';
export * from './impact.js';
export * from './branch-floor.js';
export * from './points.js';
export * from './approvals.js';
export * from './satisfaction.js';
