"""A tiny Alertmanager webhook receiver for the compose demo: it prints every notification it receives, one line per
alert, and shows the most recent ones at http://localhost:8095/. Standard library only."""

import html
import json
import os
import sys
from collections import deque
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("PORT", "8080"))
received = deque(maxlen=200)


def describe(alert, receiver):
    labels = alert.get("labels", {})
    annotations = alert.get("annotations", {})
    where = " ".join(f"{key}={labels[key]}" for key in ("cluster", "dc", "instance") if key in labels)
    return (f"[{alert.get('status', '?').upper()}] {labels.get('severity', '-')} {labels.get('alertname', '?')} "
            f"{where} -> {receiver}: {annotations.get('summary', '')}").strip()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            notification = json.loads(body)
        except ValueError:
            self.send_error(400, "expected Alertmanager's webhook JSON")
            return
        now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        for alert in notification.get("alerts", []):
            line = f"{now} {describe(alert, notification.get('receiver', '?'))}"
            received.appendleft(line)
            print(line, flush=True)
        self.send_response(200)
        self.end_headers()

    def do_GET(self):
        rows = "\n".join(html.escape(line) for line in received) or "No notification yet."
        page = (f"<!doctype html><title>cassmon alert receiver</title><meta http-equiv=refresh content=10>"
                f"<h1>Notifications received from Alertmanager</h1><pre>{rows}</pre>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    print(f"alert receiver listening on :{PORT}", file=sys.stderr, flush=True)
    ThreadingHTTPServer(("", PORT), Handler).serve_forever()
