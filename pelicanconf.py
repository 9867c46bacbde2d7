"""Local settings: `pelican content` builds the demo site into output/."""

# The office's name, written once: the header, the footer, "Dari:" on releases of its own
# desks and the JSON-LD publisher all show it.
OFFICE_NAME = "Biro Humas Setda Provinsi Kalimantan Timur"
AUTHOR = OFFICE_NAME
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

# Desk codes of byline codes -> the office shown as "Dari:". The office's own desk codes
# (they changed over the years) name the office itself; an unknown desk is the office too.
PRESS_RELEASE_DESKS = dict.fromkeys(("hmsprov", "humasprov", "humasprovkaltim"), OFFICE_NAME)
# The categories that are regions ("Wilayah"); the others ("Berita Utama", "Seputar
# Kaltim") are shown as categories ("Kategori").
PRESS_RELEASE_REGIONS = [
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Kalimantan Tengah",
    "Kabupaten Berau",
    "Kabupaten Kutai Kartanegara",
    "Kabupaten Penajam Paser Utara",
    "Kota Bontang",
]
# Reporter initials of byline codes -> names (demo names; unknown codes are shown as written).
PRESS_RELEASE_REPORTERS = {
    "rus": "Rusdiansyah",
    "jay": "Jayadi",
    "ky": "Kiky Yuliana",
    "ris": "Risnawati",
}

# Office identity shown by the theme (header, footer, JSON-LD publisher, media contact).
# EXAMPLE VALUES of the demo, marked as such where a reader sees them ("contoh", the
# reserved .example domain): put the office's real ones here. A key left out or None shows
# nothing: no phone line without a phone number, no media contact without a phone or an
# e-mail address.
PRESS_RELEASE_OFFICE = {
    "name": OFFICE_NAME,
    "parent": "Pemerintah Provinsi Kalimantan Timur",
    "logo": None,  # None: the theme's neutral logo; else a path under the site or a URL
    "address": "Jl. Contoh No. 1, Samarinda (alamat contoh)",
    "phone": None,  # e.g. "(0541) 123456"
    "email": "humas@kantor.example",
    "website": None,  # e.g. "https://humas.kaltimprov.go.id"
    "social": [],  # e.g. [{"name": "Instagram", "url": "https://www.instagram.com/..."}]
}
PRESS_RELEASE_MEDIA_CONTACT = {
    "name": "Layanan Media (contoh)",
    "role": OFFICE_NAME,
    "phone": None,
    "email": "media@kantor.example",
}
# The identity banner says whose site this is. Left out, its texts come from the office and
# the site's address (".go.id" is named only when SITEURL is on .go.id); to set them:
# PRESS_RELEASE_BANNER = {"summary": "...", "details": "..."}
