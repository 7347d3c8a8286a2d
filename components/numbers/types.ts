/** An owned number as the Phone numbers tab shows it (formatted on the server). */
export type NumberRowView = {
  id: string;
  national: string;
  typeLabel: string;
  regionName: string;
  isMain: boolean;
  extensionId: string | null;
  /** "101 · Alice Martin", null when unassigned. */
  extensionLabel: string | null;
  priceLabel: string;
};

/** A search result or a held number, formatted on the server. */
export type OfferView = {
  id: string;
  national: string;
  regionName: string;
  typeLabel: string;
  priceLabel: string;
  monthlyMinor: number;
  /** ISO; set when this company holds it. */
  heldUntil: string | null;
};
