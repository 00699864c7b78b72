/**
 * Binary floating point cannot hold most decimal halves exactly (0.1235 × 1000 is
 * 123.49999999999999), so a tolerance far below any real difference between two scores (rational
 * numbers with small denominators) is added before rounding: an exact half always rounds up.
 */
const HALF_TOLERANCE = 1e-9;

/**
 * A ratio 0..1 as a percentage 0..100 with one decimal, rounding half up: the ratio × 1000 is
 * rounded to the nearest integer (halves up), then divided by 10. `0.12345 → 12.3`, `0.1235 → 12.4`,
 * `2 / 3 → 66.7`. Every percentage of the engine goes through this helper.
 */
export function percentOneDecimal(ratio: number): number {
  return Math.round(ratio * 1000 + HALF_TOLERANCE) / 10;
}
