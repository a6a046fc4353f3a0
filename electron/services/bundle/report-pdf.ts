// The report as PDF for the SP's file. Rendering is the platform's job (Electron's
// webContents.printToPDF in the app, Chromium's page.pdf in tests), injected as `printToPdf`;
// this checks that what came back is a PDF and writes it atomically. HQ's state report
// (services/hq/state-report.ts) prints through the same two functions.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reasonError } from '../../contract/errors.js';

/** Renders HTML to PDF bytes: Electron's printToPDF in the app, Chromium in the preview and tests. */
export type PrintToPdf = (html: string) => Promise<Buffer> | Buffer;

export async function reportPdf(html: string, printToPdf: PrintToPdf): Promise<Buffer> {
  const pdf = await printToPdf(html);
  if (!Buffer.isBuffer(pdf) || pdf.length < 100 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw reasonError('INTERNAL', 'pdf_failed', 'Printing the report did not produce a PDF.');
  }
  return pdf;
}

/** Writes a report file (PDF or HTML) whole or not at all: a `.partial` renamed into place. */
export function writeReportFile(file: string, bytes: Buffer | string): { file: string; bytes: number } {
  const tmp = `${file}.partial`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw reasonError(
      'BAD_INPUT',
      'write_failed',
      `Cannot write ${file}: ${(err as Error).message}`,
      { target: path.basename(file) },
      { file },
    );
  }
  return { file, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length };
}

export async function writeReportPdf(
  file: string,
  html: string,
  printToPdf: PrintToPdf,
): Promise<{ file: string; bytes: number }> {
  return writeReportFile(file, await reportPdf(html, printToPdf));
}
