/** A file posted with a message (multipart/form-data). */
export interface FileUpload {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * What an answer posts: a markdown line (the fallback, always there), and optionally an Adaptive
 * Card (as JSON) or one file. The Webex messaging module turns it into a message.
 */
export interface Reply {
  markdown: string;
  card?: { readonly type: 'AdaptiveCard'; readonly version: string };
  file?: FileUpload;
}
