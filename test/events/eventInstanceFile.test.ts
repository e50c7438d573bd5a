import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstanceFileError, parseEventInstance, readEventInstance } from '../../src/events/scheduler/eventInstanceFile.js';

const EXAMPLE = new URL('../../bench/event-instance.example.json', import.meta.url).pathname;

const base = { slotMinutes: 20, slots: 9, tables: 2, participants: [{ id: 'a' }, { id: 'b' }], requests: [{ a: 'a', b: 'b' }] };

describe('event instance file', () => {
  it('reads the example in bench/, times turned into whole slots', async () => {
    const problem = await readEventInstance(EXAMPLE);
    expect(problem.slots).toBe(9);
    expect(problem.tables).toBe(2);
    const byId = new Map(problem.participants.map((p) => [p.id, p]));
    expect(byId.get('northwind-batteries')).toEqual({ id: 'northwind-batteries', presence: [{ from: 2, to: 9 }], maxMeetings: 3 });
    expect(byId.get('ocean-university-coatings')!.breaks).toEqual([{ from: 3, to: 6, length: 1 }]);
    expect(byId.get('tech-institute-electrolytes')!.presence).toEqual([{ from: 0, to: 5 }]);
    expect(byId.get('greenfield-agri')).toEqual({ id: 'greenfield-agri' });
    expect(problem.requests.at(-1)).toEqual({ id: 'r7', a: 'acme-marine', b: 'tech-institute-electrolytes', mutual: false, priority: 0 });
  });

  it('counts only whole slots inside a window, from the given start', () => {
    const problem = parseEventInstance({ ...base, start: '08:30', participants: [{ id: 'a', presence: [{ from: '08:40', to: '10:10' }] }, { id: 'b' }] });
    expect(problem.participants[0]!.presence).toEqual([{ from: 1, to: 5 }]); // 08:50–10:10
  });

  it.each([
    [{ ...base, slotMinutes: 25 }, 'slotMinutes: slots last 15, 20 or 30 minutes'],
    [{ ...base, tables: 0 }, 'tables: Too small'],
    [{ ...base, participants: [{ id: 'a', presence: [{ from: '9h', to: 3 }] }, { id: 'b' }] }, 'participants.0.presence.0.from'],
    [{ ...base, participants: [{ id: 'a', colour: 'red' }, { id: 'b' }] }, 'participants.0: Unrecognized key'],
    [{ ...base, requests: [{ a: 'a', b: 'zed' }] }, 'Request r1 names an unknown participant zed.'],
    [{ ...base, requests: [{ a: 'a', b: 'a' }] }, 'asks a to meet themselves'],
    [{ ...base, requests: [{ a: 'a', b: 'b' }, { a: 'b', b: 'a' }] }, 'repeats a pair'],
    [{ ...base, participants: [{ id: 'a', presence: [{ from: '08:00', to: '10:00' }] }, { id: 'b' }] }, 'participant a presence'],
    [{ ...base, participants: [{ id: 'a', breaks: [{ from: 0, to: 2, minutes: 60 }] }, { id: 'b' }] }, 'a break of 3 slots does not fit'],
  ])('explains what is wrong with a bad file (%#)', (json, message) => {
    expect(() => parseEventInstance(json)).toThrow(InstanceFileError);
    expect(() => parseEventInstance(json)).toThrow(message);
  });

  it('says so for a missing file or one that is not JSON', async () => {
    await expect(readEventInstance('/no/such/file.json')).rejects.toThrow('I cannot read the instance file /no/such/file.json.');
    const path = join(tmpdir(), `instance-${process.pid}.json`);
    await writeFile(path, '{ "slots": ');
    await expect(readEventInstance(path)).rejects.toThrow(/is not JSON/);
  });
});
