/** A user the ring-group dialog can add as a member. */
export type PersonOption = { userId: string; name: string; number: string | null };

/** An extension the ring-group dialog can send unanswered calls to. */
export type TargetOption = { id: string; number: string; type: 'user' | 'ring_group' | 'conference'; name: string };
