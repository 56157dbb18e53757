import type { VisitorStrings } from '../../shared/visitor-messages';

/**
 * The only words the panel has before the server's `welcome` brings the site's strings in the
 * visitor's language: the names of what is on screen at once, and what can be said about a message
 * typed offline or a connection that never comes up. Everything else (stages, forms, server errors)
 * appears only after `welcome`. English, and equal to shared/visitor-strings.ts (a test checks).
 */
export const fallbackStrings: Partial<VisitorStrings> = {
  title: 'Chat with us',
  closeLabel: 'Close chat',
  soundLabel: 'Sound for new replies',
  attachLabel: 'Attach a file',
  inputLabel: 'Message',
  send: 'Send',
  senderVisitor: 'You',
  sending: 'Sending…',
  notSent: 'Not sent.',
  retry: 'Retry',
  reconnecting: 'Connection lost. Reconnecting…',
  resyncFailed: 'Couldn’t load the latest messages. Trying again…',
  chatUnavailable: 'The chat is not available right now.',
  chatOutdated: 'The chat was updated. Please reload the page.',
  genericError: 'Something went wrong. Please try again.',
};
