import { describe, expect, it } from 'vitest';
import { redact } from '../../src/translate/redact.js';

describe('redaction before an external model', () => {
  it('removes e-mails, phone numbers, URLs and names, and keeps the technical content', () => {
    const text = 'Hi, my name is John Smith (Dr. Anna Berg also helps). Email john.smith@acme-tiles.com, call +44 20 7946 0958 or 13812345678, see https://acme.example/x. Our tiles crack at 1200 °C when the firing cycle drops to 40 minutes. Regards, John Smith';
    const r = redact(text, { knownNames: ['John Smith'] });
    for (const gone of ['John Smith', 'Anna Berg', 'john.smith@acme-tiles.com', '7946 0958', '13812345678', 'https://acme.example']) expect(r.text).not.toContain(gone);
    expect(r.text).toContain('tiles crack at 1200 °C when the firing cycle drops to 40 minutes');
    expect(r.removed).toMatchObject({ email: 1, url: 1 });
    expect(r.removed.phone).toBe(2);
  });

  it('removes Chinese names and phone numbers', () => {
    const r = redact('我叫王伟，电话0755-86001234，手机13912345678。张经理说窑炉温度不均匀导致瓷砖开裂。');
    expect(r.text).not.toMatch(/王伟|86001234|13912345678|张经理/);
    expect(r.text).toContain('窑炉温度不均匀导致瓷砖开裂');
  });

  it('removes company names only when the need is confidential', () => {
    const text = 'Acme Ceramics Co., Ltd. and 佛山华美陶瓷有限公司 see cracking in glazed tiles; Tilecorp GmbH supplies the kiln.';
    expect(redact(text).text).toContain('Acme Ceramics');
    const r = redact(text, { confidential: true, knownOrgs: ['Tilecorp'] });
    expect(r.text).not.toMatch(/Acme Ceramics|华美陶瓷|Tilecorp/);
    expect(r.text).toContain('cracking in glazed tiles');
    expect(r.removed.company).toBeGreaterThanOrEqual(3);
  });
});
