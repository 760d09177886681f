/** A seeded random number generator, so synthetic documents and fuzz inputs repeat run for run (owned by src/prng.ts). */
export { prng } from '../../src/prng';
