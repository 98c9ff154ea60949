// The consultancy's settings and their defaults.
import { defaultBrandColour } from './logo';
import { defaultRiskMatrix, type RiskMatrix } from './risk-matrix';

export type UiLanguage = 'nb' | 'en';

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
}

export const defaultSettings: Settings = {
  language: 'nb',
  minGroupSize: 5,
  consultancyName: '',
  backupsToKeep: 10,
  riskMatrix: defaultRiskMatrix,
  brandColour: defaultBrandColour,
  logo: null,
};
