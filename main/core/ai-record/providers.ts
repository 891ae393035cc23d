/** Providers: facilities and AI vendors, with what they said about AI in general and their documents. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { Provider } from '../../../shared/api/ai-record';
import { insertProvider, listProviderRows, readProvider, updateProvider, type ProviderRow } from '../db/ai-providers';
import { appendEvent } from '../vault/event-log';
import { notFound, nowIso, type AiContext } from './context';

export function toProvider(r: ProviderRow): Provider {
  return { ...r };
}

export function listProviders(ctx: AiContext): ApiOutput<'listProviders'> {
  return { providers: listProviderRows(ctx.vault().db).map(toProvider) };
}

export async function saveProvider(ctx: AiContext, input: ApiParsedInput<'saveProvider'>): Promise<Provider> {
  const fields = {
    kind: input.kind, name: input.name, contact: input.contact ?? null, privacyOfficer: input.privacyOfficer ?? null,
    aiStatement: input.aiStatement ?? null, notes: input.notes ?? null,
  };
  const vault = ctx.vault();
  const id = await vault.writes.run((db) => {
    const now = nowIso(ctx);
    let saved: number;
    if (input.id === undefined) saved = insertProvider(db, fields, now);
    else if (updateProvider(db, input.id, fields, now)) saved = input.id;
    else throw notFound('provider');
    appendEvent(db, 'ai-provider-saved', { providerId: saved, created: input.id === undefined, kind: input.kind });
    return saved;
  });
  const row = readProvider(vault.db, id);
  if (!row) throw notFound('provider');
  return toProvider(row);
}
