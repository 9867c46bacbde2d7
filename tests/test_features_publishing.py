"""Publishing on GitHub Pages: real production builds, served and crawled.

The site is built with publishconf.py as the Pages workflow builds it, served by a local
HTTP server under /REPO/ (a project page) and at a domain root (a custom domain), and
crawled from the home page: every href, src, srcset, CSS url() and feed/sitemap link must
answer 200, and none may leave /REPO/.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
README = ROOT / "README.md"
REPO = "REPO"


# --- helpers: build, serve, crawl ---------------------------------------------------------


def build_site(output: Path, siteurl: str, *, via_env: bool = True, env: dict | None = None):
    """Build with publishconf.py as the workflow does; return the seconds it took."""
    command = [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py"]
    command += ["-o", str(output), "--fatal", "warnings"]
    environment = {k: v for k, v in os.environ.items() if k not in ("SITEURL",)}
    environment.update(env or {})
    if via_env:
        environment["SITEURL"] = siteurl
    else:  # as Pelican's official Pages workflow passes it
        command += ["-e", f'SITEURL="{siteurl}"']
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, f"pelican failed:\n{done.stdout}\n{done.stderr}"
    return elapsed


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve `directory` on 127.0.0.1 (a free port); yield the server's origin."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class LinkParser(HTMLParser):
    """Every URL an HTML page points at: href, src, srcset, poster, inline style url()."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in ("href", "src", "poster", "data-base-url"):
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())
            elif name == "style":
                self.urls.extend(CSS_URL.findall(value))


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
XML_URL = re.compile(r"""(?:href="([^"]+)"|<link>([^<]+)</link>|<loc>([^<]+)</loc>)""")
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


def links_of(body: bytes, content_type: str) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type:
        parser = LinkParser()
        parser.feed(text)
        return parser.urls
    if "css" in content_type:
        return CSS_URL.findall(text)
    if "xml" in content_type:
        return ["".join(groups) for groups in XML_URL.findall(text)]
    return []


@functools.lru_cache(maxsize=1024)
def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, "", b""
    except URLError:
        return 0, "", b""


def crawl(origin: str, prefix: str, starts: list[str]) -> dict:
    """Follow every link of the site under `prefix` from `starts`; report what fails."""
    seen: set[str] = set()
    queue = [urljoin(origin, start) for start in starts]
    broken: list[tuple[str, str, int]] = []
    escaping: list[tuple[str, str]] = []
    referrer = {url: "(start)" for url in queue}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, content_type, body = fetch(url)
        if status != 200:
            broken.append((referrer[url], url, status))
            continue
        for link in links_of(body, content_type):
            link = link.strip()
            if not link or link.startswith("#") or link.lower().startswith(SKIPPED_SCHEMES):
                continue
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if f"{parts.scheme}://{parts.netloc}" != origin:
                continue  # another site (share buttons, the Pages host): not ours to crawl
            if not parts.path.startswith(prefix):
                escaping.append((url, link))
                continue
            if target not in seen:
                referrer.setdefault(target, url)
                queue.append(target)
    return {"seen": sorted(seen), "broken": broken, "escaping": escaping}


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- builds shared by the tests of this module ---------------------------------------------


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """The production site served under /REPO/, as on https://OWNER.github.io/REPO/."""
    root = tmp_path_factory.mktemp("pages")
    with serve(root) as origin:
        siteurl = f"{origin}/{REPO}"
        seconds = build_site(root / REPO, siteurl)
        yield {"origin": origin, "siteurl": siteurl, "output": root / REPO, "seconds": seconds}


@pytest.fixture(scope="module")
def root_site(tmp_path_factory):
    """The production site at a domain root, as with a custom domain."""
    root = tmp_path_factory.mktemp("domain")
    with serve(root) as origin:
        build_site(root, origin)
        yield {"origin": origin, "siteurl": origin, "output": root}


# --- the subpath proof -------------------------------------------------------------------


def test_subpath_every_link_works_and_stays_under_repo(subpath_site):
    origin, output = subpath_site["origin"], subpath_site["output"]
    extra = [name for name in ("404.html", "search.html") if (output / name).is_file()]
    starts = [f"/{REPO}/"] + [f"/{REPO}/{name}" for name in extra]
    report = crawl(origin, f"/{REPO}/", starts)
    print(f"\nbuild {subpath_site['seconds']:.1f} s; crawled {len(report['seen'])} URLs")
    assert report["broken"] == []
    assert report["escaping"] == []
    # Every release page was reached from the home page.
    pages = {url.removesuffix("index.html") for url in report["seen"]}
    releases = [
        p.relative_to(output).as_posix().removesuffix("index.html")
        for p in output.rglob("*.html")
        if 'class="dateline"' in p.read_text(encoding="utf-8")
    ]
    assert len(releases) >= 15
    for release in releases:
        assert f"{origin}/{REPO}/{release}" in pages, release


def test_domain_root_every_link_works(root_site):
    extra = [name for name in ("404.html", "search.html") if (root_site["output"] / name).is_file()]
    starts = ["/"] + [f"/{name}" for name in extra]
    report = crawl(root_site["origin"], "/", starts)
    assert len(report["seen"]) > 20
    assert report["broken"] == []


def test_links_are_absolute_so_404_works_at_any_depth(subpath_site):
    not_found = subpath_site["output"] / "404.html"
    assert not_found.is_file(), "no 404.html: theme/templates/404.html + '404' in DIRECT_TEMPLATES"
    page = not_found.read_text(encoding="utf-8")
    parser = LinkParser()
    parser.feed(page)
    absolute = ("#", "https://", "http://", *SKIPPED_SCHEMES)
    local = [u for u in parser.urls if not u.startswith(absolute)]
    assert local == [], "404.html is served for any missing path: its links must be absolute"


# --- files GitHub Pages and crawlers look for ----------------------------------------------


def test_nojekyll_and_404_at_the_root(subpath_site):
    output = subpath_site["output"]
    assert (output / ".nojekyll").is_file()
    assert (output / "404.html").is_file()


def test_robots_points_to_the_sitemap(subpath_site):
    robots = (subpath_site["output"] / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {subpath_site['siteurl']}/sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots.splitlines()


def test_sitemap_lists_every_page_with_absolute_urls(subpath_site):
    output, siteurl = subpath_site["output"], subpath_site["siteurl"]
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(output / "sitemap.xml")
    locations = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
    assert all(loc.startswith(siteurl + "/") for loc in locations)
    listed = {loc[len(siteurl) + 1 :] or "index.html" for loc in locations}
    for release in output.glob("*.html"):
        if release.name not in ("404.html", "search.html"):
            assert release.name in listed, release.name
    assert "404.html" not in listed
    for lastmod in tree.findall("s:url/s:lastmod", namespace):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00", lastmod.text)


def test_search_index_is_built(subpath_site):
    bundle = subpath_site["output"] / "pagefind"
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert shards  # one Pagefind bundle per shard (features/search.py)
    for name in shards:
        assert (bundle / name / "pagefind-entry.json").is_file()
        assert (bundle / name / "pagefind.js").is_file()
        assert len(list((bundle / name / "filter").glob("*.pf_filter"))) == 2  # Kategori, Tahun


# --- reproducible --------------------------------------------------------------------------


def test_two_builds_are_byte_identical(tmp_path):
    """Same content, same SITEURL (once from the environment, once from -e): same bytes."""
    siteurl = "https://humas.example.github.io/siaran-pers"
    env = {"PRESS_RELEASE_CNAME": "siaran.example.go.id"}
    build_site(tmp_path / "a", siteurl, env=env)
    build_site(tmp_path / "b", siteurl, via_env=False, env=env)
    first, second = file_hashes(tmp_path / "a"), file_hashes(tmp_path / "b")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert (tmp_path / "a" / "CNAME").read_text() == "siaran.example.go.id\n"


# --- the workflow --------------------------------------------------------------------------


def readme_commands() -> list[str]:
    """The commands of the README's first code block (indented or fenced)."""
    text = README.read_text(encoding="utf-8")
    fenced = re.search(r"^```[^\n]*\n(.*?)^```", text, re.M | re.S)
    indented = re.search(r"(?:^(?: {4}|\t)\S.*\n)+", text, re.M)
    blocks = [m for m in (fenced, indented) if m]
    first = min(blocks, key=lambda m: m.start())
    body = first.group(1) if first is fenced else first.group(0)
    return [line.strip() for line in body.splitlines() if line.strip()]


def publishing_section() -> str:
    """docs/publishing.md, which README's Publishing section links to."""
    assert "docs/publishing.md" in README.read_text(encoding="utf-8")
    return (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return [step for job in workflow()["jobs"].values() for step in job.get("steps", [])]


def test_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint is missing: pip install -e '.[test]' installs it")
        pytest.skip("actionlint is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [actionlint, "-no-color", str(WORKFLOW)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_installs_and_builds_with_the_readme_commands():
    install, build = (part.strip() for part in readme_commands()[0].split("&&"))
    runs = [step["run"].strip() for step in steps() if "run" in step]
    assert install in runs
    builds = [run for run in runs if run.startswith(build + " ")]
    assert builds == [f"{build} -s publishconf.py --fatal warnings"]
    # docs/publishing.md shows that same production command.
    assert builds[0] in publishing_section()


def test_workflow_deploys_with_the_official_pages_actions():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert flow["concurrency"]["group"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = {step["uses"].split("@")[0]: step for step in steps() if "uses" in step}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert uses["actions/setup-python"]["with"]["cache"] == "pip"
    assert "actions/configure-pages" in uses
    assert uses["actions/upload-pages-artifact"]["with"] == {
        "path": "output",
        "include-hidden-files": True,  # .nojekyll
    }
    assert "actions/deploy-pages" in uses
    build = next(s for s in steps() if s.get("run", "").startswith("pelican "))
    assert build["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
