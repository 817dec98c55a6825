#!/usr/bin/env python3
"""Drives headless Chromium as a citizen would: opens a page, types into a form's fields, clicks
its submit button, waits for the answer page and prints the text of an element of it.

    submit_form.py CHROMIUM URL FIELD=VALUE... --read ELEMENT_ID

Speaks the DevTools protocol over --remote-debugging-pipe (file descriptors 3 and 4), so it needs
nothing but Python's standard library. Prints one JSON object:
{"status": <HTTP status of the answer>, "url": ..., "text": <textContent of ELEMENT_ID or null>}.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile


class Browser:
    def __init__(self, chromium):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        self.profile = tempfile.TemporaryDirectory(prefix="motcua-chromium-", ignore_cleanup_errors=True)

        # The browser reads commands on descriptor 3 and writes replies on 4: bash puts the pipes there.
        arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
                     "--user-data-dir=" + self.profile.name, "about:blank"]
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}', chromium] + arguments,
            pass_fds=(to_browser_r, from_browser_w), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, session, method, matches=lambda params: True):
        while True:
            for index, event in enumerate(self.events):
                if event.get("sessionId") == session and event.get("method") == method and matches(event.get("params", {})):
                    del self.events[: index + 1]
                    return event["params"]
            self.events.append(self.receive())

    def close(self):
        """Ends the browser and every process it started (they share its process group), then
        removes its profile."""
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        shutil.rmtree(self.profile.name, ignore_errors=True)


def main():
    chromium, url = sys.argv[1], sys.argv[2]
    read = sys.argv[sys.argv.index("--read") + 1]
    fields = dict(argument.split("=", 1) for argument in sys.argv[3:sys.argv.index("--read")])
    signal.alarm(60)  # a browser that stops answering fails the test instead of hanging it
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send("Network.enable", session=session)
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait_for(session, "Page.loadEventFired")
        # Type into the fields and click the form's button, as a person would.
        script = "(() => {"
        for name, value in fields.items():
            script += f"document.querySelector({json.dumps('[name=' + name + ']')}).value = {json.dumps(value)};"
        script += "document.querySelector('button[type=submit]').click(); return true; })()"
        browser.send("Runtime.evaluate", {"expression": script}, session=session)
        answer = browser.wait_for(session, "Network.responseReceived", lambda p: p.get("type") == "Document")
        browser.wait_for(session, "Page.loadEventFired")
        text = browser.send("Runtime.evaluate", {
            "expression": f"document.getElementById({json.dumps(read)})?.textContent ?? null", "returnByValue": True,
        }, session=session)["result"].get("value")
        print(json.dumps({"status": answer["response"]["status"], "url": answer["response"]["url"], "text": text}))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
