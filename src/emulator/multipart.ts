import busboy from 'busboy';
import type { Request } from 'express';
import { ApiError, badRequest } from './api-error';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Reads a multipart/form-data request (Webex's way of posting a local file with a message). */
export function readMultipart(req: Request): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers, undici's FormData and form-data send file names as raw UTF-8 (busboy's default
      // would read them as Latin-1: "Fløyen.png" → "FlÃ¸yen.png").
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: MAX_FILE_BYTES, files: 5, fields: 50 },
      });
    } catch (error) {
      reject(badRequest(`Malformed multipart body: ${(error as Error).message}`));
      return;
    }
    const body: MultipartBody = { fields: {}, files: [] };
    let failed = false;
    parser.on('field', (name, value) => {
      body.fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failed = true;
        reject(new ApiError(413, 'Request entity too large.', 'Files are limited to 100 MB.'));
      });
      stream.on('end', () => {
        body.files.push({
          field,
          filename: info.filename || 'file',
          contentType: info.mimeType || 'application/octet-stream',
          bytes: Buffer.concat(chunks),
        });
      });
    });
    parser.on('error', (error: Error) => {
      failed = true;
      reject(badRequest(`Malformed multipart body: ${error.message}`));
    });
    parser.on('close', () => {
      if (!failed) resolve(body);
    });
    req.pipe(parser);
  });
}
