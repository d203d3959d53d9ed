/**
 * Scenario files: the planted churn causes of a demo dataset, in YAML, validated with zod.
 * An effect raises (or lowers) the hazard that a matching customer's churn date falls in its
 * period, and leaves a signal (tickets / feedback with a reason) in the 90 days before churn.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { REASON_CODES } from '../../canonical/canonical-schema.ts';
import { ACQUISITION_CHANNELS, CATEGORIES, DEMO_CALENDAR, REGIONS, SALES_CHANNELS } from './vocabulary.ts';

const regions = REGIONS.map((r) => r.region) as [string, ...string[]];
const cities = REGIONS.flatMap((r) => r.cities.map(([c]) => c)) as [string, ...string[]];
const categories = CATEGORIES.map((c) => c.category) as [string, ...string[]];
const acquisition = ACQUISITION_CHANNELS.map(([c]) => c) as [string, ...string[]];
const sales = SALES_CHANNELS.map(([c]) => c) as [string, ...string[]];

const isoDate = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  )
  .refine((s) => s >= DEMO_CALENDAR.dataStart && s <= DEMO_CALENDAR.dataEnd, {
    message: `date outside the data window ${DEMO_CALENDAR.dataStart}..${DEMO_CALENDAR.dataEnd}`,
  });

const period = z
  .object({ start: isoDate, end: isoDate })
  .strict()
  .refine((p) => p.end >= p.start, { message: 'period end is before its start', path: ['end'] });

const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'list must not be empty');

const selector = z
  .object({
    region: nonEmpty(z.enum(regions)).optional(),
    city: nonEmpty(z.enum(cities)).optional(),
    category: nonEmpty(z.enum(categories)).optional(),
    acquisition_channel: nonEmpty(z.enum(acquisition)).optional(),
    sales_channel: nonEmpty(z.enum(sales)).optional(),
    value_tier: nonEmpty(z.enum(['high', 'medium', 'low'])).optional(),
    tenure_days_lt: z.number().int().positive().optional(),
    behaviour: z.enum(['unresolved_tickets']).optional(),
    price_sensitive: z.boolean().optional(),
  })
  .strict();

const texts = z
  .object({ zh: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) })
  .strict();

const signal = z
  .object({
    reason: z.enum(REASON_CODES),
    share: z.number().min(0).max(1),
    texts: texts.optional(),
  })
  .strict();

const dataEffect = z
  .object({
    period: period.optional(),
    scope: z.enum(['segment', 'all_customers']).default('segment'),
    delivery_days_add: z.number().min(0).max(30).optional(),
    price_increase_pct: z.number().min(0).max(1).optional(),
    ticket_rate_add: z.number().min(0).max(1).optional(),
    refund_rate_add: z.number().min(0).max(0.5).optional(),
  })
  .strict();

const effect = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'id must be snake_case'),
    description: z.string().min(1),
    period,
    who: selector,
    churn_multiplier: z.number().positive().max(20),
    signal: signal.optional(),
    data: dataEffect.optional(),
  })
  .strict()
  .refine((e) => !(e.data?.ticket_rate_add && !e.signal), {
    message: 'ticket_rate_add needs a signal.reason for the tickets it adds',
    path: ['data', 'ticket_rate_add'],
  });

const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'name must be lower-case, letters, digits, - or _'),
    description: z.string().default(''),
    base: z
      .object({
        quarterly_hazard: z.number().min(0).max(0.5).default(0.11),
        winback_return_rate: z.number().min(0).max(1).default(0.1),
      })
      .strict()
      .default({ quarterly_hazard: 0.11, winback_return_rate: 0.1 }),
    effects: z.array(effect).max(32),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.effects.forEach((e, i) => {
      if (seen.has(e.id))
        ctx.addIssue({ code: 'custom', message: `duplicate effect id ${e.id}`, path: ['effects', i, 'id'] });
      seen.add(e.id);
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioEffect = Scenario['effects'][number];
export type EffectSelector = ScenarioEffect['who'];

export interface ScenarioError {
  code: 'scenario_unreadable' | 'scenario_yaml' | 'scenario_invalid';
  /** YAML path of the offending value, e.g. `effects[1].who.region[0]`; the file for read errors. */
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Folder of the bundled scenarios. */
export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
/** The bundled 2026 Q3 story. */
export const DEFAULT_SCENARIO_PATH = join(SCENARIO_DIR, 'default.yaml');

function yamlPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, key) =>
        typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
      '',
    ) || '(root)'
  );
}

/** Validates a parsed scenario document; errors carry their YAML path. */
export function parseScenario(doc: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(doc);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      code: 'scenario_invalid',
      path: yamlPath(issue.path),
      message: issue.message,
    })),
  };
}

/** Reads and validates a scenario YAML file. */
export function loadScenario(file: string = DEFAULT_SCENARIO_PATH): ScenarioResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      ok: false,
      errors: [{ code: 'scenario_unreadable', path: file, message: (err as Error).message }],
    };
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { ok: false, errors: [{ code: 'scenario_yaml', path: file, message: (err as Error).message }] };
  }
  return parseScenario(doc);
}

/** One-line text of scenario errors for command lines and exceptions. */
export function formatScenarioErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
