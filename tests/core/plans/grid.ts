/**
 * A bare grid that applies a ResolvedSheet the way a host would (clears, inserted rows, deleted
 * rows, then writes, holes left as they are; a leading apostrophe marks text; "=" starts a
 * formula, left uncomputed and not adjusted). For testing the resolver without a formula engine.
 */
import { type Cell, parseRange, type ResolvedSheet, type SheetState } from "../../../core/index";

export class Grid {
  values: Cell[][] = [];
  formulas: (string | null)[][] = [];

  apply(resolved: ResolvedSheet): void {
    for (const range of resolved.clear) {
      const { row, column, rows, columns } = parseRange(range);
      for (let r = row; r < row + rows; r++)
        for (let c = column; c < column + columns; c++) this.set(r, c, null);
    }
    for (const { at, count } of resolved.insertRows) {
      this.values.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
      this.formulas.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    }
    for (const { start, count } of resolved.deleteRows) {
      this.values.splice(start - 1, count);
      this.formulas.splice(start - 1, count);
    }
    for (const write of resolved.writes) {
      for (const [r, row] of write.cells.entries()) {
        for (const [c, input] of row.entries()) {
          if (input === null) continue;
          const y = write.row - 1 + r;
          const x = write.column - 1 + c;
          this.values[y] ??= [];
          this.formulas[y] ??= [];
          if (typeof input === "string" && input.startsWith("=")) {
            this.formulas[y][x] = input;
            this.values[y][x] = null;
          } else {
            this.formulas[y][x] = null;
            this.values[y][x] =
              typeof input === "string" ? (input.startsWith("'") ? input.slice(1) : input || null) : input;
          }
        }
      }
    }
  }

  set(row: number, column: number, value: Cell): void {
    this.values[row - 1] ??= [];
    this.formulas[row - 1] ??= [];
    (this.values[row - 1] as Cell[])[column - 1] = value;
    (this.formulas[row - 1] as (string | null)[])[column - 1] = null;
  }

  get(row: number, column: number): Cell | string {
    return this.formulas[row - 1]?.[column - 1] ?? this.values[row - 1]?.[column - 1] ?? null;
  }

  state(): SheetState {
    const width = Math.max(0, ...this.values.map((row) => row.length));
    const fill = <T>(rows: T[][], blank: T) =>
      Array.from({ length: rows.length }, (_, r) =>
        Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? blank),
      );
    return { values: fill(this.values, null), formulas: fill(this.formulas, null) };
  }
}
