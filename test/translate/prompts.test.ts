import { describe, expect, it } from 'vitest';
import { fillPrompt, loadPrompt } from '../../src/translate/promptFiles.js';

describe('prompt files', () => {
  it('load from prompts/ and fill every variable verbatim', async () => {
    const system = await loadPrompt('translate-need.system');
    expect(system.inputVariables.sort()).toEqual(['language_name', 'taxonomy']);
    const text = await fillPrompt('translate-need.user', { need: 'tiles crack {{not a variable}} <b>' });
    expect(text).toContain('<<<NEED\ntiles crack {{not a variable}} <b>\nNEED>>>');
  });

  it('refuse to fill when a variable is missing', async () => {
    await expect(fillPrompt('translate-need.system', { language_name: 'English' })).rejects.toThrow(/taxonomy/);
  });
});
