/**
 * Lists a dialog sends through FormData travel as JSON fields; this decodes them (in a
 * z.preprocess) before the same schema validates them. Undecodable JSON reads as absent.
 */
export function decodeJsonFields(fields: readonly string[]) {
  return (value: unknown) => {
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of fields) {
      const raw = out[field];
      if (typeof raw !== 'string') continue;
      try {
        out[field] = JSON.parse(raw);
      } catch {
        out[field] = undefined;
      }
    }
    return out;
  };
}
