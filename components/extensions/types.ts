/** A ring-group member as the dialog shows them: their name and user extension. */
export type PersonLabel = { name: string; number: string | null };

/**
 * The words of what a ring group already points at, sent with the page instead of every user
 * and extension (the pickers search the rest on the server).
 */
export type RingGroupLabels = {
  /** By user id: the current members. */
  people: Record<string, PersonLabel>;
  /** The no-answer extension's words ("101 · Alice Martin"), when it forwards to one. */
  noAnswerExtension: string;
};
