// A form is filled in on the version of the project it was opened on. When
// others saved the project meanwhile, the form is not refused for that
// alone: what the form changed (its values that differ from that version) is
// compared with what was changed since (the history after that version).
// Different fields: the form's changes are applied on top, and the fields it
// merely showed unchanged are left as others set them. The same field: the
// form is refused, naming the field and who changed it.

/** A field changed after the form's version, oldest first: its value before that change and who made it. */
export interface ChangeSince<F extends string, V> {
  field: F;
  before: V;
  author: string;
}

export type MergeDecision<F extends string, V> =
  | { ok: true; patch: Partial<Record<F, V>> }
  | { ok: false; field: F; author: string };

/**
 * `form`: every field the form sends (changed or shown as it was); `current`:
 * the stored values now; `since`: the changes after the form's version,
 * oldest first. `sameField` folds fields that move together (a stage and its
 * dates) into one, so a stage moved meanwhile conflicts with the form's stage.
 */
export function mergeFormChanges<F extends string, V>(
  form: Partial<Record<F, V>>,
  current: Record<F, V>,
  since: ReadonlyArray<ChangeSince<F, V>>,
  same: (a: V, b: V) => boolean,
  sameField: (f: F) => string = (f) => f,
): MergeDecision<F, V> {
  // The value each field had on the form's version: before its first change since, else as it is now.
  const base = new Map<F, V>();
  const lastAuthor = new Map<string, { author: string }>();
  for (const c of since) {
    if (!base.has(c.field)) base.set(c.field, c.before);
    lastAuthor.set(sameField(c.field), { author: c.author });
  }
  const patch: Partial<Record<F, V>> = {};
  for (const field of Object.keys(form) as F[]) {
    const value = form[field] as V;
    const was = base.has(field) ? base.get(field)! : current[field];
    if (same(value, was)) continue; // shown as it was: not the form's change
    const other = lastAuthor.get(sameField(field));
    // Another person already set what the form sets: nothing is lost, nothing to write.
    if (other && same(value, current[field])) continue;
    if (other) return { ok: false, field, author: other.author };
    patch[field] = value;
  }
  return { ok: true, patch };
}
