import { defineBench } from '../bench-row';
import { storeBenchmarks } from '../support/store-benchmarks';

/**
 * Issue 12 and the store part of issue 14: opening 50 plans with chain verification vs
 * without; durable updates/s one at a time and grouped vs the bare WAL+FULL INSERT loop
 * (targets >= 0.8x and >= 5,000/s); opening plans with 1k/10k/100k stored updates vs
 * applying the re-encoded document; stored size vs re-encoded size (target <= 1.5x).
 */
export const bench = defineBench({
  name: 'store integrity and durability',
  run: ({ tempDir }) => storeBenchmarks(tempDir),
});
