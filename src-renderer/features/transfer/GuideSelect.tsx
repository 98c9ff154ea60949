// Choosing an installed interview guide (title and version) for a survey import or a survey template.
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-main/api/contract';
import { localize } from '../../../src-main/core/localize';
import { Field } from '../../components/Field';

export type GuideSummary = MethodOutput<'guides.list'>['guides'][number];

export const guideKey = (guide: { id: string; version: string }) => `${guide.id}@${guide.version}`;

export function GuideSelect({ label, guides, value, onChange }: { label: string; guides: GuideSummary[]; value: string; onChange(key: string): void }) {
  const { i18n } = useTranslation();
  return (
    <Field label={label} required>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          {guides.map((g) => (
            <option key={guideKey(g)} value={guideKey(g)}>
              {localize(g.title, i18n.language)} {g.version}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
