import { placeholderMismatch } from '../i18n/placeholders.js';
import semver from 'semver';
import { getMetadataStorage } from 'type-graphql';
import { getTableName } from 'drizzle-orm';
import { LoggableError } from '../error-summary.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { isOutcome, OUTCOMES } from '../sdk/contract/suitability.js';
import { coreSettings } from '../settings/core-settings.js';

const CORE_SETTING_KEYS = new Set(coreSettings.map((d) => d.key));

/** Why the host refused to boot, naming the plugin at fault (its text is the host's own: logged in full). */
export class PluginValidationError extends LoggableError {
  constructor(
    public readonly plugin: string,
    problem: string,
  ) {
    super(`Plugin "${plugin}": ${problem}`);
    this.name = 'PluginValidationError';
  }
}

/** What the core already claims in the schema and database. */
export interface CoreClaims {
  typeNames: Set<string>;
  /** `Type.field` of core object types. */
  fields: Set<string>;
  rootFields: Set<string>;
  tables: Set<string>;
}

export interface ValidateOptions {
  hostVersion: string;
  /** Plugin codes whose host range the operator chose to ignore. */
  allowIncompatible: string[];
  core: CoreClaims;
}

const CODE_RE = /^[a-z][a-z0-9_]{1,30}$/;
const LINE_RE = /^[A-Z][A-Z0-9_]{1,30}$/;

const typeNameOf = (target: Function): string | undefined =>
  getMetadataStorage().objectTypes.find((t) => t.target === target)?.name ?? getMetadataStorage().interfaceTypes.find((t) => t.target === target)?.name;

/** GraphQL names a plugin claims: its types, root fields, and fields it adds to other types. */
function claimsOf(m: PluginManifest) {
  const storage = getMetadataStorage();
  const resolvers = new Set(m.graphql.resolvers ?? []);
  const typeNames = new Set<string>();
  const own = [m.graphql.productType, ...(m.graphql.types ?? [])];
  for (const t of own) {
    const name = typeNameOf(t);
    if (!name) throw new PluginValidationError(m.code, `${t.name} is not a type-graphql object type`);
    typeNames.add(name);
  }
  const rootFields = [...storage.queries, ...storage.mutations].filter((q) => resolvers.has(q.target)).map((q) => q.schemaName);
  const addedFields: string[] = [];
  for (const fr of storage.fieldResolvers) {
    if (!resolvers.has(fr.target)) continue;
    const resolverClass = storage.resolverClasses.find((r) => r.target === fr.target);
    const objectType = resolverClass?.getObjectType?.();
    const typeName = objectType ? typeNameOf(objectType as Function) : undefined;
    if (typeName && !typeNames.has(typeName)) addedFields.push(`${typeName}.${fr.schemaName}`);
  }
  return { typeNames, rootFields, addedFields };
}

/** Probe key no line may accept: a details schema must refuse keys it does not declare. */
const PROBE_KEY = '__finmart_undeclared__';

/**
 * The host rule on order terms (see `OrderSizing`): a details schema refuses
 * undeclared keys (otherwise a client could slip a figure past it), and a
 * sizing names its figures.
 */
function checkOrderTerms(m: PluginManifest): void {
  const orders = m.orders;
  if (!orders) return;
  if (orders.details) {
    if (typeof orders.details.safeParse !== 'function') throw new PluginValidationError(m.code, 'orders.details must be a zod schema');
    if (orders.details.safeParse({ [PROBE_KEY]: '1' }).success) {
      throw new PluginValidationError(m.code, 'orders.details must refuse keys it does not declare (use z.strictObject)');
    }
  }
  if (orders.sizing) {
    if (typeof orders.sizing.size !== 'function' || !Array.isArray(orders.sizing.figures)) {
      throw new PluginValidationError(m.code, 'orders.sizing needs figures and size()');
    }
  }
}

/**
 * Checks every manifest before anything runs and returns them in dependency
 * order. Throws {@link PluginValidationError} naming the plugin on: bad or
 * duplicate codes and lines, a GraphQL type or field claimed twice, a table
 * clash or a table outside the plugin's namespace, an incompatible host version
 * (unless overridden), a missing dependency or a cycle, a rule or setting
 * without zh-CN and en texts, order details that accept undeclared keys.
 */
export function validatePlugins(manifests: PluginManifest[], opts: ValidateOptions): PluginManifest[] {
  const byCode = new Map<string, PluginManifest>();
  const lines = new Map<string, string>();
  const typeOwners = new Map<string, string>([...opts.core.typeNames].map((n) => [n, 'core']));
  const fieldOwners = new Map<string, string>([...opts.core.fields].map((n) => [n, 'core']));
  const rootOwners = new Map<string, string>([...opts.core.rootFields].map((n) => [n, 'core']));
  const tableOwners = new Map<string, string>([...opts.core.tables].map((n) => [n, 'core']));
  const ruleOwners = new Map<string, string>();

  for (const m of manifests) {
    const code = m?.code ?? '(unnamed)';
    if (!m || typeof m.code !== 'string' || !CODE_RE.test(m.code)) {
      throw new PluginValidationError(code, 'code must be lower-case letters, digits or _');
    }
    if (byCode.has(m.code)) throw new PluginValidationError(m.code, 'is installed twice (duplicate code)');
    byCode.set(m.code, m);
    if (!LINE_RE.test(m.line ?? '')) throw new PluginValidationError(m.code, `line "${m.line}" must be UPPER_CASE`);
    if (lines.has(m.line)) throw new PluginValidationError(m.code, `line ${m.line} is already provided by "${lines.get(m.line)}"`);
    lines.set(m.line, m.code);
    if (!m.name?.['zh-CN'] || !m.name?.en) throw new PluginValidationError(m.code, 'name needs zh-CN and en');
    if (!semver.valid(m.version)) throw new PluginValidationError(m.code, `version "${m.version}" is not semver`);
    if (!semver.validRange(m.hostRange)) throw new PluginValidationError(m.code, `hostRange "${m.hostRange}" is not a semver range`);
    if (!semver.satisfies(opts.hostVersion, m.hostRange, { includePrerelease: true })) {
      if (!opts.allowIncompatible.includes(m.code)) {
        throw new PluginValidationError(
          m.code,
          `needs host ${m.hostRange} but this host is ${opts.hostVersion} (set ALLOW_INCOMPATIBLE_PLUGINS=${m.code} to load it anyway)`,
        );
      }
    }
    if (!m.graphql?.productType) throw new PluginValidationError(m.code, 'graphql.productType is missing');
    if (m.sellerQualification !== undefined && (typeof m.sellerQualification !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(m.sellerQualification))) {
      throw new PluginValidationError(m.code, `sellerQualification "${String(m.sellerQualification)}" must be UPPER_CASE (e.g. FUND_SALES)`);
    }

    const claims = claimsOf(m);
    for (const t of claims.typeNames) {
      const owner = typeOwners.get(t);
      if (owner) throw new PluginValidationError(m.code, `GraphQL type ${t} is already defined by ${owner}`);
      typeOwners.set(t, m.code);
    }
    for (const f of claims.rootFields) {
      const owner = rootOwners.get(f);
      if (owner) throw new PluginValidationError(m.code, `root field ${f} is already defined by ${owner}`);
      rootOwners.set(f, m.code);
    }
    for (const f of claims.addedFields) {
      const owner = fieldOwners.get(f);
      if (owner) throw new PluginValidationError(m.code, `field ${f} is already defined by ${owner}`);
      fieldOwners.set(f, m.code);
    }
    for (const table of Object.values(m.tables ?? {})) {
      const name = getTableName(table);
      if (!name.startsWith(`${m.code}_`)) throw new PluginValidationError(m.code, `table ${name} must be named ${m.code}_*`);
      const owner = tableOwners.get(name);
      if (owner) throw new PluginValidationError(m.code, `table ${name} is already owned by ${owner}`);
      tableOwners.set(name, m.code);
    }
    if (m.tables && Object.keys(m.tables).length > 0 && !m.migrationsFolder) {
      throw new PluginValidationError(m.code, 'declares tables but no migrationsFolder');
    }
    for (const rule of m.rules ?? []) {
      if (!rule.id?.startsWith(`${m.code}.`)) throw new PluginValidationError(m.code, `rule id ${rule.id} must start with "${m.code}."`);
      if (ruleOwners.has(rule.id)) throw new PluginValidationError(m.code, `rule ${rule.id} is declared twice`);
      ruleOwners.set(rule.id, m.code);
      if (!semver.valid(rule.version)) throw new PluginValidationError(m.code, `rule ${rule.id} version is not semver`);
      if (!rule.regulation?.['zh-CN'] || !rule.regulation?.en) throw new PluginValidationError(m.code, `rule ${rule.id} needs a regulation in zh-CN and en`);
      const reasons = Object.entries(rule.reasons ?? {});
      if (reasons.length === 0) throw new PluginValidationError(m.code, `rule ${rule.id} documents no reasons`);
      for (const [code, def] of reasons) {
        if (!def.message?.['zh-CN']?.trim() || !def.message?.en?.trim()) {
          throw new PluginValidationError(m.code, `rule ${rule.id} reason ${code} needs messages in zh-CN and en`);
        }
        const mismatch = placeholderMismatch(def.message);
        if (mismatch)
          throw new PluginValidationError(m.code, `rule ${rule.id} reason ${code}: its zh-CN and en messages name different placeholders (${mismatch})`);
        if (!isOutcome(def.outcome))
          throw new PluginValidationError(m.code, `rule ${rule.id} reason ${code} has outcome "${String(def.outcome)}", not one of ${OUTCOMES.join(' / ')}`);
        if (def.outcome === 'REQUIRE' && !def.step) throw new PluginValidationError(m.code, `rule ${rule.id} reason ${code} is REQUIRE without a step`);
      }
      // What a rule declares it reads must be the host's settings or its own plugin's: the engine holds it to them.
      if (rule.reads !== undefined) {
        if (!Array.isArray(rule.reads)) throw new PluginValidationError(m.code, `rule ${rule.id} reads must be a list of setting keys`);
        const own = new Set((m.settings ?? []).map((d) => d.key));
        for (const key of rule.reads) {
          if (!own.has(key) && !CORE_SETTING_KEYS.has(key))
            throw new PluginValidationError(m.code, `rule ${rule.id} reads ${key}, which is neither one of its plugin's settings nor the host's`);
        }
      }
    }
    checkOrderTerms(m);
    for (const [kind, def] of Object.entries(m.workItems?.kinds ?? {})) {
      // Prefixed with the line: kinds of two lines can never collide, nor with the host's.
      if (!new RegExp(`^${m.line}_[A-Z][A-Z0-9_]*$`).test(kind))
        throw new PluginValidationError(m.code, `work item kind ${kind} must be UPPER_CASE and start with "${m.line}_"`);
      if (typeof def.priority !== 'function' || typeof def.explain !== 'function')
        throw new PluginValidationError(m.code, `work item kind ${kind} needs priority(settings) and explain(dueDay)`);
      const said = def.explain('2026-01-01');
      if (!said?.['zh-CN']?.trim() || !said?.en?.trim()) throw new PluginValidationError(m.code, `work item kind ${kind} needs an explanation in zh-CN and en`);
    }
    if (m.workItems && (typeof m.workItems.sql !== 'function' || !m.workItems.subjectType))
      throw new PluginValidationError(m.code, 'workItems needs sql() and subjectType');
    for (const s of m.settings ?? []) {
      if (!s.key.startsWith(`${m.code}.`)) throw new PluginValidationError(m.code, `setting ${s.key} must start with "${m.code}."`);
      if (!s.description?.['zh-CN'] || !s.description?.en) throw new PluginValidationError(m.code, `setting ${s.key} needs zh-CN and en descriptions`);
    }
  }

  // Dependency order (and missing dependencies / cycles).
  const ordered: PluginManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: PluginManifest, path: string[]) => {
    if (state.get(m.code) === 'done') return;
    if (state.get(m.code) === 'visiting') throw new PluginValidationError(m.code, `dependency cycle: ${[...path, m.code].join(' → ')}`);
    state.set(m.code, 'visiting');
    for (const dep of m.dependsOn ?? []) {
      const d = byCode.get(dep);
      if (!d) throw new PluginValidationError(m.code, `depends on "${dep}", which is not loaded`);
      visit(d, [...path, m.code]);
    }
    state.set(m.code, 'done');
    ordered.push(m);
  };
  for (const m of manifests) visit(m, []);
  return ordered;
}
