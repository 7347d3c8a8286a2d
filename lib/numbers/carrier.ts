import type { Db, Tx } from '@/db';
import type { NumberType, Order } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';

/*
 * What Switchboard needs from a carrier (Telnyx, Bandwidth...): search its numbers, hold some
 * for a company while the admin decides, release them, and buy the held ones as one order.
 * lib/numbers/inventory.ts implements it on the local inventory table; a real carrier would
 * call its API and mirror the result in the same table, inside the same transaction.
 */

/** How long a selection stays held for the company. */
export const HOLD_MINUTES = 15;
/** Numbers one company may hold at once: a selection, not a stockpile. */
export const MAX_HELD = 20;
export const SEARCH_PAGE_SIZE = 20;

export type NumberSearch = {
  country: CountryCode;
  type: NumberType;
  /** Area codes to search in (resolved from "area code or region" by the caller); all when absent. */
  areaCodes?: readonly string[];
  /** 2 to 10 digits the national number contains. */
  digits?: string;
  page?: number;
  pageSize?: number;
};

/** A number as search results and selections show it. */
export type NumberOffer = {
  id: string;
  e164: string;
  /** National format, e.g. "01 42 68 53 00", "(212) 555-0100". */
  national: string;
  country: CountryCode;
  type: NumberType;
  areaCode: string;
  regionName: string;
  /** Set when this company holds it; null when it is available to anyone. */
  heldUntil: Date | null;
  monthlyMinor: number;
  currency: string;
};

export type SearchPage = { rows: NumberOffer[]; page: number; hasNext: boolean };

export type PurchaseResult = {
  order: Order;
  numbers: { id: string; e164: string; type: NumberType }[];
  /** false when the idempotency key had already bought: nothing more was charged. */
  created: boolean;
};

/** `now` is injectable: holds expire by time alone, and tests move time instead of sleeping. */
export type CarrierContext = { exec: Db | Tx; now?: Date };
export type CarrierTxContext = { tx: Tx; now?: Date };

export interface NumberCarrier {
  /** Numbers held by another company (hold still running) or owned by anyone are invisible. */
  search(ctx: CarrierContext, companyId: string, query: NumberSearch): Promise<SearchPage>;
  /**
   * Holds these numbers for the company for HOLD_MINUTES, atomically: a number another company
   * holds, or that someone owns, is not returned. The company's other running holds are
   * renewed to the same expiry (one selection, one countdown).
   */
  hold(ctx: CarrierTxContext, companyId: string, ids: readonly string[]): Promise<NumberOffer[]>;
  /** Gives the company's holds (these, or all) back to the inventory. */
  release(ctx: CarrierTxContext, companyId: string, ids?: readonly string[]): Promise<NumberOffer[]>;
  /**
   * The company's held numbers (these, or all it holds) as one order; the same idempotency key
   * again returns the same order. Refuses, buying nothing, when one of them is no longer held.
   */
  purchase(
    ctx: CarrierTxContext,
    companyId: string,
    input: { idempotencyKey: string; ids?: readonly string[]; createdBy?: string | null },
  ): Promise<PurchaseResult>;
}
