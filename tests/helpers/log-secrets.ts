import { digestHashes, SIP_PASSWORD_LENGTH } from '../../lib/telephony/credentials';

/**
 * The checker behind tests/logs/server-log.test.ts (the browser suite's server log) and its
 * self-check in tests/unit/log-secrets.test.ts: which log lines carry a secret, and whether a
 * failed sign-in is one line.
 */

/** What the run is known to have handled: typed by the tests, or read from its database afterwards. */
export type KnownSecrets = {
  /** Every password the browser suite types, right or wrong. */
  passwords: readonly string[];
  /** Exact values: password hashes, activation tokens, HA1 digests... with what they are. */
  values: readonly { kind: string; value: string }[];
  /** SIP accounts with their current HA1: a logged SIP password is recognised by its digest. */
  sipAccounts: readonly { username: string; domain: string; ha1: string }[];
};

export type Leak = { line: number; kind: string; excerpt: string };

/** Secrets that are recognisable by their shape, whoever made them. */
const SHAPES: readonly (readonly [string, RegExp])[] = [
  ['argon2 hash', /\$argon2/i],
  // A JWT or Auth.js's JWE session cookie: a base64url JSON header, then a dot.
  ['JWT or session cookie', /eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/],
  ['session or CSRF cookie', /authjs\.(session|csrf)-token=(?!;|\s|$)/i],
  // lib/auth/activation.ts: 32 random bytes, base64url, in /activate/<token>.
  ['activation link', /\/activate\/[A-Za-z0-9_%-]{16,}/],
  ['bearer token', /\bbearer\s+[A-Za-z0-9._~+/-]{16,}/i],
];

/** How a string can look once it is in a JSON line, a URL or a form body. */
function spellings(secret: string) {
  return [
    ...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]),
  ];
}

const SIP_CANDIDATE = new RegExp(`(?<![A-Za-z0-9])[A-Za-z0-9]{${SIP_PASSWORD_LENGTH}}(?![A-Za-z0-9])`, 'g');

function excerptAround(text: string, index: number) {
  return text.slice(Math.max(0, index - 40), index + 60);
}

/** Every line that carries a secret, with what kind it is. */
export function findLeaks(lines: readonly string[], known: KnownSecrets): Leak[] {
  const exact = [
    ...known.passwords.filter(Boolean).map((value) => ({ kind: 'password', value })),
    ...known.values.filter((v) => v.value.length >= 8),
  ].flatMap(({ kind, value }) => spellings(value).map((spelling) => ({ kind, spelling })));
  const leaks: Leak[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    for (const [kind, shape] of SHAPES) {
      const match = shape.exec(text);
      if (match) leaks.push({ line, kind, excerpt: excerptAround(text, match.index) });
    }
    for (const { kind, spelling } of exact) {
      const at = text.indexOf(spelling);
      if (at >= 0) leaks.push({ line, kind, excerpt: excerptAround(text, at) });
    }
    for (const match of text.matchAll(SIP_CANDIDATE)) {
      const candidate = match[0];
      if (known.sipAccounts.some((a) => digestHashes(a.username, a.domain, candidate).ha1 === a.ha1)) {
        leaks.push({ line, kind: 'SIP password', excerpt: excerptAround(text, match.index) });
      }
    }
  });
  return leaks;
}

/** pino's line for a failed sign-in (lib/auth/credentials.ts). */
export function isSignInFailure(text: string) {
  try {
    const entry = JSON.parse(text) as { event?: unknown };
    return entry.event === 'sign-in.failed';
  } catch {
    return false;
  }
}

/**
 * Lines that make a failed sign-in more than its one line: Auth.js's own error report for a
 * wrong password (its name, its "read more" link) and stack frames, which only a multi-line
 * error print leaves.
 */
export function extraFailureLines(lines: readonly string[]): Leak[] {
  const extra: Leak[] = [];
  lines.forEach((text, i) => {
    const match = /CredentialsSignin|errors\.authjs\.dev|\[auth\]\[error\]|^\s+at \S/i.exec(text);
    if (match) extra.push({ line: i + 1, kind: 'extra sign-in failure output', excerpt: excerptAround(text, match.index) });
  });
  return extra;
}
