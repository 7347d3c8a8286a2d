/**
 * Control characters (Unicode Cc: NUL, the other C0 codes, DEL, C1): nobody types them into a
 * one-line field, PostgreSQL refuses NUL in text, and the others hide in names and e-mails.
 */
const CONTROL_CHARACTER = /\p{Cc}/u;
const CONTROL_CHARACTERS = /\p{Cc}/gu;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

// Half of a surrogate pair on its own is not a character; UTF-8 cannot carry it.
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A lone surrogate read as U+FFFD, what decoding the text as UTF-8 would make of it. */
export function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATES, '\ufffd');
}

/** The text without control characters (and well formed). */
export function withoutControlCharacters(value: string): string {
  return wellFormed(value.replace(CONTROL_CHARACTERS, ''));
}

/** The first `max` characters, never half of a surrogate pair (an emoji cut in two is not valid UTF-8). */
export function cutAt(value: string, max: number): string {
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}
