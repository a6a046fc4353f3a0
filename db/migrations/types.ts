/** A numbered, forward-only migration. `up` is SQL run inside one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}
