import { z } from 'zod';
import { text } from '../i18n/localized.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { unitPriceSizing, type OrderSizing } from '../sdk/order-sizing.js';
import type { RemoteLineConfig } from './config.js';

/**
 * The order details a remote line's sale may carry: the host cannot know the partner's schema, so it takes a
 * small flat object of plain values (at most 20 keys, strings of at most 200 characters) and passes it to the
 * partner as `sale.details`, where the line's own schema judges it (a detail it refuses is its BLOCK reason).
 */
const remoteDetails = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'a detail name is letters and digits'),
    z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
  )
  .refine((d) => Object.keys(d).length <= 20, { message: 'at most 20 details' });

/**
 * The host's sizing of a remote line's sale: units at the unit price, or the amount itself for an unpriced
 * product (a policy) — the host's default — with no figure of its own merged into the details the partner sees.
 */
const remoteSizing: OrderSizing = {
  figures: [],
  size(request) {
    const sized = unitPriceSizing.size({ ...request, details: {} });
    return { quantity: sized.quantity, amount: sized.amount, figures: {} };
  },
};

/**
 * The manifest the host builds for a remote line, so that everything keyed by line — the catalogue, holdings,
 * orders, `productLines`, coverage — treats it as a loaded line. It has no tables, migrations, seed, settings or
 * rules of its own: its rules run at the partner (`core.remote-line`), its own fields live in the partner's
 * subgraph. Never validated as a plugin nor recorded in `installed_plugins`.
 */
export function remoteLineManifest(config: RemoteLineConfig, productType: Function): PluginManifest {
  return {
    code: config.code,
    line: config.line,
    name: text(`${config.code}（合作方远程产品线）`, `${config.code} (a partner's remote line)`),
    version: '0.0.0-remote',
    hostRange: '*',
    ...(config.sellerQualification ? { sellerQualification: config.sellerQualification } : {}),
    graphql: { productType },
    orders: { details: remoteDetails, sizing: remoteSizing },
  };
}
