"""Build-time steps for publishing on GitHub Pages.

When the generators are done (``all_generators_finalized``), the published releases are
kept in the build's state (for the search index, features/search.py) and the clock of
pelican-sitemap is set to the newest release date, so index pages get a content-derived
``<lastmod>`` and two builds of the same content are byte-identical.

After Pelican has written the site (``finalized``):

- ``.nojekyll`` at the root, so a branch deploy serves the files as they are;
- ``CNAME`` when ``PRESS_RELEASE_CNAME`` names a custom domain;
- a ``Sitemap:`` line appended to ``robots.txt`` when the sitemap plugin is on.
"""

import os

from .. import pelican_compat
from ..state import BuildState


def collect_releases(generators):
    """Keep the published releases, and pin pelican-sitemap's clock to the newest one."""
    articles = []
    for generator in generators:
        articles.extend(getattr(generator, "articles", ()))
    articles.sort(key=lambda article: article.save_as)
    if generators:
        BuildState.of(generators[0].settings).releases = tuple(articles)
    sitemap = pelican_compat.sitemap_generator()
    dates = [getattr(a, "modified", None) or a.date for a in articles]
    if sitemap is not None and dates:
        sitemap.now = max(dates)


def write_pages_files(pelican):
    """Write the files GitHub Pages looks for."""
    settings = pelican.settings
    output = pelican.output_path
    write_text(output, ".nojekyll", "")
    cname = settings["PRESS_RELEASE_CNAME"].strip()
    if cname:
        write_text(output, "CNAME", cname + "\n")
    point_robots_to_sitemap(settings, output)


def write_text(output, name, text):
    with open(os.path.join(output, name), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def point_robots_to_sitemap(settings, output):
    """Append ``Sitemap: <SITEURL>/sitemap.xml`` to robots.txt (crawlers need an absolute URL)."""
    siteurl = settings.get("SITEURL", "")
    robots = os.path.join(output, "robots.txt")
    if "SITEMAP" not in settings or "://" not in siteurl or not os.path.isfile(robots):
        return
    with open(robots, encoding="utf-8") as handle:
        text = handle.read()
    if any(line.lower().startswith("sitemap:") for line in text.splitlines()):
        return
    if text and not text.endswith("\n"):
        text += "\n"
    write_text(output, "robots.txt", f"{text}Sitemap: {siteurl}/sitemap.xml\n")
