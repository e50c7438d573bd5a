import { describe, expect, it } from 'vitest';
import { parseSubscribeArgs } from '../../src/digests/subscribeArgs.js';
import { checkSchedule, latestFiring, nextFiring } from '../../src/digests/schedule.js';
import { describeSchedule } from '../../src/digests/describeSchedule.js';
import { UserFacingError } from '../../src/errors.js';

const words = (s: string) => s.split(' ').filter(Boolean);

describe('/digest subscribe words', () => {
  it('defaults to weekly on Monday at 08:00 and reads day, time, zone, language and audience in any order', () => {
    expect(parseSubscribeArgs([])).toEqual({ cron: '0 8 * * 1' });
    expect(parseSubscribeArgs(words('weekly fri 17:45 Europe/Berlin zh brokers'))).toEqual({ cron: '45 17 * * 5', timeZone: 'Europe/Berlin', language: 'zh', audience: 'brokers' });
    expect(parseSubscribeArgs(words('UTC daily 6pm'))).toEqual({ cron: '0 18 * * *', timeZone: 'UTC' });
    expect(parseSubscribeArgs(words('每周 周三 9:05 Asia/Shanghai'))).toEqual({ cron: '5 9 * * 3', timeZone: 'Asia/Shanghai' });
    expect(parseSubscribeArgs(words('cron "30 7 * * 1-5" Asia/Tokyo mixed'))).toEqual({ cron: '30 7 * * 1-5', timeZone: 'Asia/Tokyo', audience: 'mixed' });
    expect(parseSubscribeArgs(words('cron 0 12 1 * * UTC'))).toEqual({ cron: '0 12 1 * *', timeZone: 'UTC' });
  });

  it('names the word it did not understand', () => {
    for (const [input, message] of [
      ['weekly someday', /did not understand "someday"/],
      ['13pm', /"13pm" is not a time of day/],
      ['7:75', /"7:75" is not a time of day/],
      ['daily sun', /daily digest has no day/],
      ['cron 1 2 3', /five fields/],
    ] as const) {
      expect(() => parseSubscribeArgs(words(input))).toThrow(message);
    }
  });
});

describe('digest schedules', () => {
  it('checks cron and time zone with friendly errors and spells the zone as IANA does', () => {
    expect(checkSchedule({ cron: ' 0  8 * * 1 ', timeZone: 'asia/shanghai' })).toEqual({ cron: '0 8 * * 1', timeZone: 'Asia/Shanghai' });
    expect(() => checkSchedule({ cron: '0 8 * * 1', timeZone: 'Mars/Olympus' })).toThrow(UserFacingError);
    expect(() => checkSchedule({ cron: '0 0 31 2 *', timeZone: 'UTC' })).toThrow(/not a valid schedule/);
    expect(() => checkSchedule({ cron: '@weekly', timeZone: 'UTC' })).toThrow(/five-field/);
    expect(() => checkSchedule({ cron: '*/10 * * * *', timeZone: 'UTC' })).toThrow(/more often than once an hour/);
    expect(checkSchedule({ cron: '0 * * * *', timeZone: 'UTC' }).cron).toBe('0 * * * *');
  });

  it('fires at the local time across a daylight-saving change', () => {
    const s = { cron: '0 8 * * 1', timeZone: 'Europe/Berlin' };
    // Summer time ends on Sunday 25 Oct 2026: Monday 08:00 is 06:00 UTC before, 07:00 UTC after.
    expect(nextFiring(s, new Date('2026-10-18T12:00:00Z')).toISOString()).toBe('2026-10-19T06:00:00.000Z');
    expect(nextFiring(s, new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });

  it('the latest firing includes the exact instant and nothing before the subscription', () => {
    const s = { cron: '0 9 * * *', timeZone: 'UTC' };
    const at = new Date('2026-11-23T09:00:00Z');
    expect(latestFiring(s, at, new Date(0))?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(latestFiring(s, new Date('2026-11-23T08:59:59Z'), new Date('2026-11-23T08:00:00Z'))).toBeUndefined();
  });

  it('describes schedules in words', () => {
    expect(describeSchedule({ cron: '5 9 * * 3', timeZone: 'UTC' })).toBe('weekly on Wednesday at 09:05 (UTC)');
    expect(describeSchedule({ cron: '30 18 * * *', timeZone: 'Asia/Shanghai' })).toBe('daily at 18:30 (Asia/Shanghai)');
    expect(describeSchedule({ cron: '0 7 * * 1-5', timeZone: 'UTC' })).toBe('on cron "0 7 * * 1-5" (UTC)');
  });
});
