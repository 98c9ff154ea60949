// The API contract: every method's name, input schema and output type, shared by the main process
// (which serves it) and the renderer (whose client is typed by it).
import type { z } from 'zod';
import { joinMethodGroups, type MethodSpec } from './method';
import { assessmentMethodsContract } from './methods/assessments';
import { backupsMethods } from './methods/backups';
import { clientMethods } from './methods/clients';
import { encryptionMethods } from './methods/encryption';
import { guideTranslationMethods } from './methods/guide-translations';
import { guideMethods } from './methods/guides';
import { interviewingMethods } from './methods/interviewing';
import { privateAnsweringMethods } from './methods/private-answering';
import { reportMethods } from './methods/reports';
import { resultsMethods } from './methods/results';
import { revisionMethods } from './methods/revisions';
import { riskMethods } from './methods/risk';
import { settingsMethods } from './methods/settings';
import { syncMethods } from './methods/sync';
import { systemMethods } from './methods/system';
import { transferMethods } from './methods/transfer';

export const contract = joinMethodGroups(
  clientMethods,
  guideMethods,
  guideTranslationMethods,
  assessmentMethodsContract,
  interviewingMethods,
  resultsMethods,
  riskMethods,
  revisionMethods,
  settingsMethods,
  systemMethods,
  backupsMethods,
  encryptionMethods,
  transferMethods,
  reportMethods,
  privateAnsweringMethods,
  syncMethods,
);

export type ApiContract = typeof contract;
export type MethodName = keyof ApiContract & string;
export type MethodInput<M extends MethodName> = z.input<ApiContract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<ApiContract[M]['input']>;
export type MethodOutput<M extends MethodName> = ApiContract[M] extends MethodSpec<z.ZodType, infer Output> ? Output : never;

export type { ErrorCode, ErrorData, ErrorIssue, Result } from '../core/errors';
export type { CallProgress, ProgressStep } from './progress';
