/** Argument checks shared by the AI-use record commands. */
import { CliExit, EXIT } from '../exit-codes';

/** A row number as printed by another command (`where` names it in the message). */
export function id(value: string, what: string, where: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new CliExit(EXIT.usage, `${what} must be a number as shown by "scanvault ${where}".`);
  return Number(value);
}
