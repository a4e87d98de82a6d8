// The programmatic API: the same operations the commands use, without a terminal.
export * from './model/index.js';
export { validateRepository, type ValidateOptions, type ValidateResult } from './ops/validate.js';
export { exportSchemas } from './ops/schema.js';
export { evaluateGate, assessHealth, nextStage, stagesOnTheWay, roadmapOf, type GateResult, type Requirement, type Roadmap } from './roadmap/index.js';
export { builtInMethod, loadMethod, requireMethod, type MethodLoad } from './ops/method.js';
export { checkMethod } from './check/method.js';
export { methodFileSchema, CHECK_NAMES, type Method, type MethodStage, type Limits } from './model/method.js';
export { PROBLEM_CODES, type Problem, type ProblemCode } from './model/problem.js';
export { findRepoRoot } from './store/find-repo.js';
export { run } from './cli.js';
export { buildCalendar, type CalendarOptions, type CalendarResult } from './ops/calendar.js';
export { exportIati, type ExportIatiOptions, type ExportIatiResult } from './ops/export-iati.js';
export { buildSite, type SiteOptions, type SiteResult } from './ops/site.js';
