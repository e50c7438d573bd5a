import { describe, expect, it } from 'vitest';
import { decodeActionId } from '../../adapters/slack/actionIds.js';
import { readMessage, slashToRouterText } from '../../adapters/slack/inboundMessage.js';
import { formToModal, submittedValues } from '../../adapters/slack/renderModal.js';
import { renderReply } from '../../adapters/slack/renderBlocks.js';
import { escapeMrkdwn, shorten, slackToPlain, splitText } from '../../adapters/slack/slackText.js';
import { blockProblems, viewProblems } from './blockKitChecks.js';

describe('Slack text', () => {
  it('turns Slack markup into the plain text the person saw', () => {
    expect(slackToPlain('<@U123> hi <@U456|bob>, see <#C1|general> and <#C2>')).toBe('@U123 hi @bob, see #general and #C2');
    expect(slackToPlain('read <https://example.org/a?b=1&amp;c=2|the paper> or <https://x.org>')).toBe('read the paper (https://example.org/a?b=1&c=2) or https://x.org');
    expect(slackToPlain('<http://www.tsinghua.edu.cn|www.tsinghua.edu.cn>')).toBe('http://www.tsinghua.edu.cn');
    expect(slackToPlain('<mailto:a@b.cn|a@b.cn> <!here> <!subteam^S1|@brokers> <!date^1700000000^{date}|Nov 14>')).toBe('a@b.cn @here @brokers Nov 14');
    expect(slackToPlain('1 &lt; 2 &amp;&amp; 3 &gt; 2, literally &amp;lt;')).toBe('1 < 2 && 3 > 2, literally &lt;');
  });

  it('escapes &, < and > for mrkdwn', () => {
    expect(escapeMrkdwn('R&D <b> 3>2')).toBe('R&amp;D &lt;b&gt; 3&gt;2');
  });

  it('splits between words (or lines), never inside one, counting escaped length', () => {
    const text = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const parts = splitText(text, 100);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(parts.join(' ')).toBe(text);
    expect(splitText('line one\nline two\nline three', 18)).toEqual(['line one\nline two', 'line three']);
    expect(splitText('&&&& &&&&', 20)).toEqual(['&&&&', '&&&&']); // 5 chars per escaped &
    expect(shorten('Describe your technical need', 24)).toBe('Describe your technical…');
  });
});

describe('Block Kit rendering', () => {
  it('renders every neutral block within the limits', () => {
    const [message, ...rest] = renderReply({
      blocks: [
        { type: 'header', text: 'Matches' },
        { type: 'text', text: 'Use <this> & that' },
        { type: 'fields', fields: Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `v${i}` })) },
        { type: 'list', items: ['one', 'two'], ordered: true },
        { type: 'context', text: 'ctx' },
        { type: 'divider' },
        { type: 'actions', elements: [{ type: 'button', label: 'Shortlist', action: 'match.shortlist', value: '7', style: 'primary' }, { type: 'button', label: 'Hide', action: 'match.shortlist', value: '8' }] },
      ],
    });
    expect(rest).toEqual([]);
    expect(blockProblems(message!.blocks, 50)).toEqual([]);
    expect(message!.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'context', 'divider', 'actions']);
    expect(JSON.stringify(message!.blocks[1])).toContain('Use &lt;this&gt; &amp; that');
    expect(JSON.stringify(message!.blocks[4])).toContain('1. one\\n2. two');
    expect(message!.text).toContain('Matches');
    const ids = (message!.blocks[7] as { elements: { action_id: string }[] }).elements.map((e) => decodeActionId(e.action_id));
    expect(ids).toEqual(['match.shortlist', 'match.shortlist']);
  });

  it('turns a form into a modal and reads a submission back', () => {
    const view = formToModal(
      { type: 'form', id: 'need.intake', title: 'Describe your technical need in detail', submitLabel: 'Send', inputs: [
        { id: 'summary', label: 'Problem', kind: 'paragraph', required: true, maxLength: 5000 },
        { id: 'sector', label: 'Sector', kind: 'select', options: Array.from({ length: 150 }, (_, i) => ({ label: `Sector ${i}`, value: `s${i}` })) },
      ] },
      { key: 'k1', formId: 'need.intake', channel: 'D1', direct: true },
    );
    expect(viewProblems(view as unknown as Record<string, unknown>)).toEqual([]);
    expect(JSON.parse(view.private_metadata!)).toMatchObject({ formId: 'need.intake' });
    expect(submittedValues({ values: { summary: { value: { value: 'cracks' } }, sector: { value: { selected_option: { value: 's3' } } }, empty: { value: { value: ' ' } } } })).toEqual({ summary: 'cracks', sector: 's3' });
  });
});

describe('inbound messages', () => {
  it('ignores bots, edits and deletions and strips the mention of the bot', () => {
    expect(readMessage({ type: 'message', bot_id: 'B1', text: 'hi', user: 'U1' }).kind).toBe('ignore');
    expect(readMessage({ type: 'message', subtype: 'bot_message', text: 'hi' }).kind).toBe('ignore');
    expect(readMessage({ type: 'message', subtype: 'message_changed' }).kind).toBe('ignore');
    expect(readMessage({ type: 'message', subtype: 'message_deleted' }).kind).toBe('ignore');
    expect(readMessage({ type: 'message', user: 'UBOT', text: 'x' }, 'UBOT').kind).toBe('ignore');
    expect(readMessage({ type: 'message', subtype: 'file_share', user: 'U1', text: '', files: [{}] })).toEqual({ kind: 'files' });
    expect(readMessage({ type: 'app_mention', user: 'U1', text: '<@UBOT> search &lt;cold&gt; storage' }, 'UBOT')).toEqual({ kind: 'text', text: 'search <cold> storage' });
  });

  it('maps /liaison subcommands onto router commands', () => {
    expect(slashToRouterText('search cold storage')).toBe('/search cold storage');
    expect(slashToRouterText('')).toBe('/help');
    expect(slashToRouterText('/status')).toBe('/status');
  });
});
