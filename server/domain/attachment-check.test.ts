import { describe, expect, it } from 'vitest';
import { checkAttachment, cleanFileName } from './attachment-check';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const docx = new TextEncoder().encode('PK\u0003\u0004....[Content_Types].xml....word/document.xml');

describe('checkAttachment', () => {
  it('accepts a PNG by its bytes and previews it', () => {
    expect(checkAttachment(png, 'shot.png')).toEqual({ ok: true, mediaType: 'image/png', name: 'shot.png', image: true });
  });

  it('names a pasted image that came without an ending', () => {
    expect(checkAttachment(png, 'image')).toMatchObject({ ok: true, name: 'image.png' });
  });

  it('accepts documents as downloads: pdf, docx, csv, txt', () => {
    expect(checkAttachment(pdf, 'invoice.pdf')).toMatchObject({ ok: true, mediaType: 'application/pdf', image: false });
    expect(checkAttachment(docx, 'letter.docx')).toMatchObject({ ok: true, image: false });
    expect(checkAttachment(new TextEncoder().encode('a,b\n1,2\n'), 'rows.csv')).toMatchObject({ ok: true, mediaType: 'text/csv' });
    expect(checkAttachment(new TextEncoder().encode('héllo'), 'notes.txt')).toMatchObject({ ok: true, mediaType: 'text/plain' });
  });

  it('refuses an executable whatever it is called', () => {
    expect(checkAttachment(exe, 'setup.exe')).toMatchObject({ ok: false, code: 'attachment_type_forbidden' });
    expect(checkAttachment(exe, 'photo.png')).toMatchObject({ ok: false, code: 'attachment_type_forbidden' });
  });

  it('refuses content that its name disagrees with, and text named as markup', () => {
    expect(checkAttachment(pdf, 'photo.png')).toMatchObject({ ok: false, code: 'attachment_type_forbidden' });
    expect(checkAttachment(new TextEncoder().encode('<svg onload=alert(1)>'), 'x.svg')).toMatchObject({
      ok: false,
      code: 'attachment_type_forbidden',
    });
    expect(checkAttachment(new TextEncoder().encode('<html></html>'), 'x.html')).toMatchObject({
      ok: false,
      code: 'attachment_type_forbidden',
    });
  });

  it('refuses a file over the limit and an empty one', () => {
    expect(checkAttachment(new Uint8Array(11).fill(65), 'big.txt', 10)).toMatchObject({ ok: false, code: 'attachment_too_large' });
    expect(checkAttachment(new Uint8Array(0), 'empty.txt')).toMatchObject({ ok: false, code: 'invalid_request' });
  });
});

describe('cleanFileName', () => {
  it('drops paths, quotes and control characters and keeps the ending of a long name', () => {
    expect(cleanFileName('C:\\Users\\me\\"a"\u0007.pdf')).toBe('a.pdf');
    const long = cleanFileName(`${'x'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});
