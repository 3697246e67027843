import { parseMoneyWan } from "../../domain/money.ts";
import type { FormMeta } from "../blocks/forms.ts";

// Reading a submitted modal: block id = action id = field name (see forms.ts).

type StateValues = Record<string, Record<string, { type: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null; selected_user?: string | null; selected_options?: { value: string }[] | null }>>;

export class FormReader {
  readonly errors: Record<string, string> = {};
  constructor(private readonly values: StateValues) {}

  private raw(field: string) {
    return this.values[field]?.[field];
  }

  text(field: string): string | undefined {
    const v = this.raw(field)?.value?.trim();
    return v ? v : undefined;
  }

  choice(field: string): string | undefined {
    return this.raw(field)?.selected_option?.value ?? undefined;
  }

  date(field: string): string | undefined {
    return this.raw(field)?.selected_date ?? undefined;
  }

  /** A tick box (checkboxes with one option): ticked or not. */
  ticked(field: string): boolean {
    return (this.raw(field)?.selected_options?.length ?? 0) > 0;
  }

  user(field: string): string | undefined {
    return this.raw(field)?.selected_user ?? undefined;
  }

  /** Money in 万元; a bad value becomes an inline error under its field. */
  money(field: string): number | undefined {
    const t = this.text(field);
    if (t === undefined) return undefined;
    const r = parseMoneyWan(t.replace(/^\+/, ""));
    if (r.ok) return r.wan;
    this.errors[field] = r.error.slice(0, 150);
    return undefined;
  }

  require(field: string, message: string): void {
    if (this.text(field) === undefined && this.choice(field) === undefined && this.date(field) === undefined && this.user(field) === undefined) this.errors[field] = message;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

export function readMeta(privateMetadata: string | undefined): FormMeta {
  try {
    return privateMetadata ? (JSON.parse(privateMetadata) as FormMeta) : {};
  } catch {
    return {};
  }
}
