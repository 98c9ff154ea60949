// The features' own UI texts, merged into the app's translations at start-up. Add one line per feature.
import type { FeatureMessages } from './define-messages';
import { fieldMessages } from '../components/field-messages';
import { profileMessages } from '../features/settings/profile-messages';
import { heldTimeMessages } from '../features/assessments/held-time-messages';
import { savedFileMessages } from '../features/reports/save-messages';
import { scoreDirectionMessages } from '../features/results/direction-messages';
import { assessmentMessages } from '../features/assessments/messages';
import { plannerMessages } from '../features/assessments/planner-messages';
import { assessmentStepsMessages } from '../features/assessments/steps-messages';
import { backupMessages } from '../features/backups/messages';
import { encryptionMessages } from '../features/encryption/messages';
import { interviewFinishMessages } from '../features/interview/finish-messages';
import { interviewMessages } from '../features/interview/messages';
import { guideMessages } from '../features/guides/messages';
import { translationReviewMessages } from '../features/guides/translation-review-messages';
import { issuingMessages } from '../features/reports/issue-messages';
import { reportMessages } from '../features/reports/messages';
import { resultMessages } from '../features/results/messages';
import { findingsBulkMessages } from '../features/risk/bulk-messages';
import { riskMessages } from '../features/risk/messages';
import { syncMessages } from '../features/sync/messages';
import { transferMessages } from '../features/transfer/messages';
import { callProgressMessages } from '../components/call-progress-messages';

export const featureMessages = [assessmentMessages, assessmentStepsMessages, backupMessages, encryptionMessages, interviewMessages, interviewFinishMessages, guideMessages, resultMessages, reportMessages, issuingMessages, riskMessages, findingsBulkMessages, transferMessages, plannerMessages, translationReviewMessages, fieldMessages, profileMessages, heldTimeMessages, savedFileMessages, scoreDirectionMessages, syncMessages, callProgressMessages] as const satisfies readonly FeatureMessages[];

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;

/** Every feature's bokmål texts in one shape: the keys `t()` accepts. */
export type FeatureTexts = UnionToIntersection<(typeof featureMessages)[number]['nb']>;
