"""``smreadiness serve``: the interview in web browsers, one app process per browser session.

Safe to share: a fresh access token in the printed link, loopback unless ``--host`` says
otherwise (then a warning), at most ``--max-sessions`` apps at once, HTTPS with
``--certificate`` and ``--key``, and, beyond loopback, visitors kept away from the host's own
assessments (each browser gets its own folder) unless ``--data DIR`` names a folder for all of
them.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from smreadiness.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from smreadiness.cli.common import error
from smreadiness.i18n import _

WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def beyond_loopback_warning(host: str, port: int, secure: bool = False) -> str | None:
    """The warning printed when serving on an address other machines can reach, or None."""
    if is_loopback(host):
        return None
    warning = _(
        "smreadiness: warning: serving on {host} port {port}, beyond this machine: anyone on "
        "that network with the link can connect."
    ).format(host=host or "*", port=port)
    if not secure:
        warning += " " + _(
            "Without --certificate and --key the link, its token and the answers travel "
            "unencrypted."
        )
    return warning


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


def tls_context(certificate: str, key: str) -> tuple[Any, str | None]:
    """The TLS context for ``--certificate`` and ``--key``, or why they cannot be used."""
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(certificate, key)
    except OSError as failure:
        if isinstance(failure, ssl.SSLError):
            return None, _("{certificate} and {key}: not a PEM certificate and its key").format(
                certificate=certificate, key=key
            )
        return None, f"{failure.filename or certificate}: {failure.strerror}"
    return context, None


def link(host: str, port: int, token: str, secure: bool = False) -> str:
    """The address to share: the machine's name for a wildcard host, the token in the query."""
    if host in ("127.0.0.1", "::1"):
        name = "localhost"
    elif host in WILDCARDS:
        name = socket.gethostname()
    else:
        name = host
    if ":" in name:
        name = f"[{name}]"
    return f"{'https' if secure else 'http'}://{name}:{port}/?token={token}"


def private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents, each readable by the owner only."""
    missing = []
    for level in (path, *path.parents):
        if level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        level.mkdir(mode=0o700)
        level.chmod(0o700)


def server_folder() -> Path:
    """A fresh folder for one run of a server beyond loopback: its visitors' data and settings."""
    import secrets

    from smreadiness.paths import data_dir

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return data_dir() / "served" / f"{stamp}-{secrets.token_hex(3)}"


def run_serve(args: argparse.Namespace) -> int:  # noqa: C901 - every option checked before the server starts
    import secrets

    host, port, limit = args.host, args.port, args.max_sessions
    if not 0 < port < 65536:
        error(f"smreadiness: --port must be 1-65535, not {port}")
        return EXIT_USAGE
    if limit < 1:
        error(_("smreadiness: --max-sessions must be at least 1, not {count}").format(count=limit))
        return EXIT_USAGE
    workshop = getattr(args, "workshop_folder", None)
    data = getattr(args, "data", None)
    shared = Path(data).expanduser().resolve() if data is not None else None
    if shared is not None and shared.exists() and not shared.is_dir():
        error(_("smreadiness: --data {path}: not a folder").format(path=shared))
        return EXIT_USAGE
    certificate, key = getattr(args, "certificate", None), getattr(args, "key", None)
    if (certificate is None) != (key is None):
        error("smreadiness: " + _("--certificate and --key go together: give both, or neither"))
        return EXIT_USAGE
    tls = None
    if certificate is not None and key is not None:
        tls, tls_problem = tls_context(certificate, key)
        if tls_problem is not None:
            error(f"smreadiness: {tls_problem}")
            return EXIT_BAD_INPUT
    problem = port_problem(host, port)
    if problem:
        error(f"smreadiness: {problem}")
        return EXIT_PROBLEM

    from smreadiness.paths import data_dir

    environment: dict[str, str] = {}
    visitors: Path | None = None
    try:
        if workshop is not None:
            # Each browser is one respondent, in a folder of its own inside the workshop's:
            # it sees its own answers only; the board and the report read them all.
            from smreadiness.paths import RESPONDENT_ENV
            from smreadiness.workshops.folder import BROWSERS

            visitors = Path(workshop) / BROWSERS
            private_dir(visitors)
            private_dir(Path(workshop) / "cache")
            environment[RESPONDENT_ENV] = str(workshop)
            environment["SMREADINESS_CACHE_DIR"] = str(Path(workshop) / "cache")
        elif shared is not None:
            private_dir(shared)
            environment["SMREADINESS_DATA_DIR"] = str(shared)
        if not is_loopback(host) and workshop is None:
            folder = server_folder()
            private_dir(folder / "cache")
            environment["SMREADINESS_CACHE_DIR"] = str(folder / "cache")
            if shared is None:
                visitors = folder / "visitors"
                private_dir(visitors)
            else:
                environment["SMREADINESS_CONFIG_DIR"] = str(folder / "config")
    except OSError as failure:
        error(f"smreadiness: {failure.filename}: {failure.strerror}")
        return EXIT_PROBLEM

    warning = beyond_loopback_warning(host, port, secure=tls is not None)
    if warning:
        error(warning)
    if workshop is not None:
        where = _(
            "Each browser answers as one respondent and sees only its own answers; "
            "the board: smreadiness workshop present"
        )
    elif visitors is not None:
        where = _(
            "Each browser gets its own folder for its assessments, apart from yours: {path}"
        ).format(path=visitors)
    else:
        where = _("Every browser sees and changes the assessments in {path}").format(
            path=shared or data_dir()
        )
    token = secrets.token_urlsafe(32)
    address = link(host, port, token, secure=tls is not None)
    print(_("Serving smreadiness at {link}").format(link=address), flush=True)
    print(where, flush=True)
    print(
        _("At most {count} browsers at once. Ctrl+C stops.").format(count=limit),
        flush=True,
    )
    from smreadiness.tui.serve import ServeSettings, app_command, serve

    serve(
        ServeSettings(
            host=host,
            port=port,
            token=token,
            command=app_command(args.lang),
            max_sessions=limit,
            visitors_dir=visitors,
            environment={key: value for key, value in environment.items() if value},
            tls=tls,
        )
    )
    return EXIT_OK
