import { z } from 'zod';
import { statedFigure, unitPriceSizing, type OrderTerms } from '../../src/sdk/index.js';

/**
 * Fund orders: sized in units at the latest NAV (the SDK's unit-price sizing:
 * units = amount ÷ NAV, rounded down to 6 places). A client may send `sip`
 * (a regular investment plan contribution, 定投) and may state `units` as a
 * cross-check; units it states are reconciled, never booked.
 */
export const fundOrders: OrderTerms = {
  details: z.strictObject({
    sip: z.boolean().optional(),
    units: statedFigure.optional(),
  }),
  sizing: unitPriceSizing,
};
