import type { types } from '@slack/bolt';
import type { Block, FormInput } from '../../src/messages/reply.js';
import { FORM_CALLBACK_ID } from './actionIds.js';
import { LIMITS } from './slackLimits.js';
import { shorten } from './slackText.js';

type FormBlock = Extract<Block, { type: 'form' }>;

/** What a modal remembers between opening and submission (Slack's private_metadata). */
export interface FormOrigin {
  /** Key of the stored form, so a rejected submission can be reopened. */
  key: string;
  formId: string;
  /** Conversation the form came from; answers go there (a DM when absent). */
  channel?: string;
  threadTs?: string;
  direct: boolean;
}

/** The modal for a neutral form: one input block per input, block_id = input id. */
export function formToModal(form: FormBlock, origin: FormOrigin): types.ModalView {
  const metadata = JSON.stringify(origin);
  if (metadata.length > LIMITS.privateMetadata) throw new Error('form origin too long for private_metadata');
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: shorten(form.title, LIMITS.viewTitle) },
    submit: { type: 'plain_text', text: shorten(form.submitLabel, LIMITS.viewSubmit) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: metadata,
    blocks: form.inputs.slice(0, LIMITS.blocksPerView).map(inputBlock),
  };
}

function inputBlock(input: FormInput): types.InputBlock {
  return {
    type: 'input',
    block_id: input.id,
    optional: !input.required,
    label: { type: 'plain_text', text: shorten(input.label, LIMITS.inputLabel) },
    element: input.kind === 'select' ? selectElement(input) : textElement(input),
  };
}

function textElement(input: FormInput): types.PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: input.kind === 'paragraph',
    ...(input.placeholder ? { placeholder: { type: 'plain_text', text: shorten(input.placeholder, LIMITS.placeholder) } } : {}),
    ...(input.maxLength ? { max_length: Math.min(input.maxLength, LIMITS.inputMaxLength) } : {}),
  };
}

/** Up to 100 options directly; more go into groups of 100 (Slack's option_groups). */
function selectElement(input: FormInput): types.StaticSelect {
  const options = (input.options ?? []).map((o) => ({
    text: { type: 'plain_text' as const, text: shorten(o.label, LIMITS.optionText) },
    value: o.value,
  }));
  const placeholder = { type: 'plain_text' as const, text: shorten(input.placeholder ?? 'Choose…', LIMITS.placeholder) };
  if (options.length <= LIMITS.optionsPerSelect) return { type: 'static_select', action_id: 'value', placeholder, options };
  const groups: { label: types.PlainTextElement; options: typeof options }[] = [];
  for (let i = 0; i < options.length && groups.length < LIMITS.optionGroups; i += LIMITS.optionsPerSelect) {
    const part = options.slice(i, i + LIMITS.optionsPerSelect);
    groups.push({ label: { type: 'plain_text', text: `${i + 1}–${i + part.length}` }, options: part });
  }
  return { type: 'static_select', action_id: 'value', placeholder, option_groups: groups };
}

/** The entered values of a submitted modal, by input id; empty inputs are left out. */
export function submittedValues(state: { values: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>> }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    const entry = actions.value ?? Object.values(actions)[0];
    const value = entry?.selected_option?.value ?? entry?.value ?? undefined;
    if (value !== undefined && value !== null && value.trim() !== '') values[blockId] = value;
  }
  return values;
}

export function readOrigin(privateMetadata: string): FormOrigin | undefined {
  try {
    const parsed = JSON.parse(privateMetadata) as Partial<FormOrigin>;
    return typeof parsed.key === 'string' && typeof parsed.formId === 'string' ? (parsed as FormOrigin) : undefined;
  } catch {
    return undefined;
  }
}
