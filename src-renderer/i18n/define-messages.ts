// A feature's UI texts in bokmål and English, with the English checked against the bokmål's shape.

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export interface FeatureMessages<T extends Record<string, unknown> = Record<string, unknown>> {
  nb: T;
  en: Widen<T>;
}

export function defineMessages<T extends Record<string, unknown>>(nb: T, en: Widen<T>): FeatureMessages<T> {
  return { nb, en };
}
