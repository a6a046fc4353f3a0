// A translation namespace is `{ en, hi }` where `hi` must have exactly the keys of `en`: the
// compiler refuses a Hindi table with a missing or misspelt key, so a screen never shows a raw
// key in one language only.
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> };

export interface Namespace<T> {
  en: T;
  hi: Translations<T>;
}

export function defineNamespace<T extends Record<string, unknown>>(en: T, hi: Translations<T>): Namespace<T> {
  return { en, hi };
}
