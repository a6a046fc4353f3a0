/** One line of the `npm run bench` table. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The floor measured in the same run (raw better-sqlite3 insert, openssl, bare node start …). */
  floor?: number;
  /** value / floor (or floor / value for throughput; the row's target says which). */
  ratio?: number;
  target: string;
  pass: boolean;
}
