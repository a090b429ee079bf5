"""Serving the TUI to web browsers with textual-serve: one app process per browser session.

What textual-serve gives is wrapped so that a served app is safe to share with a room:

- every request needs the access token: the printed link carries it in the query, the first
  good request sets it as an HttpOnly, SameSite=Strict cookie that the page's websocket,
  static files and downloads then carry (the page's JavaScript appends its own query to the
  websocket URL, so the token cannot ride there);
- at most ``max_sessions`` app processes; past that the page says the room is full (503);
- the page and every asset (fonts included) come from this server: nothing leaves the machine;
- each app process can get its own environment (data, config and cache directories), chosen
  per browser by a visitor cookie, so visitors need not see the host's assessments.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import logging
import os
import re
import shlex
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from smreadiness.i18n import _, language

TEMPLATES = Path(__file__).resolve().parent / "serve_templates"
VISITOR_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class ServeSettings:
    """How the server runs: where, who may come in, how many, and what each app process sees."""

    host: str
    port: int
    token: str
    """The secret every request must carry (query ``token`` or the cookie it sets)."""
    command: Sequence[str]
    """The app's command line, run once per browser session."""
    max_sessions: int = 40
    visitors_dir: Path | None = None
    """When set, each browser gets its own data directory below it (kept between visits by
    a cookie); when None every app process inherits this process's environment."""
    environment: Mapping[str, str] = field(default_factory=dict)
    """Extra environment for every app process (e.g. a private config and cache directory)."""
    tls: Any = None
    """An ``ssl.SSLContext`` to serve HTTPS (and the websocket as wss) with; None: HTTP."""


def cookie_suffix(port: int) -> str:
    # Cookies are shared by every port of a host: name them by port so two servers on one
    # machine do not take each other's token.
    return str(port)


def page(title: str, message: str, status: int, extra_html: str = "") -> web.Response:
    """A small self-contained page (no external assets) in the server's language."""
    body = (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{background:#0c181f;color:#eee;font:18px/1.5 system-ui,sans-serif;"
        "display:flex;align-items:center;justify-content:center;min-height:90vh}"
        "main{max-width:36em;padding:2em;background:#12232d}a{color:#ac5af4}</style>"
        f"</head><body><main><h1>{html.escape(title)}</h1><p>{html.escape(message)}</p>"
        f"{extra_html}</main></body></html>"
    )
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


class SafeServer(Server):
    """textual-serve's server with a token, a session limit and per-visitor environments."""

    def __init__(self, settings: ServeSettings) -> None:
        command = " ".join(shlex.quote(part) for part in settings.command)
        super().__init__(
            command,
            host=settings.host,
            port=settings.port,
            title="smreadiness",
            templates_path=TEMPLATES,
        )
        self.settings = settings
        self.sessions = 0
        self.token_cookie = f"smreadiness-token-{cookie_suffix(settings.port)}"
        self.visitor_cookie = f"smreadiness-visitor-{cookie_suffix(settings.port)}"

    # ------------------------------------------------------------------ access

    def token_ok(self, request: web.Request) -> bool:
        given = request.query.get("token") or request.cookies.get(self.token_cookie) or ""
        return hmac.compare_digest(given.encode("utf-8"), self.settings.token.encode("utf-8"))

    @staticmethod
    def same_origin(request: web.Request) -> bool:
        """A websocket opened by another site's page is refused even if it had the cookie."""
        origin = request.headers.get("Origin")
        if not origin:
            return True
        return origin.split("://", 1)[-1].rstrip("/") == request.host

    def forbidden(self) -> web.Response:
        return page(
            _("This link is not complete"),
            _(
                "Open the full link, with its access token, that the person serving "
                "smreadiness gave you."
            ),
            403,
        )

    def room_full(self) -> web.Response:
        response = page(
            _("The room is full"),
            _(
                "Every place is taken ({count} at once). Try again later: a place frees when "
                "someone closes their tab."
            ).format(count=self.settings.max_sessions),
            503,
            '<p><a href="">{}</a></p>'.format(html.escape(_("Try again"))),
        )
        response.headers["Retry-After"] = "30"
        return response

    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every request: the token first; then headers that keep the link out of referrers."""
        if not self.token_ok(request):
            return self.forbidden()
        response = await handler(request)
        if response.prepared:  # a websocket or a download: its headers are already sent
            return response
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.query.get("token"):
            response.set_cookie(
                self.token_cookie,
                self.settings.token,
                httponly=True,
                samesite="Strict",
                secure=request.secure,
                path="/",
            )
        return response

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            return await self.guard(request, handler)

        app.middlewares.append(guard)
        return app

    def serve(self, debug: bool = False) -> None:
        """textual-serve's ``serve``, over HTTPS when the settings carry a TLS context (the
        page's websocket then follows as wss: ``handle_index`` looks at the request)."""
        import asyncio
        import signal

        self.debug = debug
        self.initialize_logging()
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(stop, self.request_exit)
            except NotImplementedError:  # Windows
                pass
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            ssl_context=self.settings.tls,
            handle_signals=False,
            loop=loop,
            print=lambda *args: None,
        )

    # ------------------------------------------------------------------ quiet console

    def initialize_logging(self) -> None:
        # textual-serve logs every request (links with the token) and a banner; the command
        # line has already printed the one link to share.
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        del app

    # ------------------------------------------------------------------ the page

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.sessions >= self.settings.max_sessions:
            return self.room_full()
        import aiohttp_jinja2

        scheme = "wss" if request.secure else "ws"
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        context: dict[str, Any] = {
            "language": language(),
            "font_size": max(8, min(font_size, 48)),
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "static_url": "/static/",
            "title": "smreadiness",
            "ended": _("Session ended."),
            "restart": _("Restart"),
            "start": _("Start"),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        if self.settings.visitors_dir is not None and not VISITOR_PATTERN.fullmatch(
            request.cookies.get(self.visitor_cookie, "")
        ):
            import secrets

            response.set_cookie(
                self.visitor_cookie,
                secrets.token_urlsafe(24),
                httponly=True,
                samesite="Strict",
                secure=request.secure,
                path="/",
                max_age=180 * 24 * 3600,
            )
        return response

    # ------------------------------------------------------------------ one app per session

    def session_command(self, request: web.Request) -> str:
        """The app's command line for this browser, with its own directories when isolated."""
        extra = dict(self.settings.environment)
        if self.settings.visitors_dir is not None:
            visitor = request.cookies.get(self.visitor_cookie, "")
            if not VISITOR_PATTERN.fullmatch(visitor):
                import secrets

                visitor = secrets.token_urlsafe(24)  # no cookie: a fresh visitor each time
            # The folder is named by a hash: nothing the browser sends becomes a path.
            folder = hashlib.sha256(visitor.encode("ascii")).hexdigest()[:24]
            extra["SMREADINESS_DATA_DIR"] = str(self.settings.visitors_dir / folder / "data")
            extra["SMREADINESS_CONFIG_DIR"] = str(self.settings.visitors_dir / folder / "config")
        if not extra:
            return self.command
        if os.name == "nt":  # cmd.exe: set each variable, then run
            sets = " && ".join(f'set "{key}={value}"' for key, value in extra.items())
            return f"{sets} && {self.command}"
        assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in extra.items())
        return f"{assignments} {self.command}"

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.same_origin(request):
            raise web.HTTPForbidden(text="cross-origin websocket refused")
        if self.sessions >= self.settings.max_sessions:
            raise web.HTTPServiceUnavailable(text="the room is full; try again later")
        self.sessions += 1
        try:
            return await self.run_session(request)
        finally:
            self.sessions -= 1

    async def run_session(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's websocket handler, with this session's own command line."""
        import asyncio

        websocket = web.WebSocketResponse(heartbeat=15)
        width = _int(request.query.get("width", "80"), 80)
        height = _int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app_service = AppService(
                self.session_command(request),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one session's failure must not stop the server
            logging.getLogger("textual-serve").exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket


def _int(text: str, default: int) -> int:
    try:
        return max(1, min(int(text), 1000))
    except ValueError:
        return default


def app_command(language_code: str, *extra: str) -> list[str]:
    """The app as each browser session runs it."""
    return [sys.executable, "-m", "smreadiness", "--lang", language_code, *extra]


def serve(settings: ServeSettings) -> None:
    """Run the web server until interrupted (Ctrl+C)."""
    SafeServer(settings).serve()
