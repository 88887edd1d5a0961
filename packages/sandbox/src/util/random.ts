/**
 * Seeded randomness. Everything the sandbox invents (ids, tokens, generated PINs, simulated
 * failures) comes from these functions, so one seed and one sequence of calls always replay the
 * same run. No `Math.random`, no `crypto.randomUUID`: both would break replays.
 */

/** The four 32-bit words of an sfc32 generator; plain numbers so the state persists as JSON. */
export type RandomState = [number, number, number, number];

/**
 * A 128-bit string hash (cyrb128). Not cryptographic: it only has to spread similar inputs
 * (`seed:device:1`, `seed:device:2`) far apart, which it does.
 */
export function hash128(input: string): RandomState {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Advances an sfc32 state in place and returns a uniform float in [0, 1). */
export function nextFloat(state: RandomState): number {
  let [a, b, c, d] = state;
  a >>>= 0;
  b >>>= 0;
  c >>>= 0;
  d >>>= 0;
  let t = (a + b) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  d = (d + 1) | 0;
  t = (t + d) | 0;
  c = (c + t) | 0;
  state[0] = a >>> 0;
  state[1] = b >>> 0;
  state[2] = c >>> 0;
  state[3] = d >>> 0;
  return (t >>> 0) / 4294967296;
}

/** A fresh generator state for a named stream under a seed; warmed up so early draws are mixed. */
export function randomState(seed: number, stream: string): RandomState {
  const state = hash128(`${seed}\u0000${stream}`);
  for (let i = 0; i < 12; i++) nextFloat(state);
  return state;
}

/** A `() => number` view of a state, the shape core's `suggestCode(device, codes, random)` takes. */
export function randomSource(state: RandomState): () => number {
  return () => nextFloat(state);
}

/** An integer in [0, max). */
export function nextInt(state: RandomState, max: number): number {
  return Math.floor(nextFloat(state) * max);
}

/** Sixteen bytes from a hash of the seed and the parts: stable for the same inputs. */
export function derivedBytes(seed: number, parts: readonly (string | number)[]): Uint8Array {
  const words = hash128(`${seed}\u0000${parts.join('\u0000')}`);
  const bytes = new Uint8Array(16);
  words.forEach((word, index) => {
    bytes[index * 4] = word >>> 24;
    bytes[index * 4 + 1] = (word >>> 16) & 0xff;
    bytes[index * 4 + 2] = (word >>> 8) & 0xff;
    bytes[index * 4 + 3] = word & 0xff;
  });
  return bytes;
}

/**
 * A version-4-shaped UUID derived from the seed and the parts. The same seed and parts always give
 * the same id, which is what lets the catalogue document its device ids.
 */
export function derivedUuid(seed: number, ...parts: (string | number)[]): string {
  const bytes = derivedBytes(seed, parts);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A base62 string of `length` characters derived from the seed and the parts (for tokens). */
export function derivedToken(seed: number, length: number, ...parts: (string | number)[]): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    for (const byte of derivedBytes(seed, [...parts, round])) {
      if (out.length === length) break;
      // 248 = 4 * 62: rejecting the top values keeps every character equally likely.
      if (byte < 248) out += alphabet[byte % 62];
    }
    round++;
  }
  return out;
}

/** Standard base64 of sixteen-byte blocks derived from the seed (webhook secrets). */
export function derivedBase64(seed: number, byteLength: number, ...parts: (string | number)[]) {
  const bytes: number[] = [];
  for (let round = 0; bytes.length < byteLength; round++) {
    bytes.push(...derivedBytes(seed, [...parts, round]));
  }
  let binary = '';
  for (const byte of bytes.slice(0, byteLength)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
