// Reads a package that may be hostile: decrypts it, unzips it within the caps, checks every part
// against its SHA-256 and its schema, upgrades an older format, and checks that the ids hang together.
import type { z } from 'zod';
import type { ErrorIssue } from '../core/errors';
import { assessmentPart, clientPart, type PackageContent, type PackagedGuide } from '../core/package-records';
import { parseGuide } from '../guides/parse-guide';
import { formatPath } from '../core/validation-issues';
import { decryptPackage, isEncryptedPackage } from './encryption';
import { fileError } from './file-errors';
import {
  bytesSha256,
  currentPackageVersion,
  manifestHead,
  manifestPath,
  manifestV1,
  maxPackageBytes,
  oldestPackageVersion,
  packageZipLimits,
} from './package-format';
import { dataPathV0, dataV0, manifestV0, upgradeV0 } from './package-v0';
import { looksLikeZip, readZip } from './zip-reader';

export interface ReadPackage {
  content: PackageContent;
  /** The format version the file was written in (older ones are upgraded). */
  formatVersion: number;
  encrypted: boolean;
  /** SHA-256 of the file as given. */
  sha256: string;
}

/** At most this many schema problems are listed; the first ones say enough. */
const maxIssues = 20;

export async function readPackage(bytes: Uint8Array, passphrase?: string): Promise<ReadPackage> {
  if (bytes.length > maxPackageBytes) {
    throw fileError('fileTooLarge', `The file is ${bytes.length} bytes; a package may be at most ${maxPackageBytes} bytes.`);
  }
  const sha256 = bytesSha256(bytes);
  const encrypted = isEncryptedPackage(bytes);
  const zipped = encrypted ? await decryptPackage(bytes, passphrase) : bytes;
  if (!encrypted && !looksLikeZip(zipped)) {
    throw fileError('notAPackage', 'This is not a Kartlegg package: it is neither a zip file nor an encrypted package.');
  }
  const files = readZip(zipped, packageZipLimits, 'package');
  const manifestBytes = files.get(manifestPath);
  if (!manifestBytes) throw fileError('missingManifest', 'The zip file has no manifest.json, so it is not a Kartlegg package.');
  const manifestJson = parseJson(manifestBytes, manifestPath, 'badManifest');
  const head = manifestHead.safeParse(manifestJson);
  if (!head.success) throw fileError('badManifest', 'manifest.json does not describe a Kartlegg package (format "kartlegg-package" with a formatVersion).');
  const version = head.data.formatVersion;
  if (version > currentPackageVersion) {
    throw fileError(
      'newerFormat',
      `The package was made by a newer version of Kartlegg (package format ${version}; this version reads formats ${oldestPackageVersion} to ${currentPackageVersion}). Update Kartlegg to import it.`,
    );
  }
  const content = version === 0 ? readV0(files, manifestJson) : readV1(files, manifestJson);
  checkConsistency(content);
  return { content, formatVersion: version, encrypted, sha256 };
}

function parseJson(bytes: Uint8Array, path: string, key: 'badManifest' | 'invalidPart'): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw fileError(key, `${path} is not valid JSON text (it may be damaged).`);
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, path: string, key: 'badManifest' | 'invalidPart'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: ErrorIssue[] = parsed.error.issues.slice(0, maxIssues).map((issue) => ({
    path: `${path}${issue.path.length ? `: ${formatPath(issue.path)}` : ''}`,
    message: issue.message,
  }));
  const first = issues[0];
  throw fileError(
    key,
    `${path} does not have the form the package format requires (${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? '' : 's'}; first: ${first.path}: ${first.message}).`,
    issues,
  );
}

/** The files the manifest lists, each checked against its size and SHA-256; no file may be left unlisted. */
function checkedParts(files: Map<string, Uint8Array>, listed: readonly { path: string; sha256: string; bytes?: number }[]): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const part of listed) {
    const bytes = files.get(part.path);
    if (!bytes) throw fileError('missingPart', `The manifest lists ${part.path}, but the package does not contain it.`);
    if (parts.has(part.path)) throw fileError('badManifest', `The manifest lists ${part.path} twice.`);
    if ((part.bytes !== undefined && bytes.length !== part.bytes) || bytesSha256(bytes) !== part.sha256) {
      throw fileError('checksumMismatch', `${part.path} does not match its SHA-256 in the manifest: the package was damaged or altered.`);
    }
    parts.set(part.path, bytes);
  }
  for (const name of files.keys()) {
    if (name !== manifestPath && !parts.has(name) && !name.endsWith('/')) {
      throw fileError('unlistedPart', `The package contains ${name}, which its manifest does not list.`);
    }
  }
  return parts;
}

function readV1(files: Map<string, Uint8Array>, manifestJson: unknown): PackageContent {
  const manifest = validate(manifestV1, manifestJson, manifestPath, 'badManifest');
  const parts = checkedParts(files, manifest.parts);
  const content: PackageContent = { createdAt: manifest.createdAt, createdBy: manifest.createdBy, guides: [], clients: [], assessments: [] };
  for (const { path, kind } of manifest.parts) {
    const bytes = parts.get(path)!;
    if (kind === 'guide') {
      content.guides.push(packagedGuide(bytes, path));
      continue;
    }
    const json = parseJson(bytes, path, 'invalidPart');
    if (kind === 'client') content.clients.push(validate(clientPart, json, path, 'invalidPart'));
    else content.assessments.push(validate(assessmentPart, json, path, 'invalidPart'));
  }
  return content;
}

function readV0(files: Map<string, Uint8Array>, manifestJson: unknown): PackageContent {
  const manifest = validate(manifestV0, manifestJson, manifestPath, 'badManifest');
  const parts = checkedParts(files, manifest.files.map((file) => ({ path: file.name, sha256: file.sha256 })));
  const data = validate(dataV0, parseJson(parts.get(dataPathV0)!, dataPathV0, 'invalidPart'), dataPathV0, 'invalidPart');
  const content = upgradeV0(manifest, data);
  content.guides.forEach((declared, index) => {
    const guide = packagedGuide(new TextEncoder().encode(declared.content), `${dataPathV0}: guides[${index}]`);
    if (guide.id !== declared.id || guide.version !== declared.version) {
      throw fileError('guideInvalid', `${dataPathV0} names guide ${declared.id} ${declared.version}, but its text is guide ${guide.id} ${guide.version}.`);
    }
  });
  return content;
}

/** A guide part, checked as any guide file is (schema and cross-references). */
function packagedGuide(bytes: Uint8Array, path: string): PackagedGuide {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError('guideInvalid', `${path} is not UTF-8 text, so it is not a guide.`);
  }
  const parsed = parseGuide(text, path);
  if (!parsed.ok) {
    throw fileError(
      'guideInvalid',
      `${path} is not a valid interview guide (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}; first: ${parsed.problems[0].path} ${parsed.problems[0].message}).`,
      parsed.problems.slice(0, maxIssues).map((problem) => ({ path: `${path}: ${problem.path}`, message: problem.message })),
    );
  }
  return { id: parsed.guide.id, version: parsed.guide.version, content: text };
}

/** Ids unique within the package, every reference pointing at something the package holds. */
function checkConsistency(content: PackageContent): void {
  const guides = new Set<string>();
  for (const guide of content.guides) {
    const key = `${guide.id} ${guide.version}`;
    if (guides.has(key)) throw fileError('duplicateId', `The package holds guide ${key} twice.`);
    guides.add(key);
  }
  const seen = new Map<string, Set<string>>();
  const unique = (what: string, id: string) => {
    const ids = seen.get(what) ?? new Set<string>();
    seen.set(what, ids);
    if (ids.has(id)) throw fileError('duplicateId', `The package holds the ${what} id ${id} twice.`);
    ids.add(id);
  };
  const broken = (message: string) => fileError('brokenReference', message);

  const unitsByClient = new Map<string, Set<string>>();
  for (const { client, units } of content.clients) {
    unique('client', client.id);
    unitsByClient.set(client.id, new Set(units.map((unit) => unit.id)));
    for (const unit of units) unique('unit', unit.id);
  }
  for (const part of content.assessments) {
    const { assessment } = part;
    unique('assessment', assessment.id);
    const units = unitsByClient.get(assessment.clientId);
    if (!units) throw broken(`Assessment "${assessment.title}" belongs to a client the package does not hold.`);
    if (assessment.unitId && !units.has(assessment.unitId)) {
      throw broken(`Assessment "${assessment.title}" refers to a unit that is not one of its client's units in the package.`);
    }
    if (assessment.priorAssessmentId === assessment.id) throw broken(`Assessment "${assessment.title}" names itself as its prior assessment.`);
    for (const interview of part.interviews) {
      unique('interview', interview.id);
      const items = new Set<string>();
      for (const answer of interview.answers) {
        if (items.has(answer.itemId)) throw fileError('duplicateId', `Interview "${interview.groupName}" answers item "${answer.itemId}" twice.`);
        items.add(answer.itemId);
      }
      for (const note of interview.notes) unique('note', note.id);
      for (const response of interview.surveyResponses) unique('survey response', response.id);
    }
    const findings = new Set<string>();
    for (const finding of part.findings) {
      unique('finding', finding.id);
      findings.add(finding.id);
    }
    for (const measure of part.measures) {
      unique('measure', measure.id);
      if (measure.findingId && !findings.has(measure.findingId)) {
        throw broken(`Measure "${measure.title}" refers to a finding that is not in its assessment.`);
      }
    }
    const numbers = new Set<number>();
    for (const revision of part.revisions) {
      unique('revision', revision.id);
      if (numbers.has(revision.number)) throw fileError('duplicateId', `Assessment "${assessment.title}" has revision ${revision.number} twice.`);
      numbers.add(revision.number);
    }
    for (const report of part.issuedReports) unique('issued report', report.id);
  }
}
