/**
 * How strong an HS256 secret looks. The entropy of one string cannot be
 * measured, only bounded from above: we estimate what a random secret with the
 * same length and character classes would carry, and refuse the obvious
 * non-random shapes that such an estimate would overrate (one repeated
 * character, a repeated unit, a keyboard or alphabet run).
 */

/** The minimum an HS256 key must carry: 32 bytes, the output size of SHA-256 (RFC 7518 §3.2). */
export const MIN_SECRET_BITS = 256;

/** Estimated bits of a secret: length × log2(alphabet the characters come from). */
export function estimatedSecretBits(secret: string): number {
  const chars = [...secret];
  if (chars.length === 0) return 0;
  // Hex is its own alphabet: 64 hex characters are 32 bytes, not 64 × log2(36).
  if (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) return chars.length * 4;
  // base64 / base64url (with or without padding): 6 bits per character.
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || /^[A-Za-z0-9_-]+$/.test(secret)) {
    return secret.replace(/=+$/, '').length * 6;
  }
  let alphabet = 0;
  if (/[0-9]/.test(secret)) alphabet += 10;
  if (/[a-z]/.test(secret)) alphabet += 26;
  if (/[A-Z]/.test(secret)) alphabet += 26;
  // Punctuation, spaces and anything outside ASCII letters and digits.
  if (/[^0-9a-zA-Z]/.test(secret)) alphabet += 33;
  return chars.length * Math.log2(alphabet);
}

/** True when the secret is a shorter unit repeated ('abcabcabc…', 'aaaa…'). */
function isRepeatedUnit(chars: string[]): boolean {
  for (let period = 1; period <= chars.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < chars.length && repeats; i++) repeats = chars[i] === chars[i - period];
    if (repeats) return true;
  }
  return false;
}

/** True when most neighbours are equal or consecutive code points ('0123456789abcdef…', 'zyxw…'). */
function isMostlyRun(chars: string[]): boolean {
  let stepped = 0;
  for (let i = 1; i < chars.length; i++) {
    if (Math.abs(chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!) <= 1) stepped++;
  }
  return stepped * 2 > chars.length - 1;
}

/**
 * Why a secret is too weak to sign production tokens, or undefined when it is
 * acceptable: 32 random bytes written as hex (64 characters) or base64 (44)
 * pass; anything shorter than 32 bytes, estimated under 256 bits, made of
 * fewer than 10 distinct characters, a repeated unit or an alphabet run fails.
 */
export function secretWeakness(secret: string, known: { developmentSecret: string }): string | undefined {
  if (secret.includes(known.developmentSecret)) return 'is the published development secret';
  if (Buffer.byteLength(secret, 'utf8') < 32) return 'is shorter than 32 bytes';
  const chars = [...secret];
  if (new Set(chars).size < 10 || isRepeatedUnit(chars) || isMostlyRun(chars)) {
    return 'is not random (too few distinct characters, a repeated pattern or a run)';
  }
  const bits = estimatedSecretBits(secret);
  if (bits < MIN_SECRET_BITS) {
    return `carries about ${Math.floor(bits)} bits, under ${MIN_SECRET_BITS} (32 random bytes, e.g. \`openssl rand -base64 32\`)`;
  }
  return undefined;
}
