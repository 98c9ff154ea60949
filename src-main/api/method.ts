// How the API contract declares a method: a summary, an input schema and (as a type) its output.
import type { z } from 'zod';

export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  summary: string;
  input: Input;
  /** Never set: carries the output type for the typed client. */
  readonly output?: Output;
}

export function method<Output>() {
  return <Input extends z.ZodType>(spec: { summary: string; input: Input }): MethodSpec<Input, Output> => spec;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins groups of methods into one contract, refusing a name declared twice. */
export function joinMethodGroups<Groups extends Record<string, MethodSpec>[]>(
  ...groups: Groups
): UnionToIntersection<Groups[number]> {
  const joined: Record<string, MethodSpec> = {};
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (name in joined) throw new Error(`API method "${name}" is declared twice`);
      joined[name] = spec;
    }
  }
  return joined as UnionToIntersection<Groups[number]>;
}
