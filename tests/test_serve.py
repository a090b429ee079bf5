"""``smreadiness serve``: safe to share. Real HTTP on a free loopback port (the token, the room
limit) and the app in a real headless browser (driven over the DevTools protocol): it renders,
asks nothing of the internet, and a saved report arrives as a download."""

from __future__ import annotations

import asyncio
import json
import os
import re
import ssl
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.browser import CHROMIUM, Browser, free_port
from tests.conftest import run_cli

TLS = Path(__file__).resolve().parent / "data" / "tls"
"""A self-signed test certificate for localhost and 127.0.0.1, and its key."""
TRUST_TEST_CERTIFICATE = ssl.create_default_context(cafile=str(TLS / "cert.pem"))

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="headless Chromium not installed (.ci/run installs it)",
)


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    token: str
    output: Path
    scheme: str = "http"

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def cookie(self) -> str:
        return f"smreadiness-token-{self.port}={self.token}"

    def text(self) -> str:
        return self.output.read_text("utf-8", "replace")


def start(output: Path, command: list[str], port: int, scheme: str = "http") -> Served:
    """Start a server in a folder of its own and wait for the link it prints (with the token)."""
    workdir = output.parent / "cwd"
    workdir.mkdir(exist_ok=True)
    with output.open("wb") as sink:
        process = subprocess.Popen(
            command,
            cwd=workdir,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "TERM": "xterm-256color"},
        )
    served = Served(process, port, "", output, scheme)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        found = re.search(r"\?token=([A-Za-z0-9_-]+)", served.text())
        if found:
            served.token = found.group(1)
            break
        time.sleep(0.1)
    assert served.token, f"no link printed: {served.text()}"
    while time.monotonic() < deadline:  # the link is printed just before the port opens
        try:
            get(served.base + "/")
            break
        except OSError:
            time.sleep(0.1)
    return served


def stop(served: Served) -> None:
    served.process.terminate()
    try:
        served.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        served.process.kill()
        served.process.wait()


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Any]:
    """``serving("--max-sessions", "1")`` starts ``smreadiness serve``; all are stopped after."""
    started: list[Served] = []

    def run(*args: str) -> Served:
        port = free_port()
        command = [sys.executable, "-m", "smreadiness", "serve", "--port", str(port), *args]
        scheme = "https" if "--certificate" in args else "http"
        served = start(tmp_path / f"serve-{len(started)}.log", command, port, scheme)
        started.append(served)
        return served

    yield run
    for served in started:
        stop(served)


@dataclass
class Reply:
    status: int
    body: str
    headers: Any


def get(url: str, cookie: str = "") -> Reply:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        secure = TRUST_TEST_CERTIFICATE if url.startswith("https:") else None
        with urllib.request.urlopen(request, timeout=20, context=secure) as response:
            return Reply(
                response.status, response.read().decode("utf-8", "replace"), response.headers
            )
    except urllib.error.HTTPError as refused:
        return Reply(refused.code, refused.read().decode("utf-8", "replace"), refused.headers)


def app_processes(server: int) -> list[int]:
    """The app processes (``-m smreadiness --lang``) below the server process."""
    from bench.serve_memory import tree

    below = set(tree(server))
    found = []
    for pid in below - {server}:
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"smreadiness" in command and b"--lang" in command and b"serve" not in command:
            found.append(pid)
    return found


async def open_session(served: Served, cookie: str | None = None, origin: str = "") -> Any:
    """A websocket as the page opens it; returns (session, websocket) or raises the refusal."""
    import aiohttp

    headers = {"Cookie": served.cookie if cookie is None else cookie}
    if origin:
        headers["Origin"] = origin
    session = aiohttp.ClientSession()
    try:
        ws = await session.ws_connect(
            f"ws://127.0.0.1:{served.port}/ws?width=80&height=24", headers=headers
        )
    except BaseException:
        await session.close()
        raise
    return session, ws


async def first_output(ws: Any) -> bytes:
    """Wait for the app's first bytes on the websocket (the process is up)."""
    import aiohttp

    async for message in ws:
        if message.type == aiohttp.WSMsgType.BINARY:
            return bytes(message.data)
    return b""


# ---------------------------------------------------------------------- the token


def test_page_and_assets_need_the_token(serving: Any) -> None:
    served = serving()
    assert "Serving smreadiness at http://localhost:" in served.text()
    for path in ("/", "/static/js/textual.js", "/static/fonts/", "/download/x", "/ws"):
        refused = get(served.base + path)
        assert refused.status == 403, path
        assert "access token" in refused.body
    assert get(served.base + "/?token=" + "x" * len(served.token)).status == 403
    assert get(served.base + "/", cookie=f"smreadiness-token-{served.port}=nope").status == 403

    page = get(f"{served.base}/?token={served.token}")
    assert page.status == 200
    assert "<html" in page.body and "smreadiness" in page.body
    cookie = page.headers["Set-Cookie"]
    assert f"smreadiness-token-{served.port}={served.token}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert page.headers["Referrer-Policy"] == "no-referrer"
    # Then the cookie is enough: the page's script, font and websocket carry it.
    assert get(served.base + "/static/js/textual.js", cookie=served.cookie).status == 200
    font = "/static/fonts/RobotoMono-VariableFont_wght.ttf"
    assert get(served.base + font, cookie=served.cookie).status == 200


def test_the_page_asks_nothing_of_the_internet(serving: Any) -> None:
    served = serving()
    page = get(f"{served.base}/?token={served.token}").body
    addresses = re.findall(r'(?:src|href)="([^"]*)"|url\("([^"]*)"\)', page)
    addresses = [a or b for a, b in addresses]
    assert addresses, page
    for address in addresses:
        assert address.startswith(("/static/", "data:")), address
    assert "googleapis" not in page and "https://" not in page


def test_websocket_needs_the_token(serving: Any) -> None:
    import aiohttp

    served = serving()

    async def attempt(cookie: str, origin: str = "") -> int:
        try:
            session, ws = await open_session(served, cookie, origin)
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status
        try:
            assert await first_output(ws)
            return 101
        finally:
            await ws.close()
            await session.close()

    assert asyncio.run(attempt("")) == 403
    assert asyncio.run(attempt(f"smreadiness-token-{served.port}=wrong")) == 403
    assert asyncio.run(attempt(served.cookie, origin="http://evil.example")) == 403
    assert app_processes(served.process.pid) == []  # nothing started for a refused socket
    assert asyncio.run(attempt(served.cookie, origin=f"http://127.0.0.1:{served.port}")) == 101


# ---------------------------------------------------------------------- the room


def test_room_is_full_past_max_sessions(serving: Any) -> None:
    import aiohttp

    served = serving("--max-sessions", "1")
    assert "At most 1 browsers at once" in served.text()

    async def scenario() -> None:
        session, ws = await open_session(served)
        try:
            assert await first_output(ws)
            assert len(app_processes(served.process.pid)) == 1
            full = await asyncio.to_thread(get, f"{served.base}/?token={served.token}")
            assert full.status == 503
            assert "The room is full" in full.body and "Try again later" in full.body
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await open_session(served)
            assert refused.value.status == 503
            assert len(app_processes(served.process.pid)) == 1  # no new app for the refused
        finally:
            await ws.close()
            await session.close()
        # The place frees when the first browser leaves.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            reply = await asyncio.to_thread(get, f"{served.base}/?token={served.token}")
            if reply.status == 200:
                return
            await asyncio.sleep(0.2)
        raise AssertionError("the place never freed")

    asyncio.run(scenario())


def test_max_sessions_must_be_positive() -> None:
    result = run_cli("serve", "--max-sessions", "0", "--port", str(free_port()))
    assert result.code == 2
    assert "--max-sessions must be at least 1" in result.err


def test_taken_port_is_a_clear_error(serving: Any) -> None:
    served = serving()
    result = run_cli("serve", "--port", str(served.port))
    assert result.code == 1
    assert f"port {served.port} on 127.0.0.1 is already in use" in result.err
    assert "Traceback" not in result.err


# ---------------------------------------------------------------------- beyond loopback


def test_beyond_loopback_warns() -> None:
    from smreadiness.cli.serve import beyond_loopback_warning, is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")
    assert beyond_loopback_warning("127.0.0.1", 8000) is None
    warning = beyond_loopback_warning("0.0.0.0", 8000)
    assert warning is not None
    assert "anyone on that network with the link can connect" in warning


def test_warning_is_translated() -> None:
    from smreadiness.cli.serve import beyond_loopback_warning
    from smreadiness.i18n import set_language

    set_language("fi")
    try:
        warning = beyond_loopback_warning("192.0.2.1", 8000)
    finally:
        set_language("en")
    assert warning is not None and "192.0.2.1" in warning
    assert "anyone on that network" not in warning


def test_link_names_the_machine_and_carries_the_token() -> None:
    from smreadiness.cli.serve import link

    assert link("127.0.0.1", 8000, "abc") == "http://localhost:8000/?token=abc"
    assert link("192.0.2.1", 80, "abc") == "http://192.0.2.1:80/?token=abc"
    assert link("2001:db8::1", 8000, "abc") == "http://[2001:db8::1]:8000/?token=abc"
    assert "0.0.0.0" not in link("0.0.0.0", 8000, "abc")


def test_a_servers_own_folder_is_private(isolated_dirs: Path) -> None:
    from smreadiness.cli.serve import private_dir, server_folder

    folder = server_folder()
    assert folder.parent == isolated_dirs / "served"
    private_dir(folder / "visitors")
    for level in (isolated_dirs, isolated_dirs / "served", folder, folder / "visitors"):
        assert stat.S_IMODE(level.stat().st_mode) == 0o700, level


def test_each_browser_gets_its_own_folder_and_never_names_it(tmp_path: Path) -> None:
    from aiohttp.test_utils import make_mocked_request

    from smreadiness.tui.serve import SafeServer, ServeSettings

    visitors = tmp_path / "visitors"
    server = SafeServer(
        ServeSettings(
            host="0.0.0.0",
            port=8000,
            token="t" * 43,
            command=["python", "-m", "smreadiness"],
            visitors_dir=visitors,
            environment={"SMREADINESS_CACHE_DIR": str(tmp_path / "cache")},
        )
    )

    def command(visitor: str) -> str:
        cookie = f"{server.visitor_cookie}={visitor}" if visitor else ""
        request = make_mocked_request("GET", "/ws", headers={"Cookie": cookie})
        return server.session_command(request)

    def folder(line: str) -> str:
        found = re.search(r"SMREADINESS_DATA_DIR=(\S+)", line)
        assert found, line
        return found.group(1)

    alice, bob = "a" * 32, "b" * 32
    assert folder(command(alice)) == folder(command(alice))  # a reload resumes
    assert folder(command(alice)) != folder(command(bob))
    assert folder(command(alice)).startswith(str(visitors))
    assert "SMREADINESS_CACHE_DIR=" in command(alice)
    hostile = "../../../../etc/x" + "a" * 20
    assert "etc" not in command(hostile) and folder(command(hostile)).startswith(str(visitors))
    assert folder(command("")) != folder(command(""))  # no cookie: a fresh folder each time


def test_serve_says_whose_assessments_browsers_see(
    serving: Any, isolated_dirs: Path, answers_file: Any, tmp_path: Path
) -> None:
    """Served on loopback the host's own list is shared; ``--data`` names another folder."""
    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    assert "in " + str(isolated_dirs) in serving().text()
    other = tmp_path / "room"
    text = serving("--data", str(other)).text()
    assert "in " + str(other) in text
    assert stat.S_IMODE(other.stat().st_mode) == 0o700


# ---------------------------------------------------------------------- in a browser


@needs_chromium
def test_app_renders_locally_in_headless_chromium(serving: Any, tmp_path: Path) -> None:
    served = serving()

    async def scenario() -> dict[str, Any]:
        async with Browser(tmp_path / "profile") as browser:
            await browser.open(f"{served.base}/?token={served.token}")
            started = await browser.until("document.body.classList.contains('-first-byte')")
            await browser.until("document.fonts.status === 'loaded'")
            await browser.until_shown("smreadiness")
            await browser.until_shown("right for your business")  # the bank's, a moment later
            shot = tmp_path / "served.png"
            await browser.screenshot(shot)
            return {
                "started": started,
                "closed": await browser.evaluate("document.body.classList.contains('-closed')"),
                "canvases": await browser.evaluate(
                    "document.querySelectorAll('.textual-terminal canvas').length"
                ),
                "font": await browser.evaluate("document.fonts.check('16px \"Roboto Mono\"')"),
                "requests": list(browser.requests),
                "shot": shot.stat().st_size,
            }

    state = asyncio.run(scenario())
    assert state["started"] is True, "the app process never sent its first frame"
    assert state["closed"] is False, "the app exited"
    assert state["canvases"] >= 1
    assert state["font"] is True
    # The start dialog alone is a ~10 KB picture; the drawn home screen is several times that.
    assert state["shot"] > 25_000
    local = (f"http://127.0.0.1:{served.port}/", f"ws://127.0.0.1:{served.port}/")
    assert state["requests"], "no requests recorded"
    strays = [url for url in state["requests"] if not url.startswith((*local, "data:"))]
    assert strays == [], "the page reached beyond this machine"
    assert any("/static/fonts/RobotoMono" in url for url in state["requests"])


@needs_chromium
def test_saving_a_report_in_a_browser_downloads_it(
    serving: Any, answers_file: Any, tmp_path: Path, isolated_dirs: Path
) -> None:
    assert run_cli("import", str(answers_file("bakery-cafe"))).code == 0
    served = serving()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    before = set(isolated_dirs.rglob("*"))

    async def scenario() -> list[Path]:
        async with Browser(tmp_path / "profile", downloads) as browser:
            await browser.open(f"{served.base}/?token={served.token}")
            assert await browser.until_shown("Bakery Aurora")  # the home screen's list
            await browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            await browser.press("Enter")
            assert await browser.until_shown("Bakery Aurora: result")
            await browser.press("s")
            assert await browser.until_shown("Download the report")
            await browser.press("h")
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                done = [p for p in downloads.iterdir() if p.suffix == ".html"]
                if done:
                    return done
                await asyncio.sleep(0.2)
            return []

    received = asyncio.run(scenario())
    assert [p.name for p in received] == ["bakery-aurora-readiness.html"]
    html = received[0].read_text("utf-8")
    assert "Bakery Aurora" in html and "<html" in html
    # Nothing was written on the serving machine but the app's own files.
    written = {p for p in set(isolated_dirs.rglob("*")) - before if p.suffix == ".html"}
    assert written == set()
    assert list((tmp_path / "cwd").iterdir()) == []  # the server's working folder


@pytest.mark.parametrize("data", [None, "room"])
def test_beyond_loopback_browsers_get_their_own_folders(
    isolated_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: str | None,
) -> None:
    """What ``serve --host ADDRESS`` hands the server (started for real on loopback only)."""
    import argparse

    from smreadiness.cli import serve as command
    from smreadiness.tui import serve as server

    handed: list[Any] = []
    monkeypatch.setattr(command, "port_problem", lambda host, port: None)
    monkeypatch.setattr(server, "serve", handed.append)
    room = tmp_path / data if data else None
    args = argparse.Namespace(
        host="192.0.2.1", port=8000, max_sessions=40, lang="en", data=str(room) if room else None
    )
    assert command.run_serve(args) == 0
    out, err = capsys.readouterr()
    assert "anyone on that network with the link can connect" in err
    [settings] = handed
    folder = next((isolated_dirs / "served").iterdir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert settings.environment["SMREADINESS_CACHE_DIR"] == str(folder / "cache")
    if room is None:
        assert settings.visitors_dir == folder / "visitors"
        assert "SMREADINESS_DATA_DIR" not in settings.environment  # set per browser
        assert f"its own folder for its assessments, apart from yours: {folder}" in out
    else:
        assert settings.visitors_dir is None
        assert settings.environment["SMREADINESS_DATA_DIR"] == str(room.resolve())
        assert settings.environment["SMREADINESS_CONFIG_DIR"] == str(folder / "config")
        assert f"Every browser sees and changes the assessments in {room.resolve()}" in out


def test_a_served_workshop_gives_each_browser_one_respondent_and_only_its_own_answers(
    tmp_path: Path, answers_file: Any
) -> None:
    """``workshop serve``: a real browser joins with a name, answers, and the board's report
    counts it; the respondent never sees the other respondents."""
    from smreadiness.paths import data_dir

    assert run_cli("workshop", "new", "Spring course").code == 0
    assert run_cli("workshop", "add", "spring", str(answers_file("bakery-cafe"))).code == 0
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "smreadiness",
        "workshop",
        "serve",
        "spring",
        "--port",
        str(port),
    ]
    served = start(tmp_path / "workshop.log", command, port)
    try:
        assert "sees only its own answers" in served.text()

        async def scenario() -> str:
            async with Browser(tmp_path / "profile") as browser:
                await browser.open(f"{served.base}/?token={served.token}")
                assert await browser.until_shown("Spring course")
                await browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
                for key in "Bakery Aurora":
                    await browser.press(key)
                await browser.press("Enter")
                assert await browser.until_shown("choose another name")  # taken already
                for _ in range(len("Bakery Aurora") + 3):
                    await browser.press("Backspace")
                    await asyncio.sleep(0.05)  # one at a time, as a person types
                for key in "Eve":
                    await browser.press(key)
                    await asyncio.sleep(0.05)
                await asyncio.sleep(0.3)
                await browser.press("Enter")
                assert await browser.until_shown("Purpose and goals · question")
                await browser.press("1")
                await asyncio.sleep(2)
                return browser.received

        received = asyncio.run(scenario())
    finally:
        stop(served)
    folder = data_dir() / "workshops" / "spring-course"
    mine = list((folder / "browsers").glob("*/data/*.toml"))
    assert len(mine) == 1 and 'name = "Eve"' in mine[0].read_text("utf-8")
    assert '"purpose.goals" = "measurable"' in mine[0].read_text("utf-8")
    report = json.loads(run_cli("workshop", "report", "spring", "--format", "json").out)
    assert sorted(r["name"] for r in report["respondents"]) == ["Bakery Aurora", "Eve"]
    assert "Sourdough" not in received  # the other respondent's pitch never reached Eve


# ---------------------------------------------------------------- HTTPS


def _https(serving: Any) -> Any:
    return serving("--certificate", str(TLS / "cert.pem"), "--key", str(TLS / "key.pem"))


def test_https_serves_the_page_and_its_websocket_encrypted(serving: Any) -> None:
    served = _https(serving)
    assert f"Serving smreadiness at https://localhost:{served.port}/?token=" in served.text()
    assert get(served.base + "/").status == 403  # the certificate checks out; no token
    reply = get(f"{served.base}/?token={served.token}")
    assert reply.status == 200
    assert f'data-session-websocket-url="wss://127.0.0.1:{served.port}/ws"' in reply.body
    cookies = reply.headers.get_all("Set-Cookie") or []
    assert cookies and all("Secure" in cookie for cookie in cookies)
    with pytest.raises((OSError, urllib.error.URLError)):  # plain HTTP gets no page
        get(f"http://127.0.0.1:{served.port}/?token={served.token}")


def test_https_needs_a_certificate_and_its_key(tmp_path: Path) -> None:
    alone = run_cli("serve", "--port", str(free_port()), "--certificate", str(TLS / "cert.pem"))
    assert alone.code == 2
    assert "--certificate and --key go together: give both, or neither" in alone.err
    missing = run_cli(
        "serve", "--certificate", str(tmp_path / "none.pem"), "--key", str(TLS / "key.pem")
    )
    assert missing.code == 3
    assert "none.pem: No such file or directory" in missing.err
    not_pem = tmp_path / "cert.pem"
    not_pem.write_text("[red]not a certificate[/red]\n", encoding="utf-8")
    wrong = run_cli("serve", "--certificate", str(not_pem), "--key", str(TLS / "key.pem"))
    assert wrong.code == 3
    assert "not a PEM certificate and its key" in wrong.err
    swapped = run_cli(
        "serve", "--certificate", str(TLS / "key.pem"), "--key", str(TLS / "cert.pem")
    )
    assert swapped.code == 3 and "Traceback" not in swapped.err


def test_beyond_loopback_without_https_says_the_link_travels_unencrypted() -> None:
    from smreadiness.cli.serve import beyond_loopback_warning

    plain = beyond_loopback_warning("0.0.0.0", 8000)
    assert plain is not None and "travel unencrypted" in plain
    secure = beyond_loopback_warning("0.0.0.0", 8000, secure=True)
    assert secure is not None and "unencrypted" not in secure


@needs_chromium
def test_the_app_renders_over_https_in_headless_chromium(serving: Any, tmp_path: Path) -> None:
    served = _https(serving)

    async def scenario() -> tuple[bool, bool, list[str]]:
        async with Browser(tmp_path / "profile", None, "--ignore-certificate-errors") as browser:
            await browser.open(f"{served.base}/?token={served.token}")
            started = await browser.until("document.body.classList.contains('-first-byte')")
            shown = await browser.until_shown("smreadiness")
            return started, shown, list(browser.requests)

    started, shown, requests = asyncio.run(scenario())
    assert started, "the app never sent its first frame over wss"
    assert shown
    assert any(url.startswith(f"wss://127.0.0.1:{served.port}/ws") for url in requests)
    assert not [url for url in requests if url.startswith(("http:", "ws:"))]
