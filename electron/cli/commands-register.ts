// init, audit verify: the register's own commands.
import type { Command } from 'commander';

export function registerCoreCommands(program: Command): void {
  void program;
}
