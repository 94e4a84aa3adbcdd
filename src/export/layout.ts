/**
 * Page layout estimated from the text, for documents whose reader (Word, LibreOffice) lays them out
 * after us: how wide a text is in Times New Roman, how a page's width is best shared between a
 * table's columns, and where a title is best broken. Estimates only — close enough to keep a date
 * on one line and a table within its pages, never a promise of where a line breaks.
 */

/** Times New Roman advance widths, in thousandths of an em (its AFM metrics, regular weight). */
const WIDTHS: Readonly<Record<string, number>> = {
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  " ": 250, ",": 250, ".": 250, ":": 278, ";": 278, "/": 278, "(": 333, ")": 333, "-": 333, "–": 500, "—": 1000, "'": 180, '"': 408,
};
/** Bold Times New Roman is about this much wider. */
const BOLD = 1.06;
const PT_MM = 25.4 / 72;

/** The letter without its accents: Vietnamese marks sit above or below and take no width of their own. */
function base(char: string): string {
  if (char === "đ") return "d";
  if (char === "Đ") return "D";
  return char.normalize("NFD")[0] ?? char;
}

/** Width in millimetres of `text` on one line at `sizePt`. */
export function textWidthMm(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const char of text.normalize("NFC")) units += WIDTHS[base(char)] ?? (/\d/.test(char) ? 500 : 500);
  return (units / 1000) * sizePt * PT_MM * (bold ? BOLD : 1);
}

/** A text as its words' widths and the width of a space, measured once. */
interface Measured {
  readonly words: readonly number[];
  readonly space: number;
  /** The whole text on one line. */
  readonly natural: number;
}

function measure(text: string, sizePt: number, bold: boolean): Measured {
  const words = text.split(/\s+/).filter(Boolean).map((word) => textWidthMm(word, sizePt, bold));
  const space = textWidthMm(" ", sizePt, bold);
  return { words, space, natural: words.reduce((a, b) => a + b, 0) + space * Math.max(0, words.length - 1) };
}

function lines(text: Measured, widthMm: number): number {
  let count = 1;
  let used = 0;
  for (const w of text.words) {
    if (used > 0 && used + text.space + w <= widthMm) {
      used += text.space + w;
      continue;
    }
    if (used > 0) count += 1;
    // A word wider than the column is broken where it reaches the edge, as Word does.
    const extra = Math.max(0, Math.ceil(w / widthMm - 1e-9) - 1);
    count += extra;
    used = w - extra * widthMm;
  }
  return count;
}

/** Lines a text takes in a column `widthMm` wide: whole words to a line, as a word processor fills it. */
export function linesIn(text: string, widthMm: number, sizePt: number, bold = false): number {
  return lines(measure(text, sizePt, bold), widthMm);
}

export interface ColumnLayout {
  /** Text widths of the columns, in millimetres (cell padding not included). */
  readonly widths: number[];
  /** The estimated lines of each row, the header first. */
  readonly rowLines: number[];
}

/**
 * Shares `availableMm` of text width between a table's columns. Each column first gets its
 * narrowest width — its longest word, or its longest cell whole for the columns in `oneLine` (the
 * row number, a date) — then, step by step, the widening that saves most lines of the whole table
 * per millimetre: to the width where another cell of a column fits on one line, or half a
 * millimetre more. The header counts once per page it is repeated on. Undefined when the columns
 * in `oneLine` cannot be kept on one line (the caller lets them wrap, or takes a smaller size).
 */
export function layoutColumns(header: readonly string[], rows: readonly (readonly string[])[], availableMm: number, sizePt: number, oneLine: readonly boolean[] = []): ColumnLayout | undefined {
  const measured = [header, ...rows].map((row, r) => header.map((_, c) => measure(row[c] ?? "", sizePt, r === 0)));
  const columns = header.length;
  const minimum = header.map((_, c) => Math.max(...measured.map((row) => (oneLine[c] ? row[c]!.natural : Math.max(0, ...row[c]!.words)))) + 0.5);
  const natural = header.map((_, c) => Math.max(...measured.map((row) => row[c]!.natural)) + 0.5);
  const narrowest = minimum.reduce((a, b) => a + b, 0);
  if (narrowest > availableMm) {
    if (oneLine.some(Boolean)) return undefined;
    // Words wider than the page together (a name without spaces): each column gets its share, and Word breaks the words.
    minimum.forEach((w, c) => (minimum[c] = (w * availableMm) / narrowest));
  }
  // The widths are chosen on at most 300 rows, evenly spread (a schedule of thousands of sessions
  // repeats the same few dates, provinces and trainers): each stands for `stride` rows.
  const stride = Math.max(1, rows.length / 300);
  const sample = rows.length > 300 ? Array.from({ length: 300 }, (_, i) => measured[1 + Math.floor(i * stride)]!) : measured.slice(1);
  const cells = [measured[0]!, ...sample];
  // The header is repeated on every page: its lines count once per page, about one page per 40 rows.
  const weight = (r: number) => (r === 0 ? Math.max(1, Math.ceil(rows.length / 40)) : rows.length > 300 ? stride : 1);
  // First the fewest lines K that every body cell can be held to at once (each column at the
  // narrowest width that holds its cells to K lines): no column is left to wrap far more than the
  // others while one long column takes the page; then the greedy widening below.
  const held = new Map<string, number>();
  const within = (c: number, k: number) => {
    const key = `${c}/${k}`;
    const known = held.get(key);
    if (known !== undefined) return known;
    const width = narrowestWithin(c, k);
    held.set(key, width);
    return width;
  };
  const narrowestWithin = (c: number, k: number) => {
    let low = minimum[c]!;
    let high = Math.max(low, natural[c]!);
    if (cells.slice(1).every((row) => lines(row[c]!, low) <= k)) return low;
    for (let i = 0; i < 30; i++) {
      const mid = (low + high) / 2;
      if (cells.slice(1).every((row) => lines(row[c]!, mid) <= k)) high = mid;
      else low = mid;
    }
    return high;
  };
  let widths = [...minimum];
  for (let k = 1; k <= 50; k++) {
    const candidate = header.map((_, c) => within(c, k));
    if (candidate.reduce((a, b) => a + b, 0) <= availableMm) {
      widths = candidate;
      break;
    }
  }
  const grid = cells.map((row) => row.map((text, c) => lines(text, widths[c]!)));
  // A row's cost is its height, plus a hundredth per line of each of its cells (fewer wrapped cells at equal height).
  const rowCost = (r: number, line: readonly number[]) => weight(r) * (Math.max(...line) + line.reduce((a, b) => a + b, 0) / 100);
  const total = () => grid.reduce((sum, line, r) => sum + rowCost(r, line), 0);
  const withColumn = (c: number, width: number) => grid.reduce((sum, line, r) => sum + rowCost(r, line.map((n, k) => (k === c ? lines(cells[r]![c]!, width) : n))), 0);
  let spare = availableMm - widths.reduce((a, b) => a + b, 0);
  let current = total();
  while (spare > 0.01) {
    let best: { column: number; width: number; gain: number } | undefined;
    for (let c = 0; c < columns; c++) {
      if (widths[c]! >= natural[c]!) continue;
      const targets = new Set([Math.min(widths[c]! + 0.5, natural[c]!)]);
      for (const row of cells) if (row[c]!.natural + 0.5 > widths[c]! && row[c]!.natural + 0.5 <= widths[c]! + spare) targets.add(row[c]!.natural + 0.5);
      // And the widths where the column's tallest cells lose a line: a plateau of half-millimetres that save nothing is crossed in one step.
      const tallest = Math.max(...grid.slice(1).map((line) => line[c]!));
      for (let k = tallest - 1; k >= 1; k--) {
        const width = within(c, k);
        if (width > widths[c]! + spare) break;
        if (width > widths[c]!) targets.add(width);
      }
      for (const width of [...targets].sort((a, b) => a - b).slice(0, 24)) {
        if (width - widths[c]! > spare + 1e-9) continue;
        const gain = (current - withColumn(c, width)) / (width - widths[c]!);
        if (gain > 1e-9 && (!best || gain > best.gain + 1e-12)) best = { column: c, width, gain };
      }
    }
    if (!best) break;
    spare -= best.width - widths[best.column]!;
    widths[best.column] = best.width;
    cells.forEach((row, r) => (grid[r]![best.column] = lines(row[best.column]!, best.width)));
    current = total();
  }
  // What is left goes to the columns in proportion to their narrowest widths, so the table spans the page.
  if (spare > 0) {
    const sum = widths.reduce((a, b) => a + b, 0);
    const share = spare / sum;
    widths.forEach((w, c) => (widths[c] = w + w * share));
  }
  return { widths, rowLines: measured.map((row) => Math.max(...row.map((text, c) => lines(text, widths[c]!)))) };
}

/**
 * `text` broken into as few lines as fit `widthMm`, at word boundaries chosen so that the lines
 * are as even as they can be (the longest as short as possible): no word left alone on the last line.
 */
export function balancedLines(text: string, widthMm: number, sizePt: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const width = (from: number, to: number) => textWidthMm(words.slice(from, to).join(" "), sizePt, bold);
  const total = width(0, words.length);
  const count = Math.min(words.length, Math.max(1, Math.ceil(total / widthMm)));
  if (count === 1) return [words.join(" ")];
  // best[k][i]: the smallest longest line of words[i..] in k lines, with the first break after it.
  const best: { longest: number; next: number }[][] = [];
  for (let k = 1; k <= count; k++) {
    best[k] = [];
    for (let i = 0; i < words.length; i++) {
      if (k === 1) {
        best[k]![i] = { longest: width(i, words.length), next: words.length };
        continue;
      }
      let choice = { longest: Infinity, next: words.length };
      for (let j = i + 1; j <= words.length - (k - 1); j++) {
        const longest = Math.max(width(i, j), best[k - 1]![j]!.longest);
        if (longest < choice.longest) choice = { longest, next: j };
      }
      best[k]![i] = choice;
    }
  }
  const lines: string[] = [];
  for (let k = count, i = 0; k >= 1; k--) {
    const next = best[k]![i]!.next;
    lines.push(words.slice(i, next).join(" "));
    i = next;
  }
  return lines;
}
