import { readFile } from 'node:fs/promises';
import { CliExit, EXIT } from './exit-codes';

export interface PassphraseSources {
  env: NodeJS.ProcessEnv;
  passphraseFile: string | undefined;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** The passphrase: SCANVAULT_PASSPHRASE, then --passphrase-file, then a prompt without echo. */
export async function readPassphrase(src: PassphraseSources, prompt = 'Vault passphrase: '): Promise<string> {
  const fromEnv = src.env.SCANVAULT_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (src.passphraseFile !== undefined) return readFirstLine(src.passphraseFile);
  return promptHidden(src, prompt);
}

/** A new passphrase for init/passwd: SCANVAULT_NEW_PASSPHRASE, --new-passphrase-file, or asked twice. */
export async function readNewPassphrase(src: PassphraseSources, newPassphraseFile: string | undefined, fallbackToCurrent: boolean): Promise<string> {
  const fromEnv = src.env.SCANVAULT_NEW_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (newPassphraseFile !== undefined) return readFirstLine(newPassphraseFile);
  if (fallbackToCurrent) {
    const current = src.env.SCANVAULT_PASSPHRASE;
    if (current !== undefined && current !== '') return current;
    if (src.passphraseFile !== undefined) return readFirstLine(src.passphraseFile);
  }
  const first = await promptHidden(src, 'New passphrase: ');
  const second = await promptHidden(src, 'Type it again: ');
  if (first !== second) throw new CliExit(EXIT.usage, 'The two passphrases were different. Nothing was changed; please try again.');
  return first;
}

async function readFirstLine(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliExit(EXIT.usage, 'The passphrase file could not be read. Check the path given to --passphrase-file.');
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function promptHidden(src: PassphraseSources, prompt: string): Promise<string> {
  const { stdin, stderr } = src;
  if (!stdin.isTTY) return readLineFromPipe(stdin);
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          stderr.write('\n');
          reject(new CliExit(EXIT.failure, 'Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

let pipedLines: string[] | null = null;

/** Non-interactive stdin (a pipe): each prompt takes the next line. */
async function readLineFromPipe(stdin: NodeJS.ReadStream): Promise<string> {
  if (pipedLines === null) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    pipedLines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  }
  const line = pipedLines.shift();
  if (line === undefined || line === '') {
    throw new CliExit(EXIT.usage, 'No passphrase given. Set SCANVAULT_PASSPHRASE, use --passphrase-file, or run in a terminal.');
  }
  return line;
}
