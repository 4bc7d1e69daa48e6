import { FormulaError } from "../errors";
import { got } from "../validate";

/** 2³¹ − 1, the Mersenne prime modulus of the minimal standard generator. */
export const MINSTD_MODULUS = 2147483647;
const MULTIPLIER = 48271;

/**
 * A seeded stream of uniform numbers in (0, 1): the "minimal standard" Lehmer generator with
 * multiplier 48271, xₙ₊₁ = 48271 · xₙ mod (2³¹ − 1), returning xₙ₊₁ / (2³¹ − 1). Every product is
 * below 2⁵³, so the arithmetic is exact in any JavaScript host: the same seed gives the same
 * stream in Excel and in Google Sheets.
 *
 * Source: S. K. Park, K. W. Miller & P. K. Stockmeyer (1993), "Technical Correspondence",
 * Communications of the ACM 36(7), 105–110 (the multiplier 48271); the C++ standard's
 * `std::minstd_rand` ([rand.predef]) is this generator, and its 10,000th value from seed 1 is
 * 399268537.
 *
 * @param seed a whole number from 1 to 2147483646
 * @returns a function giving the next number of the stream, never 0 or 1
 * @throws FormulaError `#VALUE!` for a seed outside 1 to 2147483646 or not whole
 * @example minstdRandom(1)() // 0.000022477936010098986
 */
export function minstdRandom(seed: number): () => number {
  if (!Number.isInteger(seed) || seed < 1 || seed > MINSTD_MODULUS - 1) {
    throw new FormulaError(
      "VALUE",
      `BUYIN.ROISIM: seed must be a whole number from 1 to ${MINSTD_MODULUS - 1}, ${got(seed)}`,
    );
  }
  let state = seed;
  return () => {
    state = (state * MULTIPLIER) % MINSTD_MODULUS;
    return state / MINSTD_MODULUS;
  };
}
