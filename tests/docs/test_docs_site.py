"""The documentation site, built as `make docs` builds it and read in a real headless Chromium.

The site is built once per session (mkdocs --strict, so any warning fails the build), served on
loopback by `http.server`, and every page reachable from the home page is opened in Debian's
Chromium through chromedriver. The checks read the DOM the browser built, not the HTML files:
the reference pages show the classes and method signatures rendered from the docstrings, and every
internal link of every page answers HTTP 200 (the browser's own navigation status) with its anchor
present in the target page.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Flags that let Chromium run headless as root in a container, without reaching any outside host.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
REFERENCE_PAGES = ("qarnot_ext", "storage", "wire", "emulator", "contract")

# What the browser reports about a loaded page, in one round trip.
PAGE_STATE_JS = """
const nav = performance.getEntriesByType('navigation')[0];
return {
  status: nav ? nav.responseStatus : null,
  title: document.title,
  ids: Array.from(document.querySelectorAll('[id]'), (e) => e.id),
  names: Array.from(document.querySelectorAll('a[name]'), (e) => e.getAttribute('name')),
  links: Array.from(document.querySelectorAll('a[href]'), (a) => a.href),
  headerPosition: (() => {
    const header = document.querySelector('header.md-header');
    return header ? getComputedStyle(header).position : null;
  })(),
};
"""


@dataclass
class Page:
    """One page as the browser saw it."""

    url: str
    status: int | None
    title: str
    anchors: set[str]
    links: list[str]
    header_position: str | None


@dataclass
class Crawl:
    """Every page reachable from the home page by internal links."""

    base: str
    pages: dict[str, Page] = field(default_factory=dict)


def _build_site(target: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        del format, args


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    """The site, built into a temporary directory and served on loopback."""
    with tempfile.TemporaryDirectory(prefix="qarnot-docs-") as tmp:
        site = Path(tmp) / "site"
        _build_site(site)
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven through chromedriver (Debian's packages)."""
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.skip(
            f"{CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium chromium-driver): "
            "the built site's rendering in a browser and its internal links stay untested"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="qarnot-docs-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager (which would download a driver) never runs.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(browser: Any, url: str) -> Page:
    browser.get(url)
    state = cast("dict[str, Any]", browser.execute_script(PAGE_STATE_JS))
    return Page(
        url=url,
        status=state["status"],
        title=state["title"],
        anchors={*state["ids"], *state["names"]},
        links=list(state["links"]),
        header_position=state["headerPosition"],
    )


def _internal(base: str, href: str) -> bool:
    split, root = urlsplit(href), urlsplit(base)
    return (split.scheme, split.netloc) == (root.scheme, root.netloc)


@pytest.fixture(scope="module")
def crawl(browser: Any, site_url: str) -> Crawl:
    """Open every page reachable from the home page by internal links, once each.

    The browser comes first among the fixtures so that a machine without Chromium skips before
    spending a build.
    """
    result = Crawl(site_url)
    queue = [site_url]
    while queue:
        url = queue.pop()
        if url in result.pages:
            continue
        page = result.pages[url] = _open(browser, url)
        for href in page.links:
            target, _ = urldefrag(href)
            if _internal(site_url, target) and target not in result.pages:
                queue.append(target)
    return result


def test_every_page_of_the_nav_is_reached_and_styled(crawl: Crawl) -> None:
    paths = {urlsplit(url).path for url in crawl.pages}
    expected = {
        "/",
        "/installation/",
        "/configuration/",
        "/emulator/",
        "/contract/",
        "/upgrading/",
        "/architecture/",
        "/spec-diff-rules/",
        "/spec-notes/",
        "/reference/",
        *(f"/reference/{name}/" for name in REFERENCE_PAGES),
    }
    assert expected <= paths, sorted(expected - paths)
    # The theme's stylesheet was loaded and applied (an unstyled header is static).
    unstyled = [url for url, page in crawl.pages.items() if page.header_position in (None, "static")]
    assert unstyled == []


def test_every_internal_link_resolves_with_its_anchor(crawl: Crawl) -> None:
    broken: list[str] = []
    checked = 0
    for page in crawl.pages.values():
        for href in page.links:
            if not _internal(crawl.base, href):
                continue
            target_url, fragment = urldefrag(href)
            target = crawl.pages[target_url]
            checked += 1
            if target.status != 200:
                broken.append(f"{page.url} -> {href}: HTTP {target.status}")
            elif fragment and unquote(fragment) not in target.anchors:
                broken.append(f"{page.url} -> {href}: no element with id {unquote(fragment)!r}")
    assert broken == [], f"{len(broken)} broken internal links:\n" + "\n".join(broken[:50])
    # Guard against a crawl that saw nothing: the reference alone links hundreds of anchors.
    assert checked > 500, checked


def test_a_missing_page_is_reported_as_such(browser: Any, site_url: str) -> None:
    # The status the link check relies on is the browser's, and it does see a 404.
    page = _open(browser, site_url + "no-such-page/")
    assert page.status == 404


@pytest.mark.parametrize("name", REFERENCE_PAGES)
def test_reference_page_renders_the_docstrings(crawl: Crawl, name: str) -> None:
    page = crawl.pages[f"{crawl.base}reference/{name}/"]
    assert page.status == 200
    objects = [
        a
        for a in page.anchors
        if a.startswith(f"qarnot_ext.{name}." if name != "qarnot_ext" else "qarnot_ext.")
    ]
    assert len(objects) >= 5, objects


def test_the_client_class_and_its_methods_render(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site_url}reference/qarnot_ext/")
    heading = browser.find_element(By.ID, "qarnot_ext.Qarnot")
    assert heading.tag_name in {"h2", "h3", "h4"}
    assert "Qarnot" in heading.text
    docstring = browser.execute_script(
        "return document.getElementById('qarnot_ext.Qarnot').parentElement.textContent"
    )
    assert "The client of the Qarnot Compute API" in docstring
    # A method of a namespace, with its signature as mkdocstrings renders it beneath the heading.
    create = browser.find_element(By.ID, "qarnot_ext._sync_client.Tasks.create")
    signature = browser.execute_script("return arguments[0].nextElementSibling", create)
    assert "doc-signature" in signature.get_attribute("class")
    text = signature.text
    assert text.startswith("create(")
    assert "name: str" in text
    assert "instances: Instances | None = 1" in text


def test_the_architecture_page_includes_the_repository_file(browser: Any, site_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site_url}architecture/")
    article = browser.find_element(By.CSS_SELECTOR, "article").text
    first_heading = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text.startswith(first_heading)
    assert "Layers and what each may import" in article
    assert "--8<--" not in article
