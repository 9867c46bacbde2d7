"""Local settings: `pelican content` builds the demo site into output/."""

AUTHOR = "Biro Humas Setda Provinsi Kalimantan Timur"
SITENAME = "Siaran Pers Humas Kaltim"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
TIMEZONE = "Asia/Makassar"  # WITA: a release dated ahead goes live at that time here
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["press_release"]

# Releases are the .txt files of content/; pages are Markdown in content/pages/.
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages", "extra"]
# A folder in content/ may be one release's own, with its photos (docs/photos.md): its
# name is not the release's region (Pelican's default would make it one).
USE_FOLDER_AS_CATEGORY = False
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

# Theme: URLs, pagination and menu (pretty URLs: each page is a folder's index.html).
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {
    "index": None,
    "category": None,
    "author": None,
    "period_archives": None,
    "place": None,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)
INDEX_URL = ""
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = "kategori/index.html"
AUTHOR_URL = "reporter/{slug}/"
AUTHOR_SAVE_AS = "reporter/{slug}/index.html"
AUTHORS_URL = "reporter/"
AUTHORS_SAVE_AS = "reporter/index.html"
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
PRESS_RELEASE_PLACE_URL = "tempat/{slug}/"
PRESS_RELEASE_PLACE_SAVE_AS = "tempat/{slug}/index.html"
PRESS_RELEASE_PLACES_URL = "tempat/"
PRESS_RELEASE_PLACES_SAVE_AS = "tempat/index.html"
PRESS_RELEASE_RELATED_MAX = 5
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False
MENUITEMS = ()
SUMMARY_MAX_LENGTH = None

# Feeds are written only by publishconf.py.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# The search page (theme/templates/search.html) is written at the site root, and the
# Pagefind index into output/pagefind/ after each build (plugins/press_release/publish.py).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search", "404"]
PRESS_RELEASE_SEARCH = True

# The office behind the site (used by the theme).
PRESS_RELEASE_DESKS = {
    "hmsprov": "Humas Pemerintah Provinsi Kalimantan Timur",
    "humasprov": "Humas Pemerintah Provinsi Kalimantan Timur",
    "humasprovkaltim": "Humas Pemerintah Provinsi Kalimantan Timur",
}
# Reporter initials of byline codes -> names (demo names; unknown codes are shown as written).
PRESS_RELEASE_REPORTERS = {
    "rus": "Rusdiansyah",
    "jay": "Jayadi",
    "ky": "Kiky Yuliana",
    "ris": "Risnawati",
}

# Office identity shown by the theme (header, footer, JSON-LD publisher, media contact).
# Demo values: replace the phone, e-mail and social links with the office's real ones.
PRESS_RELEASE_OFFICE = {
    "name": "Biro Humas Setda Provinsi Kalimantan Timur",
    "parent": "Pemerintah Provinsi Kalimantan Timur",
    "logo": None,  # None: the theme's neutral logo; else a path under the site or a URL
    "address": "Jl. Gajah Mada No. 2, Samarinda, Kalimantan Timur 75121",
    "phone": "(0541) 000000",
    "email": "humas@example.go.id",
    "website": None,
    "social": [
        {"name": "Instagram", "url": "https://www.instagram.com/"},
        {"name": "YouTube", "url": "https://www.youtube.com/"},
    ],
}
PRESS_RELEASE_MEDIA_CONTACT = {
    "name": "Bagian Layanan Media",
    "role": "Biro Humas Setda Provinsi Kalimantan Timur",
    "phone": "(0541) 000000",
    "email": "media@example.go.id",
}
