/**
 * Slack wants every action_id in a block to be unique, while the core may show several buttons
 * with one action (and different values). The rendered id is `<action>|<n>`; decoding drops `|<n>`.
 */
export const encodeActionId = (action: string, n: number): string => `${action}|${n}`;

export function decodeActionId(actionId: string): string {
  const bar = actionId.lastIndexOf('|');
  return bar === -1 ? actionId : actionId.slice(0, bar);
}

/** Handled by the adapter itself: the button that (re)opens a form as a modal. */
export const OPEN_FORM_ACTION = 'liaison.slack.openForm';

/** callback_id of every modal Liaison opens from a neutral form. */
export const FORM_CALLBACK_ID = 'liaison.form';
