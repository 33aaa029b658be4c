/**
 * @module The demo's team: agents, engineers, field engineers, a supervisor (manager, also the process owner) and a director,
 * with the template's role keys. All share one password, which the caller chooses and prints.
 */
import type { DemoRole } from './demo-ticket-script';

/** The roles of the defect and RCA templates the improvement story (`demo-story.ts`) is played by. */
export type StoryRole = 'product_owner' | 'rd_engineer' | 'quality_engineer' | 'quality_manager';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: (DemoRole | StoryRole | 'director' | 'designer')[];
  /** Absent for the supervisor: a manager in no team sees every open ticket in the team queue. */
  team?: string;
}

const numbered = (
  prefix: string,
  count: number,
  roles: DemoUser['roles'],
  name: string,
  team: string,
  first = 1,
) =>
  Array.from({ length: count }, (_, i) => ({
    username: `demo-${prefix}-${first + i}`,
    displayName: `${name} ${first + i}`,
    roles,
    team,
  }));

export const DEMO_USERS: DemoUser[] = [
  // Two service desks, so reports by team (FRT, FCR, SLA) have teams to compare.
  ...numbered('agent', 4, ['agent'], '客服 Agent', '华东服务台'),
  ...numbered('agent', 4, ['agent'], '客服 Agent', '华南服务台', 5),
  ...numbered('engineer', 6, ['engineer'], '工程师 Engineer', '技术支持组'),
  ...numbered('field', 8, ['field_engineer'], '现场工程师 Field engineer', '现场服务组'),
  // The supervisor also owns the process (designer: forms, flows, rules), as in most small service teams.
  {
    username: 'demo-manager',
    displayName: '服务主管 Manager',
    roles: ['manager', 'designer'],
  },
  { username: 'demo-director', displayName: '服务总监 Director', roles: ['director'], team: 'management' },
  // The improvement story's people: one owner and one R&D lead per product line (the defect
  // template's reference data names them), two quality engineers and their manager (the RCA flow).
  ...numbered('owner', 5, ['product_owner'], '产品线负责人 Product owner', '产品管理部'),
  ...numbered('rd', 5, ['rd_engineer'], '研发负责人 R&D lead', '研发部'),
  ...numbered('quality', 2, ['quality_engineer'], '质量工程师 Quality engineer', '质量部'),
  {
    username: 'demo-quality-manager',
    displayName: '质量经理 Quality manager',
    roles: ['quality_manager'],
    team: '质量部',
  },
];

/** Every demo username starts with this: how the loader recognises a store it already filled. */
export const DEMO_USER_PREFIX = 'demo-';
