/**
 * What the UI needs from its host, passed down through React context: the API, the browser
 * host's file upload, and (desktop only) a way to learn a dropped file's path.
 */
import { createContext, useContext } from 'react';
import type { ScanVaultApi } from '../../shared/api';

export type UploadFn = (uploadId: string, relativePath: string, file: Blob) => Promise<{ ok: boolean; reason?: string }>;

export interface Services {
  api: ScanVaultApi;
  uploadFile: UploadFn;
  /** Desktop app only: the path of a dropped file on this computer. */
  pathForFile: ((file: File) => string) | null;
}

const ServicesContext = createContext<Services | null>(null);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}

export function useApi(): ScanVaultApi {
  return useServices().api;
}
