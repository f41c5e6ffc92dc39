/**
 * Seeded randomness. `Rng` is xoshiro128** (Blackman & Vigna), a small, fast generator
 * with a 2^128 − 1 period whose 32-bit outputs pass BigCrush.
 *
 * Each purpose draws from its own named stream, derived from (seed, name). Adding a draw
 * to the "service" stream therefore never shifts what the "arrivals" stream produces,
 * which is what makes common random numbers across scenarios possible.
 *
 * @example
 * const streams = new RandomStreams(42);
 * const u = streams.get('arrivals').next(); // same value for seed 42, every run
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | readonly number[]) {
    const words = typeof seed === 'number' ? [seed] : seed;
    let state = 0x9e3779b9;
    for (const w of words) state = mix32(state ^ (w >>> 0));
    // SplitMix-style expansion of one 32-bit state into four non-zero words.
    this.a = splitmix32((state = (state + 0x9e3779b9) | 0));
    this.b = splitmix32((state = (state + 0x9e3779b9) | 0));
    this.c = splitmix32((state = (state + 0x9e3779b9) | 0));
    this.d = splitmix32((state = (state + 0x9e3779b9) | 0));
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 bits of precision. */
  next(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform float in (0, 1): safe to pass to `Math.log`. */
  nextOpen(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** The generator's state, for checkpoints. */
  getState(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  setState(state: readonly [number, number, number, number]): void {
    [this.a, this.b, this.c, this.d] = state;
  }
}

/** Named, independent streams derived from one seed. */
/** Seeds are 32-bit, in scenario files and on the command line alike. */
export const MAX_SEED = 4_294_967_295;

export class RandomStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  }

  get(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      rng = new Rng([seedLow(this.seed), seedHigh(this.seed), hashString(name)]);
      this.streams.set(name, rng);
    }
    return rng;
  }
}

/** The seed of replication `index` under `seed`: independent of how replications are scheduled. */
export function deriveSeed(seed: number, index: number): number {
  const h = mix32(mix32(seedLow(seed) ^ 0x5bd1e995) ^ mix32(seedHigh(seed)) ^ mix32(index + 0x632be5ab));
  return h >>> 0;
}

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h) >>> 0;
}

function seedLow(seed: number): number {
  return seed >>> 0;
}

function seedHigh(seed: number): number {
  return Math.floor(seed / 4294967296) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function splitmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) | 0;
}
