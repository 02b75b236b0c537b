/** mulberry32: a tiny seeded PRNG, so a failing fuzz or crash round can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed to use: CAREHOUSE_TEST_SEED when replaying a failure, else the given default. */
export function testSeed(fallback: number): number {
  const fromEnv = Number(process.env.CAREHOUSE_TEST_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}
