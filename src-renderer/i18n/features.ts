// The features' own UI texts, merged into the app's translations at start-up. Add one line per feature.
import type { FeatureMessages } from './define-messages';

export const featureMessages: FeatureMessages[] = [];
