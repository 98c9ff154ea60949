// How the API contract declares a method: a summary, an input schema and (as a type) its output.
import type { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';

export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  summary: string;
  /** Built on first read: a process builds the schemas of the methods it calls, not the whole contract's. */
  readonly input: Input;
  /** Never set: carries the output type for the typed client. */
  readonly output?: Output;
}

/** Declares a method; its input schema is given as a function and built when first read. */
export function method<Output>() {
  return <Input extends z.ZodType>(spec: { summary: string; input: () => Input }): MethodSpec<Input, Output> => {
    const input = lazySchema(spec.input);
    return {
      summary: spec.summary,
      get input() {
        return input();
      },
    };
  };
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
