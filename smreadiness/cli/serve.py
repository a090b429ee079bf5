"""``smreadiness serve``: the interview in web browsers, one app process per browser session."""

from __future__ import annotations

import argparse
import ipaddress
import socket

from smreadiness.cli import EXIT_OK, EXIT_PROBLEM
from smreadiness.cli.common import error


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_problem(host: str, port: int) -> str | None:
    """Why the port cannot be used, or None: checked before the server starts."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as failure:
        return f"cannot serve on {host!r}: {failure.strerror}"
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except PermissionError:
            return f"port {port} on {host} needs more privileges; use a port above 1023"
        except OSError as failure:
            if failure.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
                return f"port {port} on {host} is already in use; choose another with --port"
            return f"cannot serve on {host}:{port}: {failure.strerror}"
    return None


def run_serve(args: argparse.Namespace) -> int:
    host, port = args.host, args.port
    if not 0 < port < 65536:
        error(f"smreadiness: --port must be 1-65535, not {port}")
        return 2
    problem = port_problem(host, port)
    if problem:
        error(f"smreadiness: {problem}")
        return EXIT_PROBLEM
    if not is_loopback(host):
        from smreadiness.paths import data_dir

        error(
            f"smreadiness: warning: serving on {host}, beyond this machine: anyone who can reach "
            f"it on port {port} can open the app and read or change the assessments in "
            f"{data_dir()}"
        )
    from smreadiness.tui.serve import serve

    url = f"http://{'localhost' if host in ('127.0.0.1', '::1') else host}:{port}"
    print(f"Serving smreadiness at {url} (Ctrl+C stops)", flush=True)
    serve(host, port, args.lang)
    return EXIT_OK
