// Owns bounding how deep a filter tree nests, checked by loops before the recursive zod schema sees the value.

/**
 * Where `value`, a filter tree as it arrived (unvalidated JSON), nests deeper than `maxDepth` levels, or
 * undefined when it does not. The schema recurses once per level, so a few thousand levels (a 30 KB body)
 * overflow the stack; nothing here recurses, so any depth and any shape is answered in time linear in its size.
 *
 * Two walks. The first follows the filter grammar (`["not", f]`, `["and"|"or", [f…]]`, leaves) and counts
 * levels as the compiler does, the root being level 1: a valid tree too deep is reported at its first node
 * below the limit. The schema also descends into malformed arrays (it tries every alternative), so the
 * second bounds plain array nesting by the most a tree within the limit can have: two arrays per and/or level,
 * the leaf and its value list (`2 × maxDepth`).
 */
export function filterDepthProblem(value: unknown, maxDepth: number): number[] | undefined {
  return grammarTooDeep(value, maxDepth) ?? nestingTooDeep(value, 2 * maxDepth);
}

interface Step {
  v: unknown;
  depth: number;
  /** The step that reached this value and the key it took, so a path is built only when one is reported. */
  from?: Step;
  key?: number;
}

function pathOf(step: Step): number[] {
  const path: number[] = [];
  for (let s: Step | undefined = step; s?.from; s = s.from) path.push(s.key!);
  return path.reverse();
}

/**
 * The path of the first array deeper than `limit` reached from `root`, where `next` gives the steps below an
 * array (in visiting order). An explicit stack instead of recursion: any depth fits in the heap.
 */
function firstTooDeep(
  root: unknown,
  limit: number,
  next: (node: unknown[], at: Step) => Step[],
): number[] | undefined {
  const stack: Step[] = [{ v: root, depth: 1 }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if (!Array.isArray(step.v)) continue;
    if (step.depth > limit) return pathOf(step);
    const below = next(step.v, step);
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]);
  }
  return undefined;
}

/** Follows the grammar: one level per `not`, `and` or `or`, through the and/or list to its members. */
function grammarTooDeep(root: unknown, maxDepth: number): number[] | undefined {
  return firstTooDeep(root, maxDepth, (node, at) => {
    const depth = at.depth + 1;
    if (node[0] === 'not') return [{ v: node[1], depth, from: at, key: 1 }];
    if ((node[0] === 'and' || node[0] === 'or') && Array.isArray(node[1])) {
      const list: Step = { v: node[1], depth, from: at, key: 1 };
      return node[1].map((v, key) => ({ v, depth, from: list, key }));
    }
    return [];
  });
}

/** Counts every array within an array as a level, whatever it holds. */
function nestingTooDeep(root: unknown, maxNesting: number): number[] | undefined {
  return firstTooDeep(root, maxNesting, (arr, at) =>
    arr.flatMap((v, key) => (Array.isArray(v) ? [{ v, depth: at.depth + 1, from: at, key }] : [])),
  );
}
