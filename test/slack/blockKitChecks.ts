/**
 * Block Kit limits Slack enforces with `invalid_blocks` (https://api.slack.com/reference/block-kit):
 * the fake Slack applies them to every blocks/view it receives.
 */
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function blockProblems(blocks: unknown, maxBlocks: number): string[] {
  if (!Array.isArray(blocks)) return ['blocks: not an array'];
  const p: string[] = [];
  if (blocks.length > maxBlocks) p.push(`blocks: ${blocks.length} > ${maxBlocks}`);
  blocks.forEach((b: Obj, i) => {
    const at = `blocks[${i}] (${b.type})`;
    const text = (t: Obj | undefined, max: number, what: string) => {
      if (t && typeof t.text === 'string' && t.text.length > max) p.push(`${at} ${what}: ${t.text.length} chars > ${max}`);
      if (t && typeof t.text === 'string' && t.text.length === 0) p.push(`${at} ${what}: empty`);
    };
    switch (b.type) {
      case 'header':
        if (b.text?.type !== 'plain_text') p.push(`${at}: header text must be plain_text`);
        text(b.text, 150, 'text');
        break;
      case 'section':
        if (!b.text && !b.fields) p.push(`${at}: needs text or fields`);
        text(b.text, 3000, 'text');
        if (b.fields && b.fields.length > 10) p.push(`${at}: ${b.fields.length} fields > 10`);
        for (const f of b.fields ?? []) text(f, 2000, 'field');
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) p.push(`${at}: 1-10 elements`);
        for (const e of b.elements ?? []) text(e, 3000, 'element');
        break;
      case 'actions': {
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25) p.push(`${at}: 1-25 elements`);
        const ids = (b.elements ?? []).map((e: Obj) => e.action_id);
        if (new Set(ids).size !== ids.length) p.push(`${at}: duplicate action_id`);
        for (const e of b.elements ?? []) p.push(...elementProblems(e, at));
        break;
      }
      case 'input':
        text(b.label, 2000, 'label');
        p.push(...elementProblems(b.element, at));
        break;
      case 'divider':
        break;
      default:
        p.push(`${at}: unexpected block type`);
    }
  });
  return p;
}

function elementProblems(e: Obj, at: string): string[] {
  const p: string[] = [];
  if (typeof e.action_id === 'string' && e.action_id.length > 255) p.push(`${at}: action_id > 255`);
  if (e.type === 'button') {
    if ((e.text?.text ?? '').length > 75) p.push(`${at}: button text > 75`);
    if ((e.value ?? '').length > 2000) p.push(`${at}: button value > 2000`);
  } else if (e.type === 'static_select') {
    if ((e.placeholder?.text ?? '').length > 150) p.push(`${at}: placeholder > 150`);
    if (e.options && (e.options.length === 0 || e.options.length > 100)) p.push(`${at}: ${e.options.length} options (1-100)`);
    if (!e.options && !e.option_groups) p.push(`${at}: select without options`);
    for (const o of [...(e.options ?? []), ...(e.option_groups ?? []).flatMap((g: Obj) => g.options)]) {
      if (o.text.text.length > 75) p.push(`${at}: option text > 75`);
      if (o.value.length > 150) p.push(`${at}: option value > 150`);
    }
  } else if (e.type === 'plain_text_input') {
    if (e.max_length !== undefined && (e.max_length < 1 || e.max_length > 3000)) p.push(`${at}: max_length out of 1-3000`);
  } else p.push(`${at}: unexpected element ${e.type}`);
  return p;
}

export function viewProblems(view: Obj): string[] {
  const p: string[] = [];
  if (view.type !== 'modal' && view.type !== 'home') p.push(`view.type ${view.type}`);
  p.push(...blockProblems(view.blocks, 100));
  if (view.type === 'modal') {
    for (const key of ['title', 'submit', 'close']) if (view[key] && view[key].text.length > 24) p.push(`view.${key} > 24 chars`);
    if (!view.title) p.push('view.title missing');
    if ((view.private_metadata ?? '').length > 3000) p.push('view.private_metadata > 3000');
  }
  return p;
}
