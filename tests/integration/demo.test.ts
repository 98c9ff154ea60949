import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { AssessmentDetails } from '../../src-main/core/assessments';
import type { Finding } from '../../src-main/core/risk';
import { createDemo } from '../../src-main/demo/demo-data';
import { findAppRoot } from '../../src-main/paths';
import { makeTempDir, removeTempDir } from './fixtures/data-folder';

let dataDir: string;
let runtime: ApiRuntime;

beforeEach(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot() });
});

afterEach(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('kartlegg demo', () => {
  it('creates a fictional cleaning company with three groups in four languages, findings and measures', async () => {
    const ids = await createDemo(runtime);
    const assessment = await value<AssessmentDetails>('assessments.get', { id: ids.assessmentId });
    expect(assessment.clientName).toContain('(demo)');
    expect(assessment.interviews).toHaveLength(3);
    expect(new Set(assessment.interviews.flatMap((i) => i.languages.filter((l) => l !== 'nb')))).toEqual(new Set(['pl', 'ar', 'ti', 'ro']));
    for (const interview of assessment.interviews) {
      expect(interview.status).toBe('completed');
      expect(interview.answeredCount).toBeGreaterThan(60);
    }

    const findings = await value<Finding[]>('findings.list', { assessmentId: ids.assessmentId });
    expect(findings.filter((f) => f.status === 'accepted').length).toBeGreaterThanOrEqual(3);
    expect(findings.filter((f) => f.status === 'dismissed').every((f) => f.dismissalReason)).toBe(true);
    expect(findings.some((f) => f.origin === 'manual')).toBe(true);
    expect(ids.measureIds.length).toBeGreaterThanOrEqual(4);

    // Every group has at least five present, so nothing in the demo is withheld.
    const results = await value<{ result: { factors: { suppressed: boolean; light: string | null }[] } }>('results.get', {
      assessmentId: ids.assessmentId,
    });
    expect(results.result.factors.every((f) => !f.suppressed)).toBe(true);
    expect(results.result.factors.map((f) => f.light)).toContain('red');
  });

  it('can be created twice in one data folder: the organisation number is then refused as taken', async () => {
    await createDemo(runtime);
    await expect(createDemo(runtime)).rejects.toThrow(/already registered/);
  });
});
