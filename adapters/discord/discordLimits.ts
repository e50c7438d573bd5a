/** Discord's message and component limits (https://discord.com/developers/docs), in one place. */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Characters of all embeds in one message together (titles, descriptions, fields, footers). */
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  rowsPerMessage: 5,
  filesPerMessage: 10,
  /** Upload limit of a message without server boosts (`attachment_size_limit`), all files together. */
  fileBytesPerMessage: 10 * 1024 * 1024,
  attachmentDescription: 1024,
  buttonsPerRow: 5,
  buttonLabel: 80,
  optionsPerSelect: 25,
  optionLabel: 100,
  optionValue: 100,
  placeholder: 150,
  customId: 100,
  modalTitle: 45,
  /** Top-level components (one per input) in one modal. */
  inputsPerModal: 5,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputMaxLength: 4000,
  commandName: 32,
  commandDescription: 100,
  optionDescription: 100,
  commandsPerApp: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** The message flag that makes an interaction reply visible only to the person who asked. */
export const EPHEMERAL = 1 << 6;
