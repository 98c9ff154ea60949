// The formal report's appendix for those who must act: per factor of the guide, what it means, what
// the law requires, and the steps for the employer or manager and for the safety representative
// (verneombud), from the guide's `guidance`. A guide without guidance writes nothing.
import type { GuideFactor } from '../../core/guide';
import type { ReportContext } from '../report-context';
import { paragraph, runs, type BlockWriter } from './block-kit';

type GuidedFactor = GuideFactor & { guidance: NonNullable<GuideFactor['guidance']> };

export function factorsWithGuidance(context: ReportContext): GuidedFactor[] {
  return context.data.guide.factors.filter((factor): factor is GuidedFactor => !!factor.guidance);
}

export function factorGuidance(writer: BlockWriter): void {
  const { context } = writer;
  const labels = context.labels.guidance;
  const steps = (list: GuidedFactor['guidance']['employerSteps']) => ({
    kind: 'list' as const,
    ordered: false,
    items: list.map((step) => runs(context.text(step))),
    lang: context.language,
    dir: context.dir,
  });
  for (const factor of factorsWithGuidance(context)) {
    const { guidance } = factor;
    writer.heading(2, context.text(factor.title));
    writer.push(
      paragraph(context, [{ text: `${labels.meaning} `, bold: true }, { text: context.text(guidance.meaning) }]),
      paragraph(context, [{ text: `${labels.law} `, bold: true }, { text: context.text(guidance.law) }]),
    );
    writer.heading(3, labels.employerSteps);
    writer.push(steps(guidance.employerSteps));
    writer.heading(3, labels.safetyRepresentativeSteps);
    writer.push(steps(guidance.safetyRepresentativeSteps));
  }
}
