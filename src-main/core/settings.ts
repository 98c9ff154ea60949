// The consultancy's settings and their defaults.

export type UiLanguage = 'nb' | 'en';

export interface Settings {
  language: UiLanguage;
  /** Results for groups smaller than this are withheld; never below 3. */
  minGroupSize: number;
  consultancyName: string;
  /** How many automatic backups to keep. */
  backupsToKeep: number;
}

export const defaultSettings: Settings = {
  language: 'nb',
  minGroupSize: 5,
  consultancyName: '',
  backupsToKeep: 10,
};
