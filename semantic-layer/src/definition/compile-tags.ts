/**
 * Tags (tags.yaml) compiled into governed boolean dimensions. Each condition names a dimension, a metric
 * (its `per_customer` dimension) or a ratio of two of those; the compiler checks each against the model
 * (known member, customer level, operator fits the type, declared values), finds the sources every
 * condition can be read on (a dimension's source and its alternates), and writes one expression per source
 * from the members' own governed SQL and literal values — `CASE WHEN … THEN TRUE ELSE FALSE END` —
 * which the model-SQL grammar then checks like any definition. A tag is then a dimension like any other:
 * a filter, a split, a campaign target, under the same row-level security.
 */
import type { IssueLog } from '../issues.ts';
import type { DimensionDef, SemanticModel } from '../model.ts';
import { checkSqlExpression } from './sql-expression.ts';
import type { TagCondition, TagDefinition, TagKind, TagOp } from './tags-schema.ts';

const FILE = 'tags.yaml';
const SQL_OP: Record<Exclude<TagOp, 'in' | 'not_in' | 'between'>, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};
const ORDER_OPS: ReadonlySet<TagOp> = new Set(['gt', 'gte', 'lt', 'lte', 'between']);

/** A loaded tag: its definition and the dimension that carries it. */
export type TagDef = TagDefinition & { id: string; dimension: string };

type Scalar = string | number | boolean;
type Operand = { dim: DimensionDef; path: string };

/** The tag dimensions (only the tags without errors) and the tags, with every issue logged. */
export function compileTags(
  tags: Record<string, TagDefinition>,
  model: Pick<SemanticModel, 'dimensions' | 'metrics' | 'sources'>,
  log: IssueLog,
): { dimensions: Record<string, DimensionDef>; tags: Record<string, TagDef> } {
  const dimensions: Record<string, DimensionDef> = {};
  const out: Record<string, TagDef> = {};
  for (const [id, tag] of Object.entries(tags)) {
    const at = `tags.${id}`;
    if (model.dimensions[id] || model.metrics[id]) {
      log.error('duplicate_id', `tag ${id} has the id of a ${model.metrics[id] ? 'metric' : 'dimension'}`, {
        file: FILE,
        path: at,
      });
      continue;
    }
    const before = log.errors.length;
    const compiled = tag.all.map((c, i) => compileCondition(c, `${at}.all.${i}`, model, log));
    checkKind(tag.kind, tag.all, at, log);
    if (log.errors.length > before) continue;
    const conditions = compiled as CompiledCondition[];
    const sources = commonSources(conditions, model);
    if (sources.length === 0) {
      log.error(
        'unreachable',
        `tag ${id}: its conditions share no customer-level source (each must be readable on one source, e.g. customer_snapshot)`,
        { file: FILE, path: `${at}.all` },
      );
      continue;
    }
    const exprs = sources.map((source) => ({ source, sql: tagExpression(conditions, source) }));
    const unsafe = exprs.map((e) => checkSqlExpression(e.sql)).find((r) => !r.ok);
    if (unsafe && !unsafe.ok) {
      log.error('unsafe_sql', `tag ${id}: ${unsafe.error.message}`, { file: FILE, path: `${at}.all` });
      continue;
    }
    dimensions[id] = {
      id,
      type: 'boolean',
      source: exprs[0]!.source,
      sql: exprs[0]!.sql,
      alternates: exprs.slice(1),
      label: tag.label,
      synonyms: tag.synonyms,
      description: tag.description,
      owner: tag.owner,
      certified: tag.certified,
      values: {
        true: { label: tag.label, synonyms: { zh: [], en: [] } },
        false: {
          label: { zh: `非${tag.label.zh}`, en: `Not ${tag.label.en.toLowerCase()}` },
          synonyms: { zh: [], en: [] },
        },
      },
      index_values: true,
      tag: tag.kind,
    };
    out[id] = { ...tag, id, dimension: id };
  }
  return { dimensions, tags: out };
}

interface CompiledCondition {
  /** Operands: one, or numerator and denominator of a ratio. */
  operands: DimensionDef[];
  render: (sqls: string[]) => string;
}

function compileCondition(
  c: TagCondition,
  at: string,
  model: Pick<SemanticModel, 'dimensions' | 'metrics' | 'sources'>,
  log: IssueLog,
): CompiledCondition | null {
  const names = c.ratio
    ? [
        { name: c.ratio[0], path: `${at}.ratio.0` },
        { name: c.ratio[1], path: `${at}.ratio.1` },
      ]
    : [{ name: (c.dimension ?? c.metric)!, path: `${at}.${c.dimension ? 'dimension' : 'metric'}` }];
  const operands: Operand[] = [];
  for (const { name, path } of names) {
    const dim = operandDimension(name, Boolean(c.metric), model);
    if (!dim) {
      log.error(
        'unknown_member',
        c.metric
          ? `metric ${name} is unknown or has no per_customer dimension`
          : `${name} is not a dimension or a metric with a per_customer dimension`,
        { file: FILE, path },
      );
      return null;
    }
    if (dim.type === 'time') {
      log.error('type_mismatch', `${name} is a time dimension: a tag compares customer attributes`, {
        file: FILE,
        path,
      });
      return null;
    }
    operands.push({ dim, path });
  }
  const values: Scalar[] = c.values ?? [c.value!];
  const valuesAt = `${at}.${c.values ? 'values' : 'value'}`;
  const numeric = c.ratio || operands.some((o) => o.dim.type === 'numeric' || o.dim.type === 'numeric_band');
  if (c.ratio && !operands.every((o) => o.dim.type === 'numeric')) {
    log.error('type_mismatch', 'a ratio divides two numeric dimensions', { file: FILE, path: `${at}.ratio` });
    return null;
  }
  if (ORDER_OPS.has(c.op) && !numeric) {
    log.error(
      'type_mismatch',
      `${c.op} compares numbers; ${operands[0]!.dim.id} is ${operands[0]!.dim.type}`,
      {
        file: FILE,
        path: `${at}.op`,
      },
    );
    return null;
  }
  if (c.ratio && (c.op === 'in' || c.op === 'not_in')) {
    log.error('type_mismatch', 'a ratio takes a comparison (lt, gte, between …), not a list', {
      file: FILE,
      path: `${at}.op`,
    });
    return null;
  }
  const dim = operands[0]!.dim;
  const want = numeric ? 'number' : dim.type === 'boolean' ? 'boolean' : 'string';
  for (const v of values) {
    if (typeof v !== want) {
      log.error('invalid_value', `${JSON.stringify(v)} is not a ${want} (${dim.id} is ${dim.type})`, {
        file: FILE,
        path: valuesAt,
      });
      return null;
    }
    if (want === 'number' && !/^-?\d+(\.\d+)?$/.test(String(v))) {
      log.error('invalid_value', `write ${v} as a plain decimal number`, { file: FILE, path: valuesAt });
      return null;
    }
    const declared = Object.keys(dim.values);
    if (want === 'string' && declared.length > 0 && !declared.includes(String(v))) {
      log.error('invalid_value', `${v} is not a value of ${dim.id} (values: ${declared.join(', ')})`, {
        file: FILE,
        path: valuesAt,
      });
      return null;
    }
  }
  const lits = values.map(literal);
  const render = (sqls: string[]): string => {
    const e = `(${sqls[0]})`;
    if (sqls.length === 2) {
      const d = `(${sqls[1]})`;
      const scaled = (l: string) => `${l} * ${d}`;
      const cmp =
        c.op === 'between'
          ? `${e} BETWEEN ${scaled(lits[0]!)} AND ${scaled(lits[1]!)}`
          : `${e} ${SQL_OP[c.op as keyof typeof SQL_OP]} ${scaled(lits[0]!)}`;
      return `${d} > 0 AND ${cmp}`;
    }
    if (c.op === 'in' || c.op === 'not_in')
      return `${e} ${c.op === 'in' ? 'IN' : 'NOT IN'} (${lits.join(', ')})`;
    if (c.op === 'between') return `${e} BETWEEN ${lits[0]} AND ${lits[1]}`;
    return `${e} ${SQL_OP[c.op]} ${lits[0]}`;
  };
  return { operands: operands.map((o) => o.dim), render };
}

/** A dimension, or (for `metric:` and in ratios) a metric's per-customer dimension. */
function operandDimension(
  name: string,
  metricOnly: boolean,
  model: Pick<SemanticModel, 'dimensions' | 'metrics'>,
): DimensionDef | undefined {
  const perCustomer = model.metrics[name]?.per_customer;
  if (metricOnly) return perCustomer ? model.dimensions[perCustomer] : undefined;
  return model.dimensions[name] ?? (perCustomer ? model.dimensions[perCustomer] : undefined);
}

/** basic tags read attributes only; behaviour tags need at least one per-customer measure. */
function checkKind(kind: TagKind, all: TagCondition[], at: string, log: IssueLog): void {
  const measured = all.some((c) => c.metric || c.ratio);
  if (kind === 'basic' && measured)
    log.error('type_mismatch', 'a basic tag reads attributes; a metric or ratio makes it a behaviour tag', {
      file: FILE,
      path: `${at}.kind`,
    });
}

/** Sources every operand can be read on, with a one-column primary key (customer level) first. */
function commonSources(conditions: CompiledCondition[], model: Pick<SemanticModel, 'sources'>): string[] {
  const on = (d: DimensionDef) => [d.source, ...d.alternates.map((a) => a.source)];
  const all = conditions.flatMap((c) => c.operands);
  const shared = on(all[0]!).filter((s) => all.every((d) => on(d).includes(s)));
  const entity = shared.filter((s) => model.sources[s]?.primary_key.length === 1);
  return entity.length ? [...entity, ...shared.filter((s) => !entity.includes(s))] : [];
}

function sqlOn(d: DimensionDef, source: string): string {
  return d.source === source ? d.sql : d.alternates.find((a) => a.source === source)!.sql;
}

function tagExpression(conditions: CompiledCondition[], source: string): string {
  const parts = conditions.map((c) => `(${c.render(c.operands.map((d) => sqlOn(d, source)))})`);
  return `CASE WHEN ${parts.join(' AND ')} THEN TRUE ELSE FALSE END`;
}

function literal(v: Scalar): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}
