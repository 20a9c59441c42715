/**
 * mulberry32: a small seeded generator in [0, 1), the same sequence for the same seed everywhere,
 * so a fuzzed body, a property case or a seeded bench repository can be named and replayed.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
