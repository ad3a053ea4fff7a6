// Edit distance for the typo rules: Damerau–Levenshtein in its "optimal string alignment" form
// (insert, delete, substitute, or swap two neighbouring letters, each costing 1 — `nhs.nte` is
// one edit from `nhs.net`), which is also what the damerau-levenshtein package computes.
//
// Why our own and not that package on the hot path: it allocates a fresh (n+1)² matrix of
// arrays per call and cannot stop early, and `mistyped-domain` compares each recipient domain
// with up to thousands of policy domains (DCB1596 lists) while only caring whether the distance
// is at most 2. `boundedDistance` reuses three rows, computes only the diagonal band a distance
// within the bound can use, and gives up as soon as a whole row exceeds the bound (see the
// "edit distance" table of `npm run bench` for the difference).
// The package is still the reference the unit test compares against. `alignment` (which
// letters differ, for the dialog's highlight) runs only for a finding, so it keeps a full matrix.

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * The OSA Damerau–Levenshtein distance between `a` and `b` when it is at most `max`; otherwise
 * `max + 1`. Compares UTF-16 code units (the domains and local parts it sees are ASCII or
 * single-unit letters).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 2 > rowA.length) {
    const size = Math.max(m + 2, rowA.length * 2);
    rowA = new Int32Array(size);
    rowB = new Int32Array(size);
    rowC = new Int32Array(size);
  }
  // prev2 = row i-2, prev = row i-1, cur = row i. Only the band |i − j| ≤ max can hold a value
  // within the bound (Ukkonen), so only it is computed; the cell just outside each side is set
  // to max + 1 so that the next row never reads a stale value.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  const over = max + 1;
  for (let j = 0; j <= m; j++) prev[j] = j <= over ? j : over;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < m ? i + max : m;
    cur[lo - 1] = lo === 1 ? (i <= over ? i : over) : over;
    if (hi < m) cur[hi + 1] = over;
    let rowMin = lo === 1 ? cur[0]! : over;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < value) value = del;
      const ins = cur[j - 1]! + 1;
      if (ins < value) value = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = prev2[j - 2]! + 1;
        if (swap < value) value = swap;
      }
      if (value > over) value = over;
      cur[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every path to the end passes through this row, and costs never decrease along a path.
    if (rowMin > max) return over;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const result = prev[m]!;
  return result > max ? over : result;
}

/**
 * Which characters of `typed` differ from `intended`, as `[start, end)` ranges into `typed`,
 * adjacent ones merged: `nhs.nte` vs `nhs.net` → `[[5, 7]]` (the swapped `te`); `hotrnail.com`
 * vs `hotmail.com` → the `rn`. A letter missing from `typed` has nothing to highlight, so the
 * letter before the gap is marked instead (the one after, at the very start).
 */
export function differingRanges(typed: string, intended: string): Array<[number, number]> {
  const n = typed.length;
  const m = intended.length;
  const d: number[][] = [];
  for (let i = 0; i <= n; i++) {
    const row = new Array<number>(m + 1).fill(0);
    row[0] = i;
    d.push(row);
  }
  for (let j = 0; j <= m; j++) d[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = typed[i - 1] === intended[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && typed[i - 1] === intended[j - 2] && typed[i - 2] === intended[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  const marked = new Array<boolean>(n).fill(false);
  const markGap = (i: number) => {
    if (n === 0) return;
    marked[i > 0 ? i - 1 : 0] = true;
  };
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0 && typed[i - 1] === intended[j - 1] && here === d[i - 1]![j - 1]) {
      i--;
      j--;
    } else if (i > 0 && j > 0 && here === d[i - 1]![j - 1]! + 1) {
      marked[i - 1] = true; // substituted
      i--;
      j--;
    } else if (
      i > 1 &&
      j > 1 &&
      typed[i - 1] === intended[j - 2] &&
      typed[i - 2] === intended[j - 1] &&
      here === d[i - 2]![j - 2]! + 1
    ) {
      marked[i - 1] = true; // swapped pair
      marked[i - 2] = true;
      i -= 2;
      j -= 2;
    } else if (i > 0 && here === d[i - 1]![j]! + 1) {
      marked[i - 1] = true; // extra letter in typed
      i--;
    } else {
      markGap(i); // letter missing from typed
      j--;
    }
  }
  const ranges: Array<[number, number]> = [];
  for (let k = 0; k < n; k++) {
    if (!marked[k]) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === k) last[1] = k + 1;
    else ranges.push([k, k + 1]);
  }
  return ranges;
}
