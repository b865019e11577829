"""Start localstripe, the fake Stripe server of development and tests, on loopback.

    .localstripe-venv/bin/python app/integrations/localstripe_launcher.py \\
        --port 8420 --state instance/localstripe.pickle [--from-scratch]

Why a launcher rather than the `localstripe` command:
- localstripe is a GPL-licensed aiohttp server, not part of the app: it lives in its own venv
  (.localstripe-venv, from requirements-localstripe.txt) so neither it nor aiohttp ever enters
  the app's dependencies. This file is run by path with that venv's Python and imports only
  localstripe and the standard library (never the `app` package, whose Flask is not there).
- localstripe's own command binds every interface ('::'), and its `/_config/` routes (register
  a webhook, wipe all data) need no key: here it listens on 127.0.0.1 only.
- localstripe pickles its whole state to the fixed path /tmp/localstripe.pickle after every
  write, shared by every checkout and every test run on the machine. Here the state lives at
  --state (`make run`: instance/localstripe.pickle, beside the development database; tests: a
  temporary file) and is written atomically, so a Ctrl-C mid-write cannot corrupt it.
- --from-scratch starts empty and ignores the file (tests always do).

Webhook registrations are not part of the state: register them again after every start
(`make run` does).
"""

from __future__ import annotations

import argparse
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

from aiohttp import web
from localstripe import resources, server

HOST = "127.0.0.1"


def keep_state_at(path: Path) -> None:
    """Point localstripe's store at `path` instead of /tmp/localstripe.pickle."""

    def try_load_from_disk(store: resources.Store) -> None:
        try:
            with path.open("rb") as f:
                old = pickle.load(f)  # noqa: S301 - our own file, written by dump_to_disk
        except FileNotFoundError:
            return
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
            print(f"localstripe: {path} is unreadable ({error}); starting empty", file=sys.stderr)
            return
        store.clear()
        store.update(old)

    def dump_to_disk(store: resources.Store) -> None:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(dict(store), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise

    resources.Store.try_load_from_disk = try_load_from_disk
    resources.Store.dump_to_disk = dump_to_disk


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="localstripe on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--state", type=Path, required=True, help="pickle file for its data")
    parser.add_argument("--from-scratch", action="store_true", help="start with no data")
    args = parser.parse_args(argv)

    state = args.state.resolve()
    state.parent.mkdir(parents=True, exist_ok=True)
    keep_state_at(state)
    if not args.from_scratch:
        server.store.try_load_from_disk()

    access_log = logging.getLogger("aiohttp.access")
    access_log.setLevel(logging.INFO)
    access_log.addHandler(logging.StreamHandler())
    try:
        web.run_app(
            server.app,
            host=HOST,
            port=args.port,
            access_log=access_log,
            print=lambda _: print(f"localstripe on http://{HOST}:{args.port} (state: {state})"),
        )
    except OSError as error:  # the port is taken, most likely
        sys.exit(f"localstripe: {error}")


if __name__ == "__main__":
    main()
