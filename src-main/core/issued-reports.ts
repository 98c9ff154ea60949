// An issued report as the app records it: which template, revision and language, and its files.

export const reportFormats = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface IssuedReportFile {
  format: ReportFormat;
  /** The file's name in the assessment's reports folder. */
  fileName: string;
  /** Hex SHA-256 of the file as written. */
  sha256: string;
  bytes: number;
}

export interface IssuedReport {
  id: string;
  assessmentId: string;
  revision: number;
  templateId: string;
  templateVersion: string;
  language: string;
  files: IssuedReportFile[];
  issuedAt: string;
}

export const reportMimeTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
