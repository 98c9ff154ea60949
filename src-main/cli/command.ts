// What a CLI command declares: its words, usage line, options, and what it does.
import type { ParseArgsConfig } from 'node:util';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliInvocation {
  dataDir: string;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  /** The words after the command's own words, e.g. the assessment id. */
  args: string[];
}

export interface CliCommand {
  /** The command's words, e.g. "clients list". */
  name: string;
  usage: string;
  summary: string;
  options?: CliOptions;
  run(invocation: CliInvocation): Promise<void>;
}
