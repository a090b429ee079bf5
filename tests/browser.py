"""Headless Chromium driven over the DevTools protocol (with aiohttp, from textual-serve): every
request the page makes is recorded, every websocket frame it receives is kept as text, and
downloads land in a folder of the test's own."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.conftest import chromium_command

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ESCAPES = re.compile(
    r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)
KEY_CODES = {"Enter": 13, "Escape": 27, "Tab": 9, "Backspace": 8}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Browser:
    """One headless Chromium with one page; ``async with Browser(profile, downloads) as b``."""

    def __init__(self, profile: Path, downloads: Path | None = None, *extra: str) -> None:
        self.profile = profile
        self.downloads = downloads
        self.extra = extra
        """More Chromium switches, e.g. ``--ignore-certificate-errors`` for a test certificate."""
        self.requests: list[str] = []
        self.received = ""
        self._ids = iter(range(1, 1_000_000))
        self._waiting: dict[int, asyncio.Future[Any]] = {}

    async def __aenter__(self) -> Browser:
        import aiohttp

        assert CHROMIUM is not None
        debug_port = free_port()
        self.process = subprocess.Popen(
            chromium_command(
                CHROMIUM,
                self.profile,
                "--window-size=1200,800",
                f"--remote-debugging-port={debug_port}",
                *self.extra,
                "about:blank",
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        targets = json.loads(wait_for(f"http://127.0.0.1:{debug_port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.session = aiohttp.ClientSession()
        self.ws = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        self.reader = asyncio.create_task(self._read())
        await self.call("Network.enable")
        await self.call("Page.enable")
        if self.downloads is not None:
            await self.call(
                "Page.setDownloadBehavior", behavior="allow", downloadPath=str(self.downloads)
            )
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.reader.cancel()
        await self.ws.close()
        await self.session.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data:
                future = self._waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data.get("result", {}))
                continue
            method, params = data.get("method"), data.get("params", {})
            if method == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif method == "Network.webSocketCreated":
                self.requests.append(params["url"])
            elif method == "Network.webSocketFrameReceived":
                frame = params["response"]
                payload = frame["payloadData"]
                if frame.get("opcode") == 2:
                    payload = base64.b64decode(payload).decode("utf-8", "replace")
                self.received += ESCAPES.sub("", payload)

    async def call(self, method: str, **params: Any) -> Any:
        number = next(self._ids)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        await self.ws.send_json({"id": number, "method": method, "params": params})
        return await asyncio.wait_for(future, 60)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def open(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    async def until(self, expression: str, seconds: float = 60) -> bool:
        """Poll a JavaScript condition until it holds (False if it never did)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if await self.evaluate(expression):
                return True
            await asyncio.sleep(0.2)
        return False

    async def until_shown(self, text: str, seconds: float = 60) -> bool:
        """Wait until the app has sent ``text`` to the page (escape sequences removed)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in self.received:
                return True
            await asyncio.sleep(0.2)
        return False

    async def press(self, key: str) -> None:
        """A key as a person presses it (trusted input events, which xterm.js reads)."""
        code = KEY_CODES.get(key, ord(key.upper()) if len(key) == 1 else 0)
        down: dict[str, Any] = {"type": "keyDown", "key": key, "windowsVirtualKeyCode": code}
        if len(key) == 1:
            down["text"] = key
        await self.call("Input.dispatchKeyEvent", **down)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code)

    async def screenshot(self, path: Path) -> None:
        picture = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(picture.get("data", "")))
