// A schema built on its first use and kept, for schemas a short process may never need.

/** Building zod schemas costs noticeable start-up time (a process builds each kind's prototype and
 * every check), and a short command such as "kartlegg clients list" needs only a few of them. */
export function lazySchema<Schema>(build: () => Schema): () => Schema {
  let built: Schema | undefined;
  return () => (built ??= build());
}
