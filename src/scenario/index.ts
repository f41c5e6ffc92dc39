export {
  loadScenario,
  loadScenarioText,
  formatScenarioError,
  validateFiles,
  type LoadResult,
  type LoadOptions,
  type ScenarioError,
} from './load.js';
export { scenarioSchema, scenarioSchemaWith, distributionSchema, MONTH_KEYS, type ScenarioInput, type MonthKey } from './schema.js';
export { scenarioJsonSchema } from './jsonSchema.js';
export { whatIfOutsideHorizon } from './whatIfHorizon.js';
export { parseFactor, factorScale, levelOverride, numberLevel, type Factor, type Level, type FactorScale } from './factor.js';
export { loadStudy, isStudyFile, STUDY_METHODS, type Study, type StudyMethod } from './study.js';
export { excerpt } from './messages.js';
export { parseOverride, canonicalPath } from './overrides.js';
export { parseVary, splitTopLevel, gridOf, pointLabel, type Vary, type VaryValue, type GridPoint, type ParsedVary } from './vary.js';
export { MAX_DAYS, MAX_EXPECTED_CONTAINERS, expectedContainers, demandTooLarge } from './workBound.js';
export { lookUpLoad, type CachedLoad } from './loadCache.js';
