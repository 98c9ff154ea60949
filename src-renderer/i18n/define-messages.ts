// A feature's UI texts in bokmål and English, with the English checked against the bokmål's shape.

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export interface FeatureMessages {
  nb: Record<string, unknown>;
  en: Record<string, unknown>;
}

export function defineMessages<T extends Record<string, unknown>>(nb: T, en: Widen<T>): FeatureMessages {
  return { nb, en };
}
