// Typed text keys for values that come from data: a value picks a text only if the bokmål has one for it.

/** True when `value` names one of the texts in `texts` (a group of the bokmål messages), so that
 * `t(`group.${value}`)` type-checks without a cast and an unknown value can fall back to itself. */
export function hasText<T extends object>(texts: T, value: unknown): value is keyof T & string {
  return typeof value === 'string' && Object.hasOwn(texts, value);
}
