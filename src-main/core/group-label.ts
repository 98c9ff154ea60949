// The one way a group label is compared: "Åsen" typed as one character or as A + ring is one group.

/** The label as it is stored, shown and compared: Unicode NFC, without leading or trailing spaces. */
export function normalizeGroupLabel(label: string): string {
  return label.normalize('NFC').trim();
}

export function sameGroup(a: string, b: string): boolean {
  return normalizeGroupLabel(a) === normalizeGroupLabel(b);
}
