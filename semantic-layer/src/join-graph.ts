import type { SemanticModel } from './model.ts';

/** One step of a join path: from one source to the next, on equal columns. */
export interface JoinStep {
  from: string;
  to: string;
  on: [fromColumn: string, toColumn: string][];
  /** Seen from `from`: `one_to_many` multiplies the rows of `from`. */
  relationship: 'many_to_one' | 'one_to_one' | 'one_to_many';
}

export interface JoinPath {
  steps: JoinStep[];
  /** True when a step multiplies rows: only distinct counts stay correct. */
  fansOut: boolean;
}

/** All join edges of a model in both directions (a declared many_to_one is also a one_to_many back). */
export function joinEdges(model: SemanticModel): Map<string, JoinStep[]> {
  const edges = new Map<string, JoinStep[]>();
  const add = (step: JoinStep) => {
    const list = edges.get(step.from) ?? [];
    if (!list.some((s) => s.to === step.to)) list.push(step);
    edges.set(step.from, list);
  };
  for (const source of Object.values(model.sources)) {
    for (const j of source.joins) {
      const on = Object.entries(j.on) as [string, string][];
      add({ from: source.id, to: j.to, on, relationship: j.relationship });
      const back =
        j.relationship === 'many_to_one'
          ? 'one_to_many'
          : j.relationship === 'one_to_many'
            ? 'many_to_one'
            : 'one_to_one';
      add({ from: j.to, to: source.id, on: on.map(([a, b]) => [b, a]), relationship: back });
    }
  }
  return edges;
}

/**
 * The join path from `from` to `to`: the shortest one that does not fan out, else the shortest that does.
 * Breadth-first with a deterministic edge order, so the same model always joins the same way.
 */
export function findJoinPath(
  model: SemanticModel,
  from: string,
  to: string,
  edges = joinEdges(model),
): JoinPath | null {
  if (from === to) return { steps: [], fansOut: false };
  const safe = shortestPath(edges, from, to, (s) => s.relationship !== 'one_to_many');
  if (safe) return { steps: safe, fansOut: false };
  const any = shortestPath(edges, from, to, () => true);
  return any ? { steps: any, fansOut: true } : null;
}

function shortestPath(
  edges: Map<string, JoinStep[]>,
  from: string,
  to: string,
  allowed: (s: JoinStep) => boolean,
): JoinStep[] | null {
  const queue: { at: string; steps: JoinStep[] }[] = [{ at: from, steps: [] }];
  const seen = new Set([from]);
  while (queue.length) {
    const { at, steps } = queue.shift()!;
    for (const step of edges.get(at) ?? []) {
      if (!allowed(step) || seen.has(step.to)) continue;
      const next = [...steps, step];
      if (step.to === to) return next;
      seen.add(step.to);
      queue.push({ at: step.to, steps: next });
    }
  }
  return null;
}
