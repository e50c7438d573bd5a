import { describe, expect, it } from 'vitest';
import { actionId, parseComponentId } from '../../adapters/discord/customIds.js';
import { discordToPlain, escapeMarkdown, shorten, splitText } from '../../adapters/discord/discordText.js';
import { readMessage } from '../../adapters/discord/listenMessages.js';
import { formToModal, pageCount, submittedValues } from '../../adapters/discord/renderModal.js';
import { embedSize, renderReplies, type ComponentSink } from '../../adapters/discord/renderMessages.js';
import { slashCommands, slashToRouterText } from '../../adapters/discord/slashCommands.js';
import { inviteUrl } from '../../adapters/discord/registerCommands.js';
import { allCommands } from '../../src/commands/catalog.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { Reply } from '../../src/messages/reply.js';
import { needFormReply } from '../../src/needs/intake/needForm.js';
import { OpenApiSpec } from './fake/openapiSpec.js';

const sink: ComponentSink = {
  saveForm: async () => '11111111-1111-4111-8111-111111111111',
  saveAction: async () => '22222222-2222-4222-8222-222222222222',
};
const spec = new OpenApiSpec();
const messageSchema = { $ref: '#/components/schemas/MessageCreateRequest' };

describe('Discord text', () => {
  it('strips mentions and markdown from what people type', () => {
    const names = { user: (id: string) => (id === '42' ? 'bob' : undefined), channel: () => 'brokers', role: () => 'Brokers' };
    expect(discordToPlain('<@999> **match** <@!42> in <#7> for <@&8> ||now|| `12`', names, '999')).toBe('match @bob in #brokers for @Brokers now 12');
    expect(discordToPlain('> quoted\n# Title\n~~old~~ _new_ @everyone <:fire:123> <t:1700000000:R>')).toBe('quoted\nTitle\nold new everyone :fire:');
  });

  it('escapes markdown so Discord shows the text as written', () => {
    expect(escapeMarkdown('a*b_c `d` ~e~ |f|')).toBe('a\\*b\\_c \\`d\\` \\~e\\~ \\|f\\|');
    expect(escapeMarkdown('# not a title\n- not a list\nC# - fine')).toBe('\\# not a title\n\\- not a list\nC# - fine');
    expect(escapeMarkdown('see https://example.org/a_b*c for *this*')).toBe('see https://example.org/a_b*c for \\*this\\*');
  });

  it('splits at paragraphs, lines, then words, and cuts only an overlong word', () => {
    expect(splitText('aaa bbb\n\nccc ddd', 9)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(splitText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(shorten('Open form: Describe your technical need', 20)).toBe('Open form: Describe…');
  });
});

describe('custom ids', () => {
  it('round-trip actions and fall back to storage when too long', () => {
    expect(parseComponentId(actionId(3, 'match.shortlist', '12|a')!)).toEqual({ kind: 'action', action: 'match.shortlist', value: '12|a' });
    expect(actionId(1, 'x', 'v'.repeat(100))).toBeUndefined();
    expect(parseComponentId('m|abc|1')).toEqual({ kind: 'modal', key: 'abc', page: 1 });
    expect(parseComponentId('something-else')).toBeUndefined();
  });
});

describe('rendering replies within Discord limits', () => {
  it('keeps every embed, field, row and select within the limits, and every message valid for the spec', async () => {
    const long: Reply = {
      blocks: [
        { type: 'header', text: 'T'.repeat(300) },
        { type: 'text', text: Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ') },
        { type: 'fields', fields: Array.from({ length: 70 }, (_, i) => ({ label: `F${i}`, value: i === 0 ? 'z '.repeat(1500) : `${i}` })) },
        { type: 'actions', elements: Array.from({ length: 31 }, (_, i) => ({ type: 'button' as const, label: `B${i} ${'l'.repeat(100)}`, action: 'a', value: String(i) })) },
        { type: 'actions', elements: [{ type: 'select', placeholder: 'P', action: 's', options: Array.from({ length: 80 }, (_, i) => ({ label: `O${i}`, value: i === 5 ? 'v'.repeat(200) : `o${i}` })) }] },
        { type: 'context', text: 'footer' },
      ],
    };
    const messages = await renderReplies([long], sink);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(6000);
      expect(m.components.length).toBeLessThanOrEqual(5);
      const problems = spec.validate(messageSchema, { embeds: m.embeds, components: m.components, ...(m.content ? { content: m.content } : {}) }, 'message');
      expect(problems).toEqual([]);
    }
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(embeds.flatMap((e) => e.fields ?? []).filter((f) => !f.name.includes('continued'))).toHaveLength(70);
    expect(embeds.map((e) => e.description ?? '').join(' ')).toContain('w2999');
    expect(embeds.at(-1)!.footer?.text).toBe('footer');
    const rows = messages.flatMap((m) => m.components);
    expect(rows.filter((r) => r.components[0]!.type === 2)).toHaveLength(7); // 31 buttons, 5 a row
    expect(rows.filter((r) => r.components[0]!.type === 3)).toHaveLength(4); // 80 options, 25 a select
  });

  it('renders text-only replies as message content, private ones as ephemeral', async () => {
    const [m] = await renderReplies([{ blocks: [{ type: 'text', text: 'Hi *there*' }, { type: 'list', items: ['one', 'two'], ordered: true }], visibility: 'private' }], sink);
    expect(m).toEqual({ content: 'Hi \\*there\\*\n\n1. one\n2. two', embeds: [], components: [], files: [], ephemeral: true });
  });

  it('puts files on the last message, at most 10 and 10 MiB a message', async () => {
    const small = (i: number) => ({ filename: `chart${i}.png`, contentType: 'image/png', data: new Uint8Array(10) });
    const big = { filename: 'big.png', contentType: 'image/png', data: new Uint8Array(6 * 1024 * 1024) };
    const messages = await renderReplies([{ blocks: [{ type: 'text', text: 'Charts' }], attachments: [...Array.from({ length: 12 }, (_, i) => small(i)), big, big] }], sink);
    expect(messages.map((m) => [m.content ?? '', m.files.map((f) => f.filename).join(',')])).toEqual([
      ['Charts', Array.from({ length: 10 }, (_, i) => `chart${i}.png`).join(',')],
      ['', 'chart10.png,chart11.png,big.png'],
      ['', 'big.png'],
    ]);
    const [alone] = await renderReplies([{ blocks: [], attachments: [small(0)] }], sink);
    expect(alone).toEqual({ embeds: [], components: [], files: [small(0)], ephemeral: false });
  });

  it('shows a form as an "Open form" button', async () => {
    const [m] = await renderReplies([needFormReply()], sink);
    expect(m!.components[0]!.components[0]).toMatchObject({ type: 2, style: 1, custom_id: 'f|0|11111111-1111-4111-8111-111111111111|0' });
  });
});

describe('modals', () => {
  it('pages a long form five inputs at a time, valid for the spec, prefilled on reopen', () => {
    const form = needFormReply().blocks[0] as Extract<Reply['blocks'][number], { type: 'form' }>;
    expect(pageCount(form)).toBe(2);
    const page = formToModal(form, 'k', 0, { description: 'cold chain' });
    expect(page.components).toHaveLength(5);
    expect(spec.validate({ $ref: '#/components/schemas/ModalInteractionCallbackRequestData' }, page, 'modal')).toEqual([]);
    expect(JSON.stringify(page)).toContain('"value":"cold chain"');
    const second = formToModal(form, 'k', 1);
    expect(spec.validate({ $ref: '#/components/schemas/ModalInteractionCallbackRequestData' }, second, 'modal')).toEqual([]);
  });

  it('reads submitted values from labels and action rows, leaving out empty ones', () => {
    expect(submittedValues([
      { component: { customId: 'a', value: 'x' } },
      { components: [{ customId: 'b', value: '  ' }] },
      { component: { customId: 'c', values: ['eu'] } },
    ])).toEqual({ a: 'x', c: 'eu' });
  });
});

describe('slash commands', () => {
  it('are one per router command plus /liaison, valid for the spec', () => {
    const commands = slashCommands(allCommands(), new Set(['help']));
    expect(commands.at(-1)!.name).toBe('liaison');
    expect(spec.check('PUT', '/applications/1098765432109876543/commands', new URLSearchParams(), commands)).toEqual([]);
    expect(slashToRouterText('liaison', 'search cold storage')).toBe('/search cold storage');
    expect(slashToRouterText('liaison', null)).toBe('/help');
    expect(slashToRouterText('match', ' 12 ')).toBe('/match 12');
  });

  it('invite URL asks for bot + applications.commands and the minimal permissions', () => {
    const url = new URL(inviteUrl('1098765432109876543'));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('309237697536');
  });
});

describe('messages', () => {
  const base = { id: '1', content: 'hi', guildId: null, webhookId: null, system: false, author: { id: '5', bot: false }, attachments: { size: 0 }, stickers: { size: 0 } };
  it('ignores bots, webhooks, system and server messages; notices files without text', () => {
    expect(readMessage({ ...base, author: { id: '6', bot: true } }, '9').kind).toBe('ignore');
    expect(readMessage({ ...base, webhookId: '3' }, '9').kind).toBe('ignore');
    expect(readMessage({ ...base, guildId: '2' }, '9').kind).toBe('ignore');
    expect(readMessage({ ...base, content: '', attachments: { size: 1 } }, '9')).toEqual({ kind: 'files' });
    expect(readMessage({ ...base, content: '<@9> help' }, '9')).toEqual({ kind: 'text', text: 'help' });
  });
});

describe('Discord settings', () => {
  it('need the token and the application id together, each well formed', () => {
    const bad = loadConfig({ DISCORD_TOKEN: 'nope', DISCORD_APPLICATION_ID: '12' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.join('\n')).toContain('DISCORD_TOKEN: expected the bot token');
      expect(bad.problems.join('\n')).toContain('DISCORD_APPLICATION_ID: expected the application id');
      expect(bad.problems.join('\n')).not.toContain('nope');
    }
    const half = loadConfig({ DISCORD_APPLICATION_ID: '1098765432109876543' });
    expect(!half.ok && half.problems[0]).toContain('DISCORD_TOKEN: required');
    expect(loadConfig({ DISCORD_TOKEN: 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN', DISCORD_APPLICATION_ID: '1098765432109876543' }).ok).toBe(true);
  });
});
