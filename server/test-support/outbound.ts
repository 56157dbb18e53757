import { createOutboundFetch } from '../security/outbound-fetch';
import { parseOutboundAllow } from '../security/outbound-url';

// The tests' webhook and bot receivers listen on loopback, which the outbound guard refuses by
// default: the harness allows exactly loopback, as OUTBOUND_ALLOW would on a self-hosted network.
export const LOOPBACK_RECEIVERS = parseOutboundAllow('127.0.0.1,::1');
export const loopbackFetch = createOutboundFetch(LOOPBACK_RECEIVERS);
