"""Serves the npm copy of htmx with CORS on 127.0.0.1:5056, standing in for the CDN while
Lighthouse runs (no machine here reaches the internet)."""

import http.server
from pathlib import Path

BODY = (Path(__file__).resolve().parents[1] / "node_modules/htmx.org/dist/htmx.min.js").read_bytes()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        self.send_response(200)
        self.send_header("Content-Type", "application/javascript")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    http.server.ThreadingHTTPServer(("127.0.0.1", 5056), Handler).serve_forever()
