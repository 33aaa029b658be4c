/**
 * The `skills` assignment strategy on both databases: the SLA ticket's triage stage owned by agents
 * `by skills`; the record's tags are its `category` and `skills` fields, its region the province of
 * its `region` field. The most matching tags win, then the record's region, then the least open work
 * (then round-robin); the `record.assigned` event's reason and `matched` say which matched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/runtime-harness';
import { DIALECTS } from '../../helpers/test-databases';
import { publish, slaFixture } from './record-fixtures';
import { submitRecord } from '../../../runtime/records/record-service';

const START = '2026-11-24T09:00:00+08:00';

const form = {
  ...slaFixture.form,
  fields: [
    ...(slaFixture.form.fields as unknown[]),
    {
      key: 'skills',
      type: 'select',
      multiple: true,
      label: { en: 'Skills' },
      options: ['screen', 'battery', 'water'].map((value) => ({ value, label: { en: value } })),
    },
    {
      key: 'place',
      type: 'section',
      label: { en: 'Place' },
      fields: [{ key: 'area', type: 'region', level: 'province', label: { en: 'Area' } }],
    },
  ],
};

const machine = slaFixture.flow.machine as { states: Record<string, { meta?: Record<string, unknown> }> };
const flow = {
  ...slaFixture.flow,
  machine: {
    ...machine,
    states: {
      ...machine.states,
      triage: {
        ...machine.states.triage,
        meta: { ...machine.states.triage!.meta, owner: { role: 'agent', strategy: 'skills' } },
      },
    },
  },
};

const AGENTS = [
  { id: 'a1-screen-gd', skills: ['Screen'], region: '广东省/深圳市' },
  { id: 'a2-screen-zj', skills: ['screen'], region: '浙江省' },
  { id: 'a3-battery-gd', skills: ['battery'], region: '广东省' },
  { id: 'a4-none', skills: [], region: null },
];

describe.each(DIALECTS)('skills assignment on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect, START);
    await publish(h.runtime, 'form', form);
    await publish(h.runtime, 'flow', flow);
    await h.db.knex('users').insert(
      [...AGENTS, { id: 'off-screen-gd', skills: ['screen'], region: '广东省', active: false }].map((u) => ({
        id: u.id,
        username: u.id,
        roles: JSON.stringify(['agent']),
        skills: JSON.stringify(u.skills),
        region: u.region,
        active: 'active' in u ? u.active : true,
        created_at: 0,
      })),
    );
  });
  afterAll(() => h?.close());

  async function assigned(data: Record<string, unknown>) {
    const record = await submitRecord(
      h.runtime,
      'sla-ticket',
      { data: { title: 'T', ...data } },
      { id: null },
    );
    const event = await h.db
      .knex('events')
      .where({ stream: 'record', stream_id: record.id, type: 'record.assigned' })
      .first('payload');
    const payload = typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload;
    expect(payload.assignee).toBe(record.assignee);
    expect(payload.strategy).toBe('skills');
    return payload as {
      assignee: string;
      reason: string;
      matched: { skills: string[]; region: string | null };
    };
  }

  it('prefers matching skills, then the region, then the least open work; the reason says which', async () => {
    const both = await assigned({ category: 'screen', area: { province: '广东省' } });
    expect(both.assignee).toBe('a1-screen-gd');
    expect(both.matched).toEqual({ skills: ['screen'], region: '广东省' });
    expect(both.reason).toBe(
      'Stage "triage" is owned by role "agent" (skills: matched skills screen and region 广东省)',
    );

    // Skills before the region: a3 (广东省, batteries) lost the first record; here a2 has both.
    expect((await assigned({ category: 'screen', area: { province: '浙江省' } })).assignee).toBe(
      'a2-screen-zj',
    );

    // The `skills` field counts as well as `category`; only a3 knows batteries, wherever the record is.
    const battery = await assigned({ skills: ['battery'], area: { province: '浙江省' } });
    expect(battery.assignee).toBe('a3-battery-gd');
    expect(battery.matched).toEqual({ skills: ['battery'], region: null });
    expect(battery.reason).toContain('(skills: matched skills battery)');

    // No tags: the region decides between a1 and a3 (one open record each), round-robin picks a1.
    const region = await assigned({ area: { province: '广东省' } });
    expect(region.assignee).toBe('a1-screen-gd');
    expect(region.reason).toContain('(skills: matched region 广东省)');

    // a1 (2 open) and a2 (1 open) both know screens and the record has no region: least open work.
    expect((await assigned({ category: 'screen' })).assignee).toBe('a2-screen-zj');

    // Nobody knows water: the least loaded of all agents (a4 has nothing open), and the reason says so.
    const none = await assigned({ skills: ['water'] });
    expect(none.assignee).toBe('a4-none');
    expect(none.matched).toEqual({ skills: [], region: null });
    expect(none.reason).toContain("nobody matched the record's skills water and no region; least open work");
  });
});
