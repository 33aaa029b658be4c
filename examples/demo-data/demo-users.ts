/**
 * @module The demo's team: agents, engineers, field engineers, a supervisor (manager, also the process owner) and a director,
 * with the template's role keys. All share one password, which the caller chooses and prints.
 */
import type { DemoRole } from './demo-ticket-script';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: (DemoRole | 'director' | 'designer')[];
  team: string;
}

const numbered = (prefix: string, count: number, roles: DemoUser['roles'], name: string, team: string) =>
  Array.from({ length: count }, (_, i) => ({
    username: `demo-${prefix}-${i + 1}`,
    displayName: `${name} ${i + 1}`,
    roles,
    team,
  }));

export const DEMO_USERS: DemoUser[] = [
  ...numbered('agent', 8, ['agent'], '客服 Agent', 'service-desk'),
  ...numbered('engineer', 6, ['engineer'], '工程师 Engineer', 'tech-support'),
  ...numbered('field', 8, ['field_engineer'], '现场工程师 Field engineer', 'field-service'),
  // The supervisor also owns the process (designer: forms, flows, rules), as in most small service teams.
  {
    username: 'demo-manager',
    displayName: '服务主管 Manager',
    roles: ['manager', 'designer'],
    team: 'service-desk',
  },
  { username: 'demo-director', displayName: '服务总监 Director', roles: ['director'], team: 'management' },
];

/** Every demo username starts with this: how the loader recognises a store it already filled. */
export const DEMO_USER_PREFIX = 'demo-';
