/**
 * The neutral message model: every handler answers with these, every adapter renders them
 * (console text, Slack Block Kit, Discord embeds and components). No platform markup inside.
 */
export interface Button {
  type: 'button';
  label: string;
  /** Action id the router dispatches on, e.g. 'match.shortlist'. */
  action: string;
  value?: string;
  style?: 'primary' | 'danger';
}

export interface SelectOption {
  label: string;
  value: string;
}

export interface Select {
  type: 'select';
  placeholder: string;
  action: string;
  options: SelectOption[];
}

export interface FormInput {
  id: string;
  label: string;
  kind: 'text' | 'paragraph' | 'select';
  required?: boolean;
  options?: SelectOption[];
  placeholder?: string;
  maxLength?: number;
}

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'actions'; elements: (Button | Select)[] }
  | { type: 'form'; id: string; title: string; submitLabel: string; inputs: FormInput[] };

/**
 * A file that goes with a reply: a calendar invite (.ics), a chart (.png). Adapters upload it
 * (Slack files.uploadV2, Discord message attachments); the console saves it and prints the path.
 */
export interface Attachment {
  filename: string;
  /** MIME type, e.g. 'text/calendar; method=REQUEST' or 'image/png'. */
  contentType: string;
  data: Uint8Array;
  /** What the file shows, for screen readers and where files cannot be shown. */
  altText?: string;
}

export interface Reply {
  blocks: Block[];
  attachments?: Attachment[];
  /** 'private' replies are shown only to the person who asked, where the platform allows it. */
  visibility?: 'public' | 'private';
  /** 'error' replies tell the person something went wrong with what they sent. */
  tone?: 'normal' | 'error';
  /**
   * Answer to a form submission that is not accepted: a message per input id. Adapters show
   * them next to the inputs and keep the form open (Slack: `response_action: errors`).
   */
  fieldErrors?: Record<string, string>;
}

export const reply = (...blocks: Block[]): Reply => ({ blocks });

export const textReply = (text: string): Reply => reply({ type: 'text', text });

export const errorReply = (text: string, hint?: string): Reply => ({
  blocks: hint ? [{ type: 'text', text }, { type: 'context', text: hint }] : [{ type: 'text', text }],
  tone: 'error',
  visibility: 'private',
});
