import { describe, expect, it } from 'vitest';
import { describeStartupFailure, redactMongoUri } from './startup-failure';

const target = {
  port: 3000,
  host: '0.0.0.0',
  mongodbUri: 'mongodb://baton:s3cret@db.example.com:27017/?authSource=admin',
  mongodbDb: 'baton',
};

describe('redactMongoUri', () => {
  it.each([
    ['mongodb://baton:s3cret@db.example.com:27017/?authSource=admin', 'mongodb://db.example.com:27017/'],
    ['mongodb+srv://u:p%40ss@cluster0.abc.mongodb.net/baton?retryWrites=true', 'mongodb+srv://cluster0.abc.mongodb.net/baton'],
    ['mongodb://a:1,b:2/baton', 'mongodb://a:1,b:2/baton'],
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017/'],
  ])('given %s, shows %s', (uri, shown) => {
    expect(redactMongoUri(uri)).toBe(shown);
  });
});

describe('describeStartupFailure', () => {
  it('names the busy port and the variable to change', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:3000'), { code: 'EADDRINUSE' });
    expect(describeStartupFailure('listen', error, target)).toBe(
      'PORT 3000 is in use on 0.0.0.0; stop the other process or set PORT to a free port.',
    );
  });

  it('names an unreachable database without its credentials', () => {
    const line = describeStartupFailure('connect', new Error('connect ECONNREFUSED 127.0.0.1:27017\n  at stack'), target);
    expect(line).toBe(
      'Cannot reach the database at mongodb://db.example.com:27017/ (connect ECONNREFUSED 127.0.0.1:27017); check MONGODB_URI and that the server is running.',
    );
    expect(line).not.toContain('s3cret');
  });

  it('tells refused credentials apart from an unreachable server', () => {
    const error = Object.assign(new Error('Authentication failed.'), { code: 18 });
    expect(describeStartupFailure('connect', error, target)).toBe(
      'The database at mongodb://db.example.com:27017/ refused the credentials; check the user and password in MONGODB_URI.',
    );
  });

  it('calls a malformed MONGODB_URI malformed, not unreachable', () => {
    const error = Object.assign(new Error('option x is not supported'), { name: 'MongoParseError' });
    expect(describeStartupFailure('connect', error, target)).toBe(
      'MONGODB_URI is not a valid connection string (option x is not supported); fix MONGODB_URI.',
    );
  });

  it('names the database whose indexes could not be created', () => {
    const line = describeStartupFailure('indexes', new Error('Index already exists with a different name'), target);
    expect(line).toMatch(/^Cannot create the indexes in database baton at mongodb:\/\/db\.example\.com:27017\/ \(Index already exists/);
    expect(line).toContain('MONGODB_URI');
  });

  it('says what to check when the event bus cannot start, and that one instance can run without it', () => {
    const line = describeStartupFailure('event_bus', new Error('not authorized on baton to execute command'), target);
    expect(line).toMatch(/^Cannot start the event bus in database baton at mongodb:\/\/db\.example\.com:27017\/ \(not authorized/);
    expect(line).toContain('EVENT_BUS=off');
  });
});
