/**
 * Accounts created in demo mode. Their passwords are fixed and documented on purpose: demo mode is for
 * trying the product on a laptop, and the web app signs them in with one click (POST /demo-login).
 */
import type { Role, UserAttributes } from '../../store/schema.ts';

/** A demo account with its documented password. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  attributes: UserAttributes;
  password: string;
}

/**
 * The demo accounts: an admin who reviews definitions, an analyst, a viewer, and a viewer restricted
 * to the 华南 region by row-level security.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'demo_admin',
    displayName: 'Demo Admin',
    role: 'admin',
    attributes: {},
    password: 'demo-admin',
  },
  {
    username: 'analyst',
    displayName: 'Demo Analyst',
    role: 'analyst',
    attributes: {},
    password: 'demo-analyst',
  },
  { username: 'viewer', displayName: 'Demo Viewer', role: 'viewer', attributes: {}, password: 'demo-viewer' },
  {
    username: 'manager_south',
    displayName: '华南区域经理 (South region manager)',
    role: 'viewer',
    attributes: { region: ['华南'] },
    password: 'demo-manager-south',
  },
];
