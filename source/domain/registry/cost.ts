/**
 * Storage cost estimates for the registry screens. One implementation, shared with the
 * lifecycle engine (see lifecycle/cost.ts for the GB and price sources). Billing counts unique
 * stored layers, not the sum of image sizes, so sums over-estimate: the UI says "estimate".
 */
export {BYTES_PER_GB, DEFAULT_PRICE_PER_GB_MONTH, monthlyStorageCost} from '../lifecycle/cost.js';
