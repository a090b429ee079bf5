"""The report as PDF: the HTML report printed by headless Chromium, when it is installed.

Chromium prints A4 with the HTML report's own print stylesheet (``@page`` size, margins and
the page number in the bottom margin box, no section or bar cut across pages). No network:
the HTML is self-contained and Chromium runs with a throw-away profile, background traffic
off, in a private temporary folder that is removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from smreadiness.i18n import _

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT = 90


class PdfUnavailable(RuntimeError):
    """No Chromium to print with, or it failed: the message says what to do."""


def find_browser() -> str | None:
    """The first Chromium-like browser on PATH (``SMREADINESS_CHROMIUM`` overrides)."""
    override = os.environ.get("SMREADINESS_CHROMIUM")
    if override:
        return shutil.which(override)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _command(browser: str, profile: Path, html: Path, pdf: Path) -> list[str]:
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return command


def html_to_pdf(html: str) -> bytes:
    """Print an HTML document to PDF bytes; raises :class:`PdfUnavailable` with a reason."""
    browser = find_browser()
    if browser is None:
        raise PdfUnavailable(
            _(
                "PDF needs Chromium, which was not found on PATH: install it (Debian/Ubuntu: "
                "sudo apt install chromium) or write HTML and print it from a browser"
            )
        )
    with tempfile.TemporaryDirectory(prefix="smreadiness-pdf-") as folder:
        root = Path(folder)
        source = root / "report.html"
        source.write_text(html, "utf-8")
        target = root / "report.pdf"
        try:
            finished = subprocess.run(
                _command(browser, root / "profile", source, target),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                _("Chromium did not finish printing within {seconds} seconds").format(
                    seconds=TIMEOUT
                )
            ) from None
        except OSError as failure:
            raise PdfUnavailable(
                _("could not start {browser}: {reason}").format(
                    browser=browser, reason=failure.strerror or failure
                )
            ) from None
        data = target.read_bytes() if target.exists() else b""
        if finished.returncode != 0 or not data.startswith(b"%PDF"):
            last = finished.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            raise PdfUnavailable(
                _("Chromium could not print the report ({reason})").format(
                    reason=last[0][:200] if last else f"exit {finished.returncode}"
                )
            )
        return data
