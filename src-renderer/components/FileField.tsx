// A labelled file chooser that hands over the chosen file (or none); a new `resetKey` empties it after use.
import { Field } from './Field';

interface FileFieldProps {
  label: string;
  /** The file types offered, as for <input accept>. */
  accept: string;
  resetKey: number;
  onChoose(file: File | null): void;
}

export function FileField({ label, accept, resetKey, onChoose }: FileFieldProps) {
  return (
    <Field label={label}>
      {(props) => <input {...props} key={resetKey} type="file" accept={accept} onChange={(event) => onChoose(event.target.files?.[0] ?? null)} />}
    </Field>
  );
}
