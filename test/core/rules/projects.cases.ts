/** Break-and-fix cases of the project rules (src/core/validate/rules/projects.ts). */
import type { RawRow } from '../../../src/core/template/fill';
import type { CRITERIA_AREA, PROJECTS_AREA } from '../../../src/core/template/definition';
import { criterion, project } from '../../helpers/statement';
import type { Cases, Statement } from './harness';

type Project = RawRow<typeof PROJECTS_AREA>;

/** The valid statement with its project changed (and more rows, such as further success criteria, below it). */
const withProject = (change: Project, ...more: Project[]): Statement => ({ fill: (f) => (f.projects = [{ ...project, ...change }, ...more]) });

/** The valid statement with these rows on the sheet Succeskriterier. */
const withCriteria = (...rows: RawRow<typeof CRITERIA_AREA>[]): Statement => ({ fill: (f) => (f.criteria = rows) });

/** Status year 2010, submitted 5 May 2010: only K1 2010 has ended. */
const inStatusYear2010 = (change: Project): Statement => ({
  fill: (f) => {
    f.cover = { ...f.cover, statusYear: 2010, submissionDate: { date: '2010-05-05' } };
    f.projects = [{ ...project, ...change }];
    f.criteria = [{ ...criterion, achievedQ1: 30, achievedQ2: null, achievedQ3: null, achievedQ4: null }];
  },
});

/** Co-financing of 100.000 kr. in 2012 as well, Table 1 agreeing. */
const withFunding = (change: Project): Statement => ({
  fill: (f) => {
    f.projects = [{ ...project, ...change, funding: [150_000, 100_000, 0, 0] }];
    f.table1!.projects = [150_000, 100_000, 0, 0];
  },
});

export const projectCases: Cases<'projects'> = {
  PROJ_NAME_MISSING: {
    name: 'its success criterion then names a project that is not there',
    broken: withProject({ name: null }),
    expected: ['PROJ_NAME_MISSING Monitorerede projekter!A5', 'PROJ_CRITERIA_MISSING Monitorerede projekter!A5', 'PROJ_CRITERION_PROJECT_UNKNOWN Succeskriterier!A5'],
    fixed: withProject({ name: 'Bydelsmødre' }),
  },
  PROJ_FUNDING_MISSING: {
    name: 'neither the project period’s nor the budget years’ co-financing',
    broken: withProject({ cofinancing: null, funding: [null, null, null, null] }),
    expected: ['PROJ_FUNDING_MISSING Monitorerede projekter!E5'],
    fixed: withProject({ cofinancing: '450.000 kr.', funding: [null, null, null, null] }),
  },
  PROJ_NOT_MONITORED: {
    name: 'below 100.000 kr. over the project period (info); at 100.000 kr. it is monitored',
    broken: {
      fill: (f) => {
        f.projects = [{ ...project, cofinancing: 99_999, funding: [99_999, 0, 0, 0], q1: null }];
        f.criteria = [];
        f.table1!.projects = [99_999, 0, 0, 0];
      },
    },
    expected: ['PROJ_NOT_MONITORED Monitorerede projekter!A5'],
    fixed: {
      fill: (f) => {
        f.projects = [{ ...project, cofinancing: 100_000, funding: [99_999, 0, 0, 0] }];
        f.table1!.projects = [99_999, 0, 0, 0];
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
    name: 'none on the sheet Succeskriterier; one naming the project counts',
    broken: withCriteria(),
    expected: ['PROJ_CRITERIA_MISSING Monitorerede projekter!A5'],
    fixed: withCriteria({ project: 'Bydelsmødre', indicator: 'Kvinder nået', target: 100 }),
  },
  PROJ_TARGET_MISSING: {
    broken: withCriteria({ ...criterion, target: null }),
    expected: ['PROJ_TARGET_MISSING Succeskriterier!C5'],
    fixed: withCriteria({ ...criterion, target: 'mindst 25 kvinder' }),
  },
  PROJ_COLOUR_MISSING: {
    name: 'a reported quarter; quarters before the project started need none',
    broken: withProject({ q2: null }),
    expected: ['PROJ_COLOUR_MISSING Monitorerede projekter!L5'],
    fixed: withProject({ start: { date: '2009-07-01' }, q1: null, q2: null }),
  },
  PROJ_COLOUR_INVALID: {
    name: 'an unknown colour; English or capitals are colours',
    broken: withProject({ q2: 'lilla' }),
    expected: ['PROJ_COLOUR_INVALID Monitorerede projekter!L5'],
    fixed: withProject({ q1: 'Green', q2: 'YELLOW', q3: 'Grøn', q4: 'GUL' }),
  },
  PROJ_COLOUR_FUTURE: {
    name: 'status year 2010 submitted 5 May 2010: K1 has ended, K2 has not',
    broken: inStatusYear2010({ q1: 'rød', q2: 'rød', q3: null, q4: null, actionPlan: 'Ny leder' }),
    expected: ['PROJ_COLOUR_FUTURE Monitorerede projekter!L5'],
    fixed: inStatusYear2010({ q1: 'rød', q2: null, q3: null, q4: null, actionPlan: 'Ny leder' }),
  },
  PROJ_FUNDING_OUTSIDE_PERIOD: {
    name: 'co-financing in 2012 for a project that ends in 2011; a longer period takes it',
    broken: withFunding({ end: { date: '2011-12-31' } }),
    expected: ['PROJ_FUNDING_OUTSIDE_PERIOD Monitorerede projekter!G5'],
    fixed: withFunding({ end: { date: '2012-12-31' } }),
  },
  PROJ_CRITERION_NO_PROJECT: {
    name: 'a criterion row without a project (and the project is then without criteria)',
    broken: withCriteria({ ...criterion, project: null }),
    expected: ['PROJ_CRITERIA_MISSING Monitorerede projekter!A5', 'PROJ_CRITERION_NO_PROJECT Succeskriterier!A5'],
    fixed: withCriteria({ ...criterion, project: 'Bydelsmødre' }),
  },
  PROJ_CRITERION_PROJECT_UNKNOWN: {
    name: 'a project not on the projects sheet; case and spaces do not matter',
    broken: withCriteria({ ...criterion, project: 'Bydelsmødre Syd' }),
    expected: ['PROJ_CRITERIA_MISSING Monitorerede projekter!A5', 'PROJ_CRITERION_PROJECT_UNKNOWN Succeskriterier!A5'],
    fixed: withCriteria({ ...criterion, project: '  BYDELSMØDRE ' }),
  },
  PROJ_RED_NO_ACTION_PLAN: {
    broken: withProject({ q3: 'rød' }),
    expected: ['PROJ_RED_NO_ACTION_PLAN Monitorerede projekter!O5'],
    fixed: withProject({ q3: 'RØD', actionPlan: 'Ny leder' }),
  },
};
