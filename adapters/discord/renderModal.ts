import type { FormInput } from '../../src/messages/reply.js';
import type { FormBlock } from './componentStore.js';
import { modalId } from './customIds.js';
import { LIMITS } from './discordLimits.js';
import { shorten } from './discordText.js';

/** A modal as Discord's interaction callback expects it (type 9 data), as plain JSON. */
export interface ModalData {
  custom_id: string;
  title: string;
  components: LabelComponent[];
}

interface LabelComponent {
  type: 18;
  label: string;
  description?: string;
  component: TextInput | StringSelect;
}

interface TextInput {
  type: 4;
  custom_id: string;
  style: 1 | 2;
  required: boolean;
  placeholder?: string;
  max_length?: number;
  value?: string;
}

interface StringSelect {
  type: 3;
  custom_id: string;
  required: boolean;
  placeholder?: string;
  options: { label: string; value: string; default?: boolean }[];
  min_values: number;
  max_values: 1;
}

/** A modal holds five inputs; a longer form is shown page by page. */
export const pageCount = (form: FormBlock): number => Math.max(1, Math.ceil(form.inputs.length / LIMITS.inputsPerModal));

/** Page `page` of a stored form as a modal, prefilled with earlier answers (e.g. after a rejection). */
export function formToModal(form: FormBlock, key: string, page: number, values: Record<string, string> = {}): ModalData {
  const pages = pageCount(form);
  const inputs = form.inputs.slice(page * LIMITS.inputsPerModal, (page + 1) * LIMITS.inputsPerModal);
  const title = pages > 1 ? `${shorten(form.title, LIMITS.modalTitle - 8)} (${page + 1}/${pages})` : shorten(form.title, LIMITS.modalTitle);
  return { custom_id: modalId(key, page), title: title || 'Form', components: inputs.map((input) => labelled(input, values[input.id])) };
}

function labelled(input: FormInput, value: string | undefined): LabelComponent {
  const label = shorten(input.label, LIMITS.inputLabel) || input.id.slice(0, LIMITS.inputLabel);
  const description = label !== input.label.trim() ? shorten(input.label, 100) : undefined;
  const options = input.options ?? [];
  const asSelect = input.kind === 'select' && options.length > 0 && options.length <= LIMITS.optionsPerSelect && options.every((o) => o.value.length <= LIMITS.optionValue);
  return { type: 18, label, ...(description ? { description } : {}), component: asSelect ? select(input, value) : textInput(input, value) };
}

function textInput(input: FormInput, value: string | undefined): TextInput {
  // A select with too many options for Discord is asked as text, naming the choices.
  const choices = input.kind === 'select' && input.options?.length ? `One of: ${input.options.map((o) => o.label).join(', ')}` : undefined;
  const placeholder = input.placeholder ?? choices;
  return {
    type: 4,
    custom_id: input.id,
    style: input.kind === 'paragraph' ? 2 : 1,
    required: Boolean(input.required),
    ...(placeholder ? { placeholder: shorten(placeholder, LIMITS.inputPlaceholder) } : {}),
    ...(input.maxLength ? { max_length: Math.min(input.maxLength, LIMITS.inputMaxLength) } : {}),
    ...(value ? { value: value.slice(0, Math.min(input.maxLength ?? LIMITS.inputMaxLength, LIMITS.inputMaxLength)) } : {}),
  };
}

function select(input: FormInput, value: string | undefined): StringSelect {
  return {
    type: 3,
    custom_id: input.id,
    required: Boolean(input.required),
    ...(input.placeholder ? { placeholder: shorten(input.placeholder, LIMITS.placeholder) } : {}),
    options: (input.options ?? []).map((o) => ({ label: shorten(o.label, LIMITS.optionLabel) || o.value, value: o.value, ...(o.value === value ? { default: true } : {}) })),
    min_values: input.required ? 1 : 0,
    max_values: 1,
  };
}

/** A submitted modal component, as discord.js reports it (ModalSubmitInteraction#components). */
export interface SubmittedComponent {
  customId?: string;
  value?: string;
  values?: readonly string[];
  component?: SubmittedComponent;
  components?: readonly SubmittedComponent[];
}

/** The entered values of a submitted modal, by input id; empty inputs are left out. */
export function submittedValues(components: readonly SubmittedComponent[]): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (c: SubmittedComponent) => {
    if (c.component) visit(c.component);
    for (const inner of c.components ?? []) visit(inner);
    if (!c.customId) return;
    const value = c.value ?? c.values?.[0];
    if (value !== undefined && value.trim() !== '') values[c.customId] = value;
  };
  components.forEach(visit);
  return values;
}
