import { TextDecoder } from 'node:util';

const decoders = new Map<string, TextDecoder>();

/** A cached TextDecoder (Node has full ICU). 'ascii' decodes as windows-1252 so stray bytes survive. */
export function decoderFor(label: string): TextDecoder {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    decoder = new TextDecoder(label === 'ascii' ? 'windows-1252' : label);
    decoders.set(label, decoder);
  }
  return decoder;
}
