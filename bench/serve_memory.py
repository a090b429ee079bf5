"""Memory of ``smreadiness serve``: the server alone, one browser session and many.

    .venv/bin/python bench/serve_memory.py [--sessions 1,40]

Starts ``smreadiness serve`` on a free loopback port (data, config and cache in a temporary
folder), opens websocket sessions as the page does (each one starts an app process, which
draws its home screen), waits until every app has gone quiet, and sums the memory of the
server and all its child processes, read from /proc (Linux):

- RSS counts every shared page once per process (what ``top`` adds up; an upper bound);
- PSS shares each page among the processes that map it (closer to what the machine loses).

A report, never an assertion: no test runs this.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

QUIET = 1.5  # seconds without output: the app has drawn its screen and waits for keys


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return sorted(found)


def memory(pids: list[int]) -> tuple[int, int, int]:
    """(python processes, RSS, PSS), summed in bytes; the shells that start apps count too."""
    rss = pss = pythons = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        values = {k: int(v) for k, v in re.findall(r"^(\w+):\s+(\d+) kB", text, re.M)}
        rss += values.get("Rss", 0) * 1024
        pss += values.get("Pss", 0) * 1024
        pythons += b"python" in command.split(b"\0")[0]  # not the shells that start them
    return pythons, rss, pss


async def open_session(port: int, cookie: str) -> tuple[Any, Any, asyncio.Task[None], list[float]]:
    """One browser session: a websocket that keeps reading (the app never blocks on us)."""
    import aiohttp

    session = aiohttp.ClientSession()
    ws = await session.ws_connect(
        f"ws://127.0.0.1:{port}/ws?width=120&height=40", headers={"Cookie": cookie}
    )
    last: list[float] = [0.0]

    async def drain() -> None:
        async for message in ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                last[0] = time.monotonic()

    return session, ws, asyncio.create_task(drain()), last


async def measure(port: int, cookie: str, server: int, counts: list[int]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    opened: list[tuple[Any, Any, asyncio.Task[None], list[float]]] = []
    pythons, rss, pss = memory(tree(server))
    rows.append((0, pythons, rss, pss))
    for count in counts:
        while len(opened) < count:
            batch = min(4, count - len(opened))  # a few at a time: a 2-core machine
            opened += await asyncio.gather(*(open_session(port, cookie) for _ in range(batch)))
            await asyncio.sleep(0.5)
        while True:  # every app has drawn and gone quiet
            now = time.monotonic()
            if all(0 < last[0] < now - QUIET for *_rest, last in opened):
                break
            await asyncio.sleep(0.2)
        pythons, rss, pss = memory(tree(server))
        rows.append((count, pythons, rss, pss))
    for session, ws, task, _last in opened:
        task.cancel()
        await ws.close()
        await session.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="1,40", help="session counts, e.g. 1,10,40")
    options = parser.parse_args()
    counts = sorted({int(n) for n in options.sessions.split(",")})
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="smr-serve-bench-") as scratch:
        root = Path(scratch)
        env = {
            **os.environ,
            "SMREADINESS_DATA_DIR": str(root / "data"),
            "SMREADINESS_CONFIG_DIR": str(root / "config"),
            "SMREADINESS_CACHE_DIR": str(root / "cache"),
        }
        log = root / "serve.log"
        with log.open("wb") as sink:
            server = subprocess.Popen(
                [sys.executable, "-m", "smreadiness", "serve", "--port", str(port),
                 "--max-sessions", str(max(counts))],
                stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
            )  # fmt: skip
        try:
            token = ""
            deadline = time.monotonic() + 60
            while not token and time.monotonic() < deadline:
                found = re.search(r"\?token=([\w-]+)", log.read_text())
                token = found.group(1) if found else ""
                time.sleep(0.1)
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/?token={token}").read()
                    break
                except OSError:
                    time.sleep(0.1)
            cookie = f"smreadiness-token-{port}={token}"
            rows = asyncio.run(measure(port, cookie, server.pid, counts))
        finally:
            server.terminate()
            server.wait(timeout=20)
    mib = 1024 * 1024
    idle_rss, idle_pss = rows[0][2], rows[0][3]
    print("| sessions | Python processes | RSS MiB | PSS MiB | RSS/session | PSS/session |")
    print("|---:|---:|---:|---:|---:|---:|")
    for count, pythons, rss, pss in rows:
        each_rss = f"{(rss - idle_rss) / count / mib:.1f}" if count else "-"
        each_pss = f"{(pss - idle_pss) / count / mib:.1f}" if count else "-"
        print(
            f"| {count} | {pythons} | {rss / mib:.1f} | {pss / mib:.1f} | {each_rss} | {each_pss} |"
        )
    print("(0 sessions: the server alone; each session adds one app process and its shell)")


if __name__ == "__main__":
    main()
