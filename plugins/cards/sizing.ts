import { z } from 'zod';
import { statedFigure, type PluginManifest, type SizedOrder } from '../../src/sdk/index.js';
import { cancelCard, issueCard } from './card-numbers.js';

/**
 * Card orders: an application yields one card. For a debit account the amount
 * paid is its opening deposit — the `initialDeposit` figure the Class III
 * balance cap checks and the balance the position is valued at; a client may
 * state it only as a cross-check. A credit card is a line of credit, not an
 * asset. `supplementary` marks a supplementary card on a parent's account
 * (`primaryHolderCustomerId` is kept as evidence).
 */
export const cardOrders: NonNullable<PluginManifest['orders']> = {
  // A card order issues its card (number recorded for identification at the counter).
  onAccepted: issueCard,
  onCancelled: cancelCard,
  details: z.strictObject({
    supplementary: z.boolean().optional(),
    primaryHolderCustomerId: z.union([z.string().trim().min(1).max(64), z.number().int().positive()]).optional(),
    initialDeposit: statedFigure.optional(),
  }),
  sizing: {
    figures: ['initialDeposit'],
    size({ side, amount, quantity, product, details }): SizedOrder {
      if (side === 'SELL') return { quantity, amount, figures: {} };
      const debit = product.details.cardKind === 'DEBIT';
      const paid = amount ?? (debit && typeof details.initialDeposit === 'string' ? details.initialDeposit : null);
      if (paid === null) return { quantity: null, amount: null, figures: {} };
      return { quantity: '1', amount: paid, figures: debit ? { initialDeposit: paid } : {} };
    },
  },
};
