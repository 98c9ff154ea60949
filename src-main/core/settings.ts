// The consultancy's settings and their defaults.
import type { uiLanguages } from './languages';
import { defaultBrandColour } from './logo';
import { defaultRiskMatrix, type RiskMatrix } from './risk-matrix';

export type UiLanguage = (typeof uiLanguages)[number];

export interface Settings {
  language: UiLanguage;
  /** Results for groups smaller than this are withheld; never below 3. */
  minGroupSize: number;
  consultancyName: string;
  /** How many automatic backups to keep. */
  backupsToKeep: number;
  /** The risk matrix new ratings are made on; changing it flags rated findings for review. */
  riskMatrix: RiskMatrix;
  /** "#RRGGBB" for headings and table headers in reports. */
  brandColour: string;
  /** The logo on reports' covers: a PNG or SVG data URL (see logo.ts), or none. */
  logo: string | null;
  /** Who the app's user is; fills the consultant of new assessments. */
  consultantProfile: ConsultantProfile;
}

export interface ConsultantProfile {
  name: string;
  /** e.g. "Seniorrådgiver" */
  title: string;
  /** The occupational health service (BHT) the consultant works for. */
  firm: string;
}

/** The profile's limits: joined they fit an assessment's consultant field (200 characters). */
export const consultantProfileLimits: Record<keyof ConsultantProfile, number> = { name: 70, title: 60, firm: 60 };

/** "Kari Nordmann, seniorrådgiver, BHT Nord AS": what a new assessment's consultant field is filled with. */
export function consultantLine(profile: ConsultantProfile): string {
  return [profile.name, profile.title, profile.firm].map((part) => part.trim()).filter(Boolean).join(', ');
}

export const defaultSettings: Settings = {
  language: 'nb',
  minGroupSize: 5,
  consultancyName: '',
  backupsToKeep: 10,
  riskMatrix: defaultRiskMatrix,
  brandColour: defaultBrandColour,
  logo: null,
  consultantProfile: { name: '', title: '', firm: '' },
};
