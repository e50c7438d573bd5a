import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { Inbound } from '../../src/commands/types.js';
import { errorReply, type Reply } from '../../src/messages/reply.js';
import { loadAction, loadForm, saveFormValues } from './componentStore.js';
import { parseComponentId } from './customIds.js';
import { actorFor, placeIn, type Place } from './discordActor.js';
import { firstDelivery, type DiscordContext } from './discordContext.js';
import { LIMITS } from './discordLimits.js';
import { shorten } from './discordText.js';
import { formToModal, pageCount, submittedValues, type SubmittedComponent } from './renderModal.js';
import { OPEN_FORM_ACTION } from './renderMessages.js';
import { ARGS_OPTION, CATCH_ALL, slashToRouterText } from './slashCommands.js';

const STALE = errorReply('That button is no longer active.', 'Run the command again to get a fresh one.');
const FORM_GONE = errorReply('That form is no longer available.', 'Run the command again to get a fresh one.');

/**
 * Every interaction: slash commands, autocompletion, buttons, selects and modal submissions.
 * Each is claimed once (claimEvent 'discord', interaction id) and acknowledged at once with a
 * deferred reply (Discord allows 3 s); the answer replaces it when the router is done.
 */
export async function onInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction);
    if (!(await firstDelivery(ctx, interaction.id))) return;
    if (interaction.isChatInputCommand()) return await slashCommand(ctx, interaction);
    if (interaction.isButton() || interaction.isStringSelectMenu()) return await component(ctx, interaction);
    if (interaction.isModalSubmit()) return await modalSubmit(ctx, interaction);
    ctx.log.debug({ type: interaction.type }, 'Discord interaction of a kind Liaison does not use');
  } catch (err) {
    ctx.log.error({ err, interaction: interaction.id }, 'a Discord interaction failed');
  }
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

function placeOf(ctx: DiscordContext, i: Answerable | AutocompleteInteraction): Place {
  const name = i.member && 'displayName' in i.member ? i.member.displayName : (i.user.globalName ?? i.user.username);
  return { workspaceId: ctx.workspaceId, userId: i.user.id, displayName: name, ...placeIn(i.channel, i.channelId, i.guildId) };
}

/** Defers at once: ephemeral in servers until the core says the answer is public. */
async function defer(i: Answerable): Promise<boolean> {
  const ephemeral = i.inGuild();
  await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  return ephemeral;
}

async function run(ctx: DiscordContext, i: Answerable, inbound: Inbound | Reply[], deferredEphemeral: boolean): Promise<void> {
  const replies = Array.isArray(inbound) ? inbound : await ctx.router.handle(actorFor(placeOf(ctx, i)), inbound);
  await ctx.delivery.toInteraction(i, replies, { deferredEphemeral });
}

async function slashCommand(ctx: DiscordContext, i: ChatInputCommandInteraction): Promise<void> {
  const ephemeral = await defer(i);
  const text = slashToRouterText(i.commandName, i.options.getString(ARGS_OPTION));
  await run(ctx, i, { kind: 'text', text }, ephemeral);
}

async function component(ctx: DiscordContext, i: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
  const id = parseComponentId(i.customId);
  // "Open form" must answer with the modal itself: a modal cannot follow a deferral.
  if (id?.kind === 'openForm') return openForm(ctx, i, id.key, id.page);
  const ephemeral = await defer(i);
  if (!id || id.kind === 'modal') return run(ctx, i, [STALE], ephemeral);
  let action: string;
  let value: string | undefined;
  if (id.kind === 'stored') {
    const stored = await loadAction(ctx.db, id.key);
    if (!stored) return run(ctx, i, [STALE], ephemeral);
    ({ action, value } = stored);
  } else ({ action, value } = id);
  if (i.isStringSelectMenu()) {
    const picked = i.values[0] ?? '';
    if (picked.startsWith('k:')) {
      const stored = await loadAction(ctx.db, picked.slice(2));
      if (!stored) return run(ctx, i, [STALE], ephemeral);
      ({ action, value } = stored);
    } else value = picked.replace(/^v:/, '');
  }
  await run(ctx, i, { kind: 'action', action, ...(value !== undefined ? { value } : {}) }, ephemeral);
}

async function openForm(ctx: DiscordContext, i: ButtonInteraction | StringSelectMenuInteraction, key: string, page: number): Promise<void> {
  const stored = await loadForm(ctx.db, key);
  if (!stored || page >= pageCount(stored.form)) {
    await i.deferReply(i.inGuild() ? { flags: MessageFlags.Ephemeral } : {});
    return run(ctx, i, [FORM_GONE], i.inGuild());
  }
  await i.showModal(formToModal(stored.form, key, page, stored.values) as never);
}

/**
 * A submitted modal page. Earlier pages are kept with the stored form and the next page is
 * offered; the last page sends every answer to the router as the form's action. Answers the
 * core rejects (fieldErrors) are listed privately with a button that reopens the form, filled in.
 */
async function modalSubmit(ctx: DiscordContext, i: ModalSubmitInteraction): Promise<void> {
  const ephemeral = await defer(i);
  const id = parseComponentId(i.customId);
  const stored = id?.kind === 'modal' ? await loadForm(ctx.db, id.key) : undefined;
  if (!stored || id?.kind !== 'modal') return run(ctx, i, [FORM_GONE], ephemeral);
  const page = id.page;
  const pages = pageCount(stored.form);
  const onPage = new Set(stored.form.inputs.slice(page * LIMITS.inputsPerModal, (page + 1) * LIMITS.inputsPerModal).map((f) => f.id));
  const kept = Object.fromEntries(Object.entries(stored.values).filter(([k]) => !onPage.has(k)));
  const values = { ...kept, ...submittedValues(i.components as unknown as SubmittedComponent[]) };
  await saveFormValues(ctx.db, id.key, values);
  if (page + 1 < pages) return run(ctx, i, [nextPage(stored.form.title, id.key, page + 1, pages)], ephemeral);
  const replies = await ctx.router.handle(actorFor(placeOf(ctx, i)), { kind: 'action', action: stored.form.id, values });
  await run(ctx, i, replies.map((r) => (r.fieldErrors ? rejected(r, stored.form.inputs, id.key) : r)), ephemeral);
}

function nextPage(title: string, key: string, page: number, pages: number): Reply {
  return {
    visibility: 'private',
    blocks: [
      { type: 'text', text: `${title}: part ${page} of ${pages} saved.` },
      { type: 'actions', elements: [{ type: 'button', label: `Continue (part ${page + 1} of ${pages})`, action: OPEN_FORM_ACTION, value: `${key}|${page}`, style: 'primary' }] },
    ],
  };
}

/** Discord modals cannot show errors next to inputs: list them, with the form to reopen. */
function rejected(r: Reply, inputs: readonly { id: string; label: string }[], key: string): Reply {
  const errors = Object.entries(r.fieldErrors ?? {});
  const firstBad = Math.max(0, inputs.findIndex((f) => f.id === errors[0]?.[0]));
  const page = Math.floor(firstBad / LIMITS.inputsPerModal);
  return {
    tone: 'error',
    visibility: 'private',
    blocks: [
      { type: 'text', text: 'Some answers in the form need another look:' },
      { type: 'list', items: errors.map(([input, message]) => `${inputs.find((f) => f.id === input)?.label ?? input}: ${message}`) },
      { type: 'actions', elements: [{ type: 'button', label: 'Open the form again', action: OPEN_FORM_ACTION, value: `${key}|${page}`, style: 'primary' }] },
    ],
  };
}

/** Suggestions for a command's `text` option: command names for /help and /liaison, else the hook. */
async function autocomplete(ctx: DiscordContext, i: AutocompleteInteraction): Promise<void> {
  const typed = String(i.options.getFocused() ?? '');
  let choices: { name: string; value: string }[] = [];
  if (i.commandName === 'help' || (i.commandName === CATCH_ALL && !typed.includes(' '))) {
    const word = typed.trim().replace(/^[/／]/, '').toLowerCase();
    choices = ctx.router.commands
      .filter((c) => c.name.startsWith(word))
      .map((c) => ({ name: shorten(`${c.name} — ${c.summary}`, LIMITS.choiceName), value: c.name }));
  } else if (ctx.autocomplete?.commands.includes(i.commandName)) {
    try {
      choices = await ctx.autocomplete.suggest({ command: i.commandName, typed, actor: actorFor(placeOf(ctx, i)) });
    } catch (err) {
      ctx.log.warn({ err, command: i.commandName }, 'autocompletion failed; offering nothing');
    }
  }
  const valid = choices
    .filter((c) => c.value.length > 0 && c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.autocompleteChoices)
    .map((c) => ({ name: shorten(c.name, LIMITS.choiceName) || c.value, value: c.value }));
  await i.respond(valid);
}
