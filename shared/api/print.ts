/**
 * Printing the page to a PDF file. Only the desktop app can do it itself (Electron's printToPDF of
 * its own window, after a save dialog); the core answers `supported: false`, and the browser's
 * own print window, which offers "Save as PDF", is used instead. The PDF is a copy the patient
 * chose to export: the one kind of plaintext file ScanVault writes.
 */
import { z } from 'zod';
import { method } from './method';

export const printMethods = {
  savePageAsPdf: method(
    z.object({ title: z.string().trim().min(1).max(120) }).strict(),
    z.object({ supported: z.boolean(), saved: z.boolean() }),
    { needsUnlock: true },
  ),
} as const;
