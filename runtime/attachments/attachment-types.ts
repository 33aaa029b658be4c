/**
 * @module What may be uploaded: the content-type allow-list (images, PDF, office documents, plain text
 * and CSV, ZIP), the bytes each type must start with where the format has a signature (a `.exe`
 * renamed to `photo.png` is refused), whether a type is shown inline or downloaded, and a file name
 * made safe to store and to put in `Content-Disposition`.
 */

/** `{ hash, name, size, contentType }`: what an attachment or signature field stores per file. */
export interface FileRef {
  hash: string;
  name: string;
  size: number;
  contentType: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Check = (bytes: Buffer) => boolean;

const startsWith =
  (...signatures: number[][]): Check =>
  (bytes) =>
    signatures.some((signature) => signature.every((byte, i) => bytes[i] === byte));

/** Text is anything that is not obviously binary (no NUL byte in the first 8 kB). */
const looksLikeText: Check = (bytes) => !bytes.subarray(0, 8192).includes(0);

const isWebp: Check = (bytes) =>
  bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';

/** ISO base media files (HEIC / HEIF) carry `ftyp` at byte 4. */
const isIsoMedia: Check = (bytes) => bytes.subarray(4, 8).toString('latin1') === 'ftyp';

const isSvg: Check = (bytes) =>
  looksLikeText(bytes) && /<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8'));

/** Accepted media types, each with the check its bytes must pass. */
export const ALLOWED_TYPES: Readonly<Record<string, Check>> = {
  'image/png': startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': startsWith([0xff, 0xd8, 0xff]),
  'image/gif': startsWith([0x47, 0x49, 0x46, 0x38]),
  'image/webp': isWebp,
  'image/heic': isIsoMedia,
  'image/heif': isIsoMedia,
  'image/bmp': startsWith([0x42, 0x4d]),
  // Signature pads draw SVG; it is served with a sandboxing policy so its scripts never run.
  'image/svg+xml': isSvg,
  'application/pdf': startsWith([0x25, 0x50, 0x44, 0x46]),
  'application/msword': startsWith(OLE),
  'application/vnd.ms-excel': startsWith(OLE),
  'application/vnd.ms-powerpoint': startsWith(OLE),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': startsWith(ZIP),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': startsWith(ZIP),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': startsWith(ZIP),
  'application/vnd.oasis.opendocument.text': startsWith(ZIP),
  'application/vnd.oasis.opendocument.spreadsheet': startsWith(ZIP),
  'application/vnd.oasis.opendocument.presentation': startsWith(ZIP),
  'text/plain': looksLikeText,
  'text/csv': looksLikeText,
  'application/zip': startsWith(ZIP, [0x50, 0x4b, 0x05, 0x06]),
};

/** Names browsers and old Windows send for types on the list. */
const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-zip-compressed': 'application/zip',
  'application/x-pdf': 'application/pdf',
};

/** The media type of a `Content-Type` header, lower-cased, parameters dropped, aliases resolved. */
export function mediaTypeOf(header: string): string {
  const type = (header.split(';')[0] ?? '').trim().toLowerCase();
  return ALIASES[type] ?? type;
}

export const isAllowedType = (type: string): boolean => Object.hasOwn(ALLOWED_TYPES, type);

/** Whether `bytes` are plausibly of the (allowed) media type `type`. */
export function contentMatches(type: string, bytes: Buffer): boolean {
  return ALLOWED_TYPES[type]?.(bytes) ?? false;
}

/** Types a browser may show in place (thumbnails, a PDF preview); everything else is downloaded. */
export function shownInline(type: string): boolean {
  return type.startsWith('image/') || type === 'application/pdf' || type === 'text/plain';
}

/** The engine's limit on a stored file name. */
export const MAX_NAME_LENGTH = 255;

/**
 * A file name safe to store: the last path segment only, no control characters, at most 255
 * characters (keeping the extension), `file` when nothing is left.
 */
export function safeFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
  if (name.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
