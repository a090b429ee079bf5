"""``smreadiness serve``: a page on a free loopback port, and the app rendering in a real
headless browser (driven over the DevTools protocol, with aiohttp from textual-serve)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import chromium_command, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


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


@pytest.fixture
def server(tmp_path: Path) -> Any:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "smreadiness", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serve_answers_a_page_on_loopback(server: int) -> None:
    page = wait_for(f"http://127.0.0.1:{server}/")
    assert "<html" in page and "smreadiness" in page


def test_taken_port_is_a_clear_error(server: int) -> None:
    result = run_cli("serve", "--port", str(server))
    assert result.code == 1
    assert f"port {server} on 127.0.0.1 is already in use" in result.err
    assert "Traceback" not in result.err


def test_beyond_loopback_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    from smreadiness.cli.serve import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


async def _render(url: str, profile: Path, shot: Path) -> str:
    import aiohttp

    debug_port = free_port()
    browser = subprocess.Popen(
        chromium_command(
            str(CHROMIUM),
            profile,
            "--window-size=1200,800",
            f"--remote-debugging-port={debug_port}",
            url,
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        targets = json.loads(wait_for(f"http://127.0.0.1:{debug_port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                ids = iter(range(1, 10_000))

                async def call(method: str, **params: Any) -> Any:
                    number = next(ids)
                    await ws.send_json({"id": number, "method": method, "params": params})
                    async for message in ws:
                        data = json.loads(message.data)
                        if data.get("id") == number:
                            return data.get("result", {})
                    return {}

                async def evaluate(expression: str) -> Any:
                    result = await call(
                        "Runtime.evaluate", expression=expression, returnByValue=True
                    )
                    return result.get("result", {}).get("value")

                deadline = time.monotonic() + 60
                started = False
                while not started and time.monotonic() < deadline:
                    # textual-serve marks the page when the app's first output arrives.
                    started = bool(
                        await evaluate("document.body.classList.contains('-first-byte')")
                    )
                    await asyncio.sleep(0.3)
                await asyncio.sleep(2)  # let the first frames paint
                state = await evaluate(
                    "JSON.stringify({started: document.body.classList.contains('-first-byte'),"
                    " closed: document.body.classList.contains('-closed'),"
                    " canvases: document.querySelectorAll('.textual-terminal canvas').length})"
                )
                picture = await call("Page.captureScreenshot", format="png")
                shot.write_bytes(base64.b64decode(picture.get("data", "")))
                return str(state)
    finally:
        browser.terminate()
        browser.wait(timeout=10)


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="headless Chromium not installed (.ci/run installs it)",
)
def test_app_renders_in_headless_chromium(server: int, tmp_path: Path) -> None:
    assert CHROMIUM is not None, "CI must have chromium: .ci/run installs it"
    shot = tmp_path / "served.png"
    state = json.loads(
        asyncio.run(_render(f"http://127.0.0.1:{server}/", tmp_path / "profile", shot))
    )
    assert state["started"] is True, "the app process never sent its first frame"
    assert state["closed"] is False, "the app exited"
    assert state["canvases"] >= 1
    # The start dialog alone is a ~10 KB picture; the drawn home screen is several times that.
    assert shot.stat().st_size > 25_000
