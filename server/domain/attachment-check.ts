import { type AttachmentMediaType, MAX_ATTACHMENT_BYTES, attachmentTypes } from '../../shared/attachments';
import { errorMessages } from '../../shared/errors';

export type AttachmentVerdict =
  | { ok: true; mediaType: AttachmentMediaType; name: string; image: boolean }
  | { ok: false; code: 'attachment_too_large' | 'attachment_type_forbidden' | 'invalid_request'; message: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Office Open XML files are zip archives; the part names inside say which application wrote them. */
function officeTypeOf(bytes: Uint8Array): AttachmentMediaType | null {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.includes('[Content_Types].xml')) return null;
  if (text.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (text.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (text.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return null;
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file's type from its first bytes (magic numbers), never from what the sender declared. */
export function sniffMediaType(bytes: Uint8Array, ending: string): AttachmentMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeTypeOf(bytes);
  // Text has no signature: valid UTF-8 without NUL bytes, named as text (an .html or .svg is text too, and refused).
  if (isPlainText(bytes)) return ending === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

/** A name safe to show and to put in Content-Disposition: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ending = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 120 - ending.length) + ending;
}

const endingOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** Whether a file may be attached: its size, and a type read from its bytes that its name agrees with. */
export function checkAttachment(bytes: Uint8Array, declaredName: string, maxBytes = MAX_ATTACHMENT_BYTES): AttachmentVerdict {
  if (bytes.length === 0) return { ok: false, code: 'invalid_request', message: 'The file is empty; choose another one.' };
  if (bytes.length > maxBytes) return { ok: false, code: 'attachment_too_large', message: errorMessages.attachment_too_large };
  const name = cleanFileName(declaredName) || 'file';
  const ending = endingOf(name);
  const mediaType = sniffMediaType(bytes, ending);
  if (!mediaType) return { ok: false, code: 'attachment_type_forbidden', message: errorMessages.attachment_type_forbidden };
  const endings: readonly string[] = attachmentTypes[mediaType];
  if (!endings.includes(ending)) {
    // A pasted screenshot has no name worth keeping; a text file without an ending is still text.
    if (ending === '') return { ok: true, mediaType, name: `${name}.${endings[0]}`, image: mediaType.startsWith('image/') };
    return {
      ok: false,
      code: 'attachment_type_forbidden',
      message: `“${name}” is not what its name says (its content is ${mediaType}), or that kind of file cannot be sent. ${errorMessages.attachment_type_forbidden}`,
    };
  }
  return { ok: true, mediaType, name, image: mediaType.startsWith('image/') };
}
