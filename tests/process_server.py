"""One app server in a process of its own, for tests that need several (each process keeps its
own caches): `python -m tests.process_server PORT`, with the test app's settings as JSON in
$TGG_TEST_SETTINGS. It prints "ready" once it listens and serves until terminated."""

from __future__ import annotations

import json
import os
import sys

from werkzeug.serving import WSGIRequestHandler, make_server

from app import create_app


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args, **kwargs) -> None:
        pass


def main() -> None:
    port = int(sys.argv[1])
    app = create_app("testing", **json.loads(os.environ["TGG_TEST_SETTINGS"]))
    server = make_server("127.0.0.1", port, app, threaded=True, request_handler=_Quiet)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
