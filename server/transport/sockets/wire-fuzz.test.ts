import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { createFrameLimiter, parseFrame } from './frame-guard';
import {
  CorrectIntentBody,
  ListConversationsQuery,
  LoginBody,
  NoteBody,
  PresenceBody,
  PutSiteConfigBody,
  ReplyBody,
  TransferBody,
  UpdateOperatorBody,
} from '../../../shared/http';
import { OperatorCommand } from '../../../shared/operator-protocol';
import { MAX_FRAME_BYTES, MAX_MESSAGE_CHARS } from '../../../shared/protocol-version';
import { SiteConfig } from '../../../shared/site-config';
import { VisitorCommand } from '../../../shared/visitor-protocol';

// Property-based fuzzing of the wire contract: whatever a socket or an HTTP client sends, parsing
// answers (never throws), valid frames survive the trip through JSON unchanged, and the frame guard
// accepts exactly what the schema accepts.

const SCHEMAS: Record<string, z.ZodMiniType> = {
  VisitorCommand,
  OperatorCommand,
  LoginBody,
  ReplyBody,
  TransferBody,
  NoteBody,
  CorrectIntentBody,
  PresenceBody,
  PutSiteConfigBody,
  UpdateOperatorBody,
  ListConversationsQuery,
  SiteConfig,
};

// Arbitrary JSON, plus values shaped like frames (a known `type` with random fields) so the fuzzer
// reaches past the discriminator instead of failing at it every time.
const frameTypes = [
  'hello',
  'send_message',
  'request_human',
  'typing',
  'identify',
  'request_callback',
  'rate',
  'resume',
  'ping',
  'set_presence',
];
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc
    .record({ type: fc.constantFrom(...frameTypes) })
    .chain((head) => fc.dictionary(fc.string(), fc.jsonValue()).map((rest) => ({ ...rest, ...head }))),
);

describe('schemas never throw on arbitrary input', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      fc.assert(
        fc.property(anyJson, (value) => {
          const result = schema.safeParse(value);
          expect(typeof result.success).toBe('boolean');
        }),
        { numRuns: 300 },
      );
    });
  }
});

const clientMessageId = fc.string({ minLength: 1, maxLength: 64 });
const text = fc.string({ minLength: 1, maxLength: MAX_MESSAGE_CHARS });
const afterSeq = fc.nat();
const optionalShort = (max: number) => fc.option(fc.string({ maxLength: max }), { nil: undefined });

const validVisitorCommand: fc.Arbitrary<VisitorCommand> = fc.oneof(
  fc.record(
    {
      type: fc.constant('hello' as const),
      context: fc.record(
        { page: optionalShort(2048), referrer: optionalShort(2048), locale: optionalShort(35), timeZone: optionalShort(64) },
        { requiredKeys: [] },
      ),
      afterSeq,
    },
    { requiredKeys: ['type', 'context', 'afterSeq'] },
  ),
  fc.record({ type: fc.constant('send_message' as const), clientMessageId, text }),
  fc.record({ type: fc.constant('request_human' as const), clientMessageId }),
  fc.record({ type: fc.constant('typing' as const), isTyping: fc.boolean() }),
  fc.record({
    type: fc.constant('identify' as const),
    identity: fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 128 }),
        name: fc.string({ maxLength: 120 }),
        tags: fc.array(fc.string({ maxLength: 64 }), { maxLength: 32 }),
        attributes: fc.dictionary(
          fc.string().filter((k) => k !== '__proto__'),
          fc.oneof(fc.string(), fc.integer(), fc.boolean()),
        ),
        userHash: fc.string({ maxLength: 128 }),
      },
      { requiredKeys: ['id'] },
    ),
  }),
  fc.record(
    {
      type: fc.constant('rate' as const),
      score: fc.integer({ min: 1, max: 5 }),
      comment: fc.string({ maxLength: 1000 }),
    },
    { requiredKeys: ['type', 'score'] },
  ),
  fc.record({ type: fc.constant('resume' as const), afterSeq }),
  fc.record({ type: fc.constant('ping' as const), nonce: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
);

const validOperatorCommand: fc.Arbitrary<OperatorCommand> = fc.oneof(
  fc.record({ type: fc.constant('typing' as const), conversationId: fc.string(), isTyping: fc.boolean() }),
  fc.record({ type: fc.constant('set_presence' as const), presence: fc.constantFrom('online' as const, 'away' as const) }),
  fc.record({ type: fc.constant('ping' as const), nonce: fc.integer() }),
);

// JSON turns -0 into 0; equal for the protocol, not for toEqual.
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('valid frames round-trip', () => {
  it('visitor commands: accepted, unchanged, and unchanged again after JSON', () => {
    fc.assert(
      fc.property(validVisitorCommand, (command) => {
        const direct = VisitorCommand.safeParse(command);
        expect(direct.success).toBe(true);
        expect(direct.data).toEqual(command);
        const wire = VisitorCommand.safeParse(viaJson(command));
        expect(wire.success).toBe(true);
        expect(wire.data).toEqual(viaJson(command));
      }),
      { numRuns: 400 },
    );
  });

  it('operator commands', () => {
    fc.assert(
      fc.property(validOperatorCommand, (command) => {
        const wire = OperatorCommand.safeParse(viaJson(command));
        expect(wire.success).toBe(true);
        expect(wire.data).toEqual(viaJson(command));
      }),
    );
  });

  it('a valid command with one required field removed is refused', () => {
    const required: Record<VisitorCommand['type'], string[]> = {
      hello: ['type', 'context', 'afterSeq'],
      send_message: ['type', 'clientMessageId', 'text'],
      request_human: ['type', 'clientMessageId'],
      typing: ['type', 'isTyping'],
      identify: ['type', 'identity'],
      request_callback: ['type', 'clientMessageId', 'contact'],
      rate: ['type', 'score'],
      resume: ['type', 'afterSeq'],
      ping: ['type', 'nonce'],
    };
    fc.assert(
      fc.property(validVisitorCommand, fc.nat(), (command, pick) => {
        const keys = required[command.type];
        const broken: Record<string, unknown> = { ...command };
        delete broken[keys[pick % keys.length]!];
        expect(VisitorCommand.safeParse(broken).success).toBe(false);
      }),
    );
  });
});

describe('the frame guard agrees with the schema', () => {
  const always = () => true;
  const asFrame = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

  it('accepts exactly what the schema accepts, refusing the rest with a code', () => {
    const raw = fc.oneof(
      validVisitorCommand.map((c) => asFrame(c)),
      anyJson.map((v) => asFrame(v)),
      fc.string().map((s) => asFrame(s)),
      fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
    );
    fc.assert(
      fc.property(raw, (buffer) => {
        const result = parseFrame(buffer, VisitorCommand, always);
        let json: unknown;
        let isJson = true;
        try {
          json = JSON.parse(buffer.toString('utf8'));
        } catch {
          isJson = false;
        }
        const schema = isJson ? VisitorCommand.safeParse(json) : null;
        if (buffer.byteLength > MAX_FRAME_BYTES) {
          expect(result).toMatchObject({ ok: false, error: { code: 'frame_too_large' } });
        } else if (!isJson || !schema?.success) {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_frame' } });
        } else {
          expect(result).toEqual({ ok: true, frame: schema.data });
        }
      }),
      { numRuns: 600 },
    );
  });

  it('refuses every oversized frame before parsing it, and a limited one whatever it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_FRAME_BYTES + 1, max: MAX_FRAME_BYTES * 4 }), (size) => {
        const frame = Buffer.from(JSON.stringify({ type: 'send_message', clientMessageId: 'm', text: 'x'.repeat(size) }));
        expect(parseFrame(frame, VisitorCommand, always)).toMatchObject({ ok: false, error: { code: 'frame_too_large' } });
      }),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(validVisitorCommand, (command) => {
        const refused = parseFrame(asFrame(command), VisitorCommand, () => false);
        expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
        // The refused message is named, so the widget's outbox sends it again instead of leaving it "sending".
        const id = 'clientMessageId' in command ? command.clientMessageId : undefined;
        expect(refused.ok ? undefined : refused.error.clientMessageId).toBe(id);
      }),
      { numRuns: 50 },
    );
  });

  it('the limiter never lets more than the burst plus the refill through', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        let clock = 0;
        const allow = createFrameLimiter(20, 5, () => clock);
        let allowed = 0;
        for (const gap of gaps) {
          clock += gap;
          if (allow()) allowed++;
        }
        expect(allowed).toBeLessThanOrEqual(20 + Math.floor((clock / 1000) * 5));
      }),
    );
  });
});
