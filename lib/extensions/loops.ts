/**
 * No-answer loops between ring groups. Each ring group has at most one no-answer extension,
 * so following "where do unanswered calls go" from any group is a single chain: it ends at a
 * user, a conference, voicemail, or comes back to a group already on the chain (a loop).
 */

/** Ring group id -> the extension its unanswered calls go to (null: voicemail or none). */
export type NoAnswerEdges = ReadonlyMap<string, string | null | undefined>;

/**
 * Would sending `groupId`'s unanswered calls to `targetId` make them come back to `groupId`,
 * directly or through other ring groups? Returns the loop as ids, `groupId` first and last
 * (A, B, C, A), or undefined. `edges` is the current graph; `groupId`'s own edge is ignored.
 */
export function loopThrough(groupId: string, targetId: string | null | undefined, edges: NoAnswerEdges) {
  const path = [groupId];
  const seen = new Set<string>([groupId]);
  let current = targetId ?? null;
  while (current) {
    path.push(current);
    if (current === groupId) return path;
    // A loop that does not pass through groupId is someone else's (and already refused).
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = edges.get(current) ?? null;
  }
  return undefined;
}

/** Every ring group whose unanswered calls come back to it, with its loop. */
export function findLoops(edges: NoAnswerEdges): { groupId: string; loop: string[] }[] {
  const out: { groupId: string; loop: string[] }[] = [];
  for (const [groupId, target] of edges) {
    const loop = loopThrough(groupId, target, edges);
    if (loop) out.push({ groupId, loop });
  }
  return out;
}
