import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { checkNeedText } from '../../src/translate/needText.js';

const rejects = (text: string, code: string) => {
  try {
    checkNeedText(text);
  } catch (err) {
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as UserFacingError).code).toBe(code);
    expect((err as UserFacingError).message.length).toBeGreaterThan(10);
    return;
  }
  throw new Error(`expected ${code}`);
};

describe('need text checks', () => {
  it('rejects 1 character and 100,000 characters with a friendly message', () => {
    rejects('x', 'need.too_short');
    rejects('a'.repeat(100_000), 'need.too_long');
  });
  it('rejects languages other than English and Chinese', () => {
    rejects('Наши плитки трескаются при быстром обжиге', 'need.language');
    rejects('タイルが速い焼成で割れます', 'need.language');
    rejects('우리 타일이 빠른 소성에서 갈라집니다', 'need.language');
  });
  it('rejects languages other than English in the Latin script, by their words', () => {
    rejects('Unsere Keramikfliesen reißen beim schnellen Brennen im Ofen.', 'need.language');
    rejects('Die Rohre in unserer Anlage korrodieren, wir brauchen eine bessere Beschichtung für Meerwasser.', 'need.language');
    rejects("Nos tuyaux en acier se corrodent dans l'eau de mer, nous cherchons un revêtement.", 'need.language');
    rejects('Nuestras tuberías de acero se corroen en agua de mar y necesitamos un recubrimiento.', 'need.language');
  });
  it('accepts English written as keywords, with acronyms, or with place names', () => {
    expect(checkNeedText('steel pipes corrosion seawater coating offshore platform').script).toBe('en');
    expect(checkNeedText('PEMFC MEA degradation under cycling at our plant in Shenzhen').script).toBe('en');
    expect(checkNeedText('Our ORC unit at the Guangzhou plant trips when the HRSG outlet drops below 90 C.').script).toBe('en');
  });
  it('rejects binary noise', () => {
    rejects(Buffer.from([0, 1, 2, 3, 255, 254, 7, 8, 0x1b, 65, 66, 0, 0, 3]).toString('latin1'), 'need.binary');
    rejects('\uFFFD\uFFFD\u0001\u0002 garbage \u0000\u0003', 'need.binary');
  });
  it('accepts English, Chinese and mixed needs', () => {
    expect(checkNeedText('  Our tiles crack when fired faster ').script).toBe('en');
    expect(checkNeedText('我们的瓷砖烧快了就开裂').script).toBe('zh');
    expect(checkNeedText('Our ORC 机组 efficiency is low').text).toBe('Our ORC 机组 efficiency is low');
  });
});
