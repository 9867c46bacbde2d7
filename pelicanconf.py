"""Local settings: `pelican content` builds the demo site into output/."""

AUTHOR = "Biro Humas Setda Provinsi Kalimantan Timur"
SITENAME = "Siaran Pers Humas Kaltim"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
TIMEZONE = "Asia/Makassar"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["press_release"]

# Releases are the .txt files of content/; pages are Markdown in content/pages/.
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages", "extra"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {
    "extra/robots.txt": {"path": "robots.txt"},
}
# Only our reader and Markdown: no reStructuredText or raw HTML sources.
READERS = {"rst": None, "html": None, "htm": None}
# Releases are never translations of one another: slugs are made unique instead.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = None

# Feeds are written only by publishconf.py.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# The search page (theme/templates/search.html) is written at the site root, and the
# Pagefind index into output/pagefind/ after each build (plugins/press_release/publish.py).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search"]
PRESS_RELEASE_SEARCH = True

# The office behind the site (used by the theme).
PRESS_RELEASE_DESKS = {
    "hmsprov": "Humas Pemerintah Provinsi Kalimantan Timur",
    "humasprov": "Humas Pemerintah Provinsi Kalimantan Timur",
    "humasprovkaltim": "Humas Pemerintah Provinsi Kalimantan Timur",
}
PRESS_RELEASE_REPORTERS = {}
