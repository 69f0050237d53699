/** Break-and-fix cases of the project rules (src/core/validate/rules/projects.ts). */
import type { RawRow } from '../../../src/core/template/fill';
import type { PROJECTS_AREA } from '../../../src/core/template/definition';
import { project } from '../../helpers/statement';
import type { Cases, Statement } from './harness';

type Project = RawRow<typeof PROJECTS_AREA>;

/** The valid statement with its project changed (and more rows, such as further success criteria, below it). */
const withProject = (change: Project, ...more: Project[]): Statement => ({ fill: (f) => (f.projects = [{ ...project, ...change }, ...more]) });

export const projectCases: Cases<'projects'> = {
  PROJ_NAME_MISSING: {
    broken: withProject({ name: null }),
    expected: ['PROJ_NAME_MISSING Monitorerede projekter!A5'],
    fixed: withProject({ name: 'Bydelsmødre Nord' }),
  },
  PROJ_FUNDING_MISSING: {
    broken: withProject({ funding: [null, null, null, null] }),
    expected: ['PROJ_FUNDING_MISSING Monitorerede projekter!E5'],
    fixed: withProject({ funding: ['150.000 kr.', null, null, null] }),
  },
  PROJ_NOT_MONITORED: {
    name: 'below 100.000 kr. (info); at 100.000 kr. it is monitored',
    broken: {
      fill: (f) => {
        f.projects = [{ ...project, funding: [99_999, 0, 0, 0], indicator: null, target: null, q1: null }];
        f.table1!.projects = [99_999, 0, 0, 0];
      },
    },
    expected: ['PROJ_NOT_MONITORED Monitorerede projekter!A5'],
    fixed: {
      fill: (f) => {
        f.projects = [{ ...project, funding: [100_000, 0, 0, 0] }];
        f.table1!.projects = [100_000, 0, 0, 0];
      },
    },
  },
  PROJ_PERIOD_MISSING: {
    broken: withProject({ end: null }),
    expected: ['PROJ_PERIOD_MISSING Monitorerede projekter!D5'],
    fixed: withProject({ end: '31.12.2011' }),
  },
  PROJ_PERIOD_ORDER: {
    broken: withProject({ start: { date: '2012-01-01' } }),
    expected: ['PROJ_PERIOD_ORDER Monitorerede projekter!C5'],
    fixed: withProject({ start: '2009-01-01' }),
  },
  PROJ_CRITERIA_MISSING: {
    name: 'none on the project’s row; one on the row below counts',
    broken: withProject({ indicator: null, target: null, achieved: null }),
    expected: ['PROJ_CRITERIA_MISSING Monitorerede projekter!J5'],
    fixed: withProject({ indicator: null, target: null, achieved: null }, { indicator: 'Kvinder nået', target: 100 }),
  },
  PROJ_TARGET_MISSING: {
    broken: withProject({ target: null }),
    expected: ['PROJ_TARGET_MISSING Monitorerede projekter!K5'],
    fixed: withProject({ target: 'mindst 25 kvinder' }),
  },
  PROJ_COLOUR_MISSING: {
    name: 'a reported quarter; quarters before the project started need none',
    broken: withProject({ q2: null }),
    expected: ['PROJ_COLOUR_MISSING Monitorerede projekter!N5'],
    fixed: withProject({ start: { date: '2009-07-01' }, q1: null, q2: null }),
  },
  PROJ_COLOUR_INVALID: {
    name: 'an unknown colour; English or capitals are colours',
    broken: withProject({ q2: 'lilla' }),
    expected: ['PROJ_COLOUR_INVALID Monitorerede projekter!N5'],
    fixed: withProject({ q1: 'Green', q2: 'YELLOW', q3: 'Grøn', q4: 'GUL' }),
  },
  PROJ_RED_NO_ACTION_PLAN: {
    broken: withProject({ q3: 'rød' }),
    expected: ['PROJ_RED_NO_ACTION_PLAN Monitorerede projekter!Q5'],
    fixed: withProject({ q3: 'RØD', actionPlan: 'Ny leder' }),
  },
};
