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

function grammarTooDeep(root: unknown, maxDepth: number): number[] | undefined {
  const todo: Step[] = [{ v: root, depth: 1 }];
  for (let step = todo.pop(); step; step = todo.pop()) {
    const node = step.v;
    if (!Array.isArray(node)) continue;
    if (step.depth > maxDepth) return pathOf(step);
    const depth = step.depth + 1;
    if (node[0] === 'not') {
      todo.push({ v: node[1], depth, from: step, key: 1 });
    } else if ((node[0] === 'and' || node[0] === 'or') && Array.isArray(node[1])) {
      const list: Step = { v: node[1], depth, from: step, key: 1 };
      for (let i = node[1].length - 1; i >= 0; i--) todo.push({ v: node[1][i], depth, from: list, key: i });
    }
  }
  return undefined;
}

function nestingTooDeep(root: unknown, maxNesting: number): number[] | undefined {
  const todo: Step[] = [{ v: root, depth: 1 }];
  for (let step = todo.pop(); step; step = todo.pop()) {
    const arr = step.v;
    if (!Array.isArray(arr)) continue;
    if (step.depth > maxNesting) return pathOf(step);
    for (let i = arr.length - 1; i >= 0; i--) {
      if (Array.isArray(arr[i])) todo.push({ v: arr[i], depth: step.depth + 1, from: step, key: i });
    }
  }
  return undefined;
}
