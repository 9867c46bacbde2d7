"""Production settings for GitHub Pages, on top of pelicanconf.py.

    SITEURL=https://OWNER.github.io/REPO pelican content -s publishconf.py --fatal warnings

SITEURL comes from the environment, or from `-e SITEURL='"https://..."'` as in Pelican's
official Pages workflow (an -e value wins: Pelican applies it after this file). Every link
is then absolute, so the site works under a project subpath such as /REPO/.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Atom and RSS, for every release and per category. Their links are absolute: Pelican
# sets FEED_DOMAIN to SITEURL (also one given with -e) when it is not set here.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"

# sitemap.xml (pelican-sitemap); robots.txt gets a `Sitemap:` line pointing to it.
PLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]  # noqa: F405
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^search\.html$"],
}

# Custom domain (e.g. siaran.example.go.id): written to output/CNAME. With the Actions
# deploy, GitHub reads the domain from the repository's Pages settings, not from this file.
PRESS_RELEASE_CNAME = os.environ.get("PRESS_RELEASE_CNAME", "")
