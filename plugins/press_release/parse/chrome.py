"""Page chrome: lines a web page wrapped around the release, and credit lines.

Three kinds of line are recognised here:

- leading chrome, met before the release starts (counters, archive headings, ads);
- trailing markers: a line from which everything to the end is chrome
  ("Berita Terkait", share buttons, comment forms, related-news timestamps), provided
  nothing below it is more of the release: a marker's phrase also opens ordinary
  sentences ("Hak cipta atas karya batik itu ...") and a schedule line in the body
  reads like a related-news timestamp (see trailing_and_dropped);
- chrome lines dropped wherever they stand ("Baca juga: ...", rules of dashes).

Credit lines ("Editor: Yusuf", "Sumber: https://...") are not chrome: they are kept
as the release's credits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Final

from .byline import ANONYMOUS
from .normalise import fewer_words, may_fold_to_ascii
from .regions import is_region

_MONTH: Final = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|pebruari|mar(?:et)?|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?"
    r"|agu(?:stus)?|agt|ags|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|nopember"
    r"|des(?:ember)?)"
)

LEADING_CHROME: Final = re.compile(
    r"""(?ix)
    \d[\d .,]*                                   # a bare counter: "0 400"
    | \d[\d.,]*\ (?:admin|views?|kali|komentar|comments?|dilihat|pembaca)  # "419 Admin"
    | \d[\d.,]*\ total\ views?\b.*                # "20 total views, 1 views today"
    | \d+\ ?(?:menit|min(?:ute)?s?)\ (?:baca|read)\b.*  # reading time: "0 menit baca 0 %"
    | waktu\ baca\ \d+\ menit|comments?|komentar      # "waktu baca 2 menit"
    | \d+(?:[.,]\d+)?\ ?%                          # a lone percentage: "0%"
    | \d+(?:/[\w-]+){2,}                          # a theme's placeholder: "6/recent/ticker-posts"
    | (?:category|tag|author)\ archives?\b.*     # WordPress: "Category Archives: Biro ..."
    | (?:arsip\ )?kategori\ ?:.*                 # "Kategori: Berita"
    | (?:home|beranda)\ ?[»>/|].*                # breadcrumbs
    | (?:home\ |post\ )?top\ ads?|ads\ ?\(\d{2,4}\ ?x\ ?\d{2,4}\)  # an ad slot: "Ads (728x90)"
    | ketik\ (?:yang\ )?(?:anda\ )?cari\b.*|type\ (?:here\ )?to\ search\b.*  # a search box
    | -\ ?(?:kontributor|penulis|admin|redaksi)      # an author's placeholder: "- Kontributor"
    | bagikan|share|login(?:\ form)?|featured(?:\ posts?)?|postingan|pos|postimage  # a theme's
    | tags?\s*:.*|berita\ terbaru\ \(\d+\)          # labels and buttons; a tag's archive,
                                                  # a widget's heading with its count
    | (?:home|beranda)(?:\ [\w-]+){0,4}            # "Home Berita Daerah"
    | \[?(?:iklan|advertisement|advertorial\ space|ads?|sponsored|placeholder)\]?
    | iklan\ banner\b.{0,40}                       # an ad slot's alt text: "iklan banner X"
    | (?:skip\ to\ content|loading\.{0,3}|menu|search(?:\ for\s*:?)?|cari)  # "Search for:"
    | skip\ to\ \w+(?:\ \w+)?(?:\ skip\ to\ \w+(?:\ \w+){0,2})+  # "Skip to content Skip to footer"
    | tak\ berkategori|tanpa\ kategori|uncategori[sz]ed  # WordPress's "no category": none
    | blog\ item|arsip(?:\ (?:artikel|berita|post))?|lihat\ (?:berita|artikel)  # headings
    | gambar|blank|admin(?:istrator)?               # an image's alt text; the poster's name
    | admin(?:istrator)?\ by\ \w.{0,40}              # a theme's "admin by admin"
    | (?:©|\(c\)|copyright\ ?(?:©|\(c\)|\d{4}))\ ?.{0,120}  # the site's copyright on top
    | (?:skip\ to|lompat\ ke|langsung\ ke)\ (?:main\ )?(?:isi|konten|content)(?:\ utama)?
    | (?:scroll|gulir)\ (?:ke\ )?(?:bawah|down)\b.{0,40}  # "Scroll ke bawah untuk melanjutkan"
    | (?:scroll|gulir)\ untuk\ (?:baca|membaca|melanjutkan)\b.{0,40}  # "Scroll untuk baca artikel"
    | (?:scroll|back)\ (?:to\ )?top|kembali\ ke\ atas  # a button to the page's top
    | like\ this:?|like\ loading\.*               # WordPress's like button: "Like Loading..."
    | (?:selamat\ datang\ di|welcome\ to)\ (?:the\ )?(?:official\ )?  # a site's banner
      (?:website|situs|laman|portal|web|blog|site)\b.{0,80}
    | (?:selamat\ datang\ di|welcome\ to)\ .{1,80}\b(?:official\ )?   # "Welcome to Dinas X
      (?:website|situs\ resmi|portal\ resmi|site)                      # Official Website"
    | selamat\ datang\ di\ (?:universitas|institut|politeknik|pengadilan|kejaksaan
      |pemerintah|kabupaten|kota|provinsi)(?:\ [\w.-]+){1,5}  # "Selamat Datang di Universitas X"
    | share(?:\ this)?(?:\ (?:on|article|post))?\ ?:|bagikan(?:\ (?:ini|artikel|berita))?\ ?:
    | share\ (?:to\ )?social\ media               # a share row's label
    | bahasa\ ?:                                  # a translation widget's label
    | (?:harap|mohon)\ tunggu\.{0,3}|please\ wait\.{0,3}  # a loading notice
    | jam\ (?:operasional|pelayanan|kerja|buka)\b.{0,80}  # "Jam Operasional : Senin - Jumat"
    | kategori|categories|category                 # a label left without its value
    | (?:nomor|no)\ ?[.:]\ ?[\w.-]*/[\w./-]+        # a letter's number: "Nomor: 553/M.C/XII/2022"
    | tidak\ ditemukan\.?|tampilkan\ (?:seluruhnya|semua)\.?|no\ results?(?:\ found)?\.?
    | tidak\ ada\ hasil\.?                          # the overlay's "No Result" in Indonesian
    | view\ all\ results?                          # a search overlay: "No Result", "View ..."
    | avatar(?:\ photo)?
    | press\ esc\ to\ close                        # a search overlay's hint
    | close\ this\ search\ box\.?                   # ... and its button
    | (?:connect|stay\ connected)\ with\ us|published(?:\ on)?  # a theme's header labels
    | (?:telah\ )?dibaca\ ?:?\ \d[\d.,]*\ ?(?:kali)?  # "Dibaca 40 kali", "Telah dibaca : 30 Kali"
    | \d[\d.,]*\ ?(?:x|kali)\ (?:dibaca|dilihat)     # "110x Dilihat"
    | please\ ensure\ javascript\ is\ enabled\b.{0,80}  # an accessibility widget's notice
    | you\ don'?t\ have\ javascript\ enabled\b.{0,80}  # a portal's no-script notice
    | you\ are\ here\ ?:{0,2}                        # a breadcrumb's label: "You are here::"
    | images?|pictures?|photos?                      # an image's alt text
    | (?:diposting|posted)\ (?:oleh|by)\ .{1,40}
    | powered\ by\ \S.{0,40}                         # "Powered by Blogger."
    | dipublikasikan\ oleh\ .{1,80}                # "Dipublikasikan oleh X pada on ."
    | posted\ in\b.{0,40}                         # "Posted in |"
    | written\ by\b.*                             # "Written by Admin on . Hits: 40"
    | banner\b.{0,30}                              # "banner 728x90"
    | (?:top|more|ticker|oleh|featured\ image|image\ description)
    | logo(?:\ \S+){0,3}                            # "Logo Sitename", "Logo Pengadilan Negeri X"
    | img[-_]logo(?:\ img[-_]logo)?                 # a logo's image name: "IMG-LOGO"
    | (?:sukai|like)(?:\ ?/\ ?(?:like|sukai))?\ fan\ ?page\b.{0,60}  # "Sukai/Like Fan Page X"
    | (?:salin|copy)\ (?:artikel|link|tautan|url)  # "Salin Artikel"
    | (?:judul|nama)\ (?:website|situs|web)        # a template's placeholder heading
    | sebarkan(?:\ (?:artikel|berita)\ ini)?\s*:?  # "Sebarkan artikel ini"
    | rekomendasi\ (?:keywords?|kata\ kunci)\s*:? # a search box's suggestions
    | google\ search\ engine|header\ ads(?:\ widget)?|pasang  # theme placeholders
    | header(?:\ (?:home|image|menu|top))?         # a header's alt text: "header home"
    | (?:fb[-_])?im(?:g|age)(?:[_\ -]?\d{1,20}(?:[_\ -]wa\d{1,6})?)?  # "IMG_0314", "FB-IMG-17615"
    | a\ php\ error\ was\ encountered                 # a PHP notice printed above the page
    | (?:severity|message|filename|line\ number)\s*:\ .{1,120}  # ... and its lines
    | dilihat\ ?\d*\ ?kali                          # a view counter without its number
    | pencarian|cari\ (?:berita|artikel)            # a search box's label
    | indeks\ (?:berita|artikel)\b.{0,80}             # a section's index heading
    | tag\ terpopuler|topik\ (?:populer|terpopuler)   # a tag cloud's heading
    | (?:website|situs|laman)\ ?(?:\|\|?|:)\ ?    # the site's address: "Website || x.go.id"
      (?:https?://)?[\w-]+(?:\.[\w-]+)+/?
    | (?:previous|prev|next)\ (?:image|slide)       # a slider's buttons: "Previous Image"
    | info\ (?:heading|content)                     # a template's placeholders
    | ukuran\ (?:font|huruf)|kecil\ besar|\d{1,2}\ ?px  # a text-size widget: "Ukuran Font"
    | menu\ (?:close|tutup)|close|tutup              # a menu's button: "Menu Close"
    | iklan\ layanan\ masyarakat                     # an ad slot's heading
    | (?:konten\ )?media\ partner                    # "Konten Media Partner"
    | follow\ (?:me|us|kami)|who'?s\ online         # a portal's side modules
    | we\ have\ \d+\ guests?\b.{0,40}               # "We have 66 guests and no members online"
    | detail\ (?:berita|artikel|news|post|agenda|kegiatan|pengumuman)  # "DETAIL BERITA"
    | pengumuman\ (?:baru|terbaru)|post\ title      # a widget's heading, a placeholder
    | mode\ (?:gelap|terang|malam)|(?:dark|light|night)\ mode  # a theme's switch
    | (?:breaking\ news|sekilas\ info|news\ update|trending(?:\ now|\ tags?)?)\s*:?
                                                  # a news ticker's label: "NEWS UPDATE :"
    | id\ [\w\ .-]{2,60}(?:,\ ?[\w\ .-]{2,60}){1,12}  # an outlet's keywords: "id banjir,warga"
    | print(?:\ this)?\ (?:page|article|post)|cetak(?:\ (?:halaman|berita|artikel)(?:\ ini)?)?
                                                  # a print button: "Print this page"
    | -?\ ?iklan\ (?:atas|bawah|tengah|samping|dalam)\ (?:berita|artikel|konten)\ ?-?
    | \d{2,4}\ ?x\ ?\d{2,4}\ (?:ads?|iklan)(?:\ (?:placement|slot|space))?  # "160 x 600 AD"
    | example\ (?:\d{2,4}\ ?x\ ?\d{2,4}|floating)     # a theme's sample banner: "Example 468x60"
    | redaktur|editor|penulis|reporter|pewarta|author  # a label left without its name
    | (?:youtube|facebook|instagram|twitter|tiktok|whatsapp|linkedin)(?:\ chat)?  # a link
    | (?:iklan\ [-–]\ )?(?:swipe\ up|geser(?:\ ke\ atas)?)\ untuk\ (?:lanjut\ )?(?:membaca|baca
      |melanjutkan)\b.{0,40}                        # "GESER UNTUK LANJUT MEMBACA"
    | shopping\ cart|keranjang\ belanja|top\ \d{1,2}\ this\ week|news\ photo  # a theme's blocks
    | selamat\ datang[.!]{0,3}                     # a banner's greeting alone
    | by                                            # an author's label left without a name
    | loading…|notifications?|article\ ad\ box|post  # a theme's placeholders and labels
    | memuat(?:\ (?:berita|artikel|konten|data))?(?:\.{0,3}|…)  # "Memuat berita..."
    | dikirim\ oleh\ .{1,60}                          # "Dikirim oleh Nama pada"
    | jl\.\ .{3,100}                                  # the office's address: "Jl. X No. 2"
    | single\ (?:news|post|page)|deskripsi|terkini    # a theme's headings, a ticker's label
    """
)
# Leading chrome that no opening tells (see _leading_shape): a close button ("×"), a
# theme's placeholder repeated on one line, a label glued to a view counter, a hit
# counter at the end.
# A theme's placeholder ("spot_imgspot_img"), a picture's or an element's name with
# underscores ("42593382_5263121044_o", "805_b"): no word of a release holds one.
PLACEHOLDER: Final = re.compile(r"(?i)[a-z0-9]+(?:_[a-z0-9]+)+")
# "header-int", "copy-link-circle", an icon's name glued to its label "zoom-in-whitePerbesar"
HYPHENATED: Final = re.compile(r"[a-z]+(?:-[a-z]+)+(?:[A-Z][a-z]+)?")
GLUED_COUNTER: Final = (
    re.compile(  # "Daerah13 Dilihat", "oleh -114 Dilihat", "TNI & Polri221 Dilihat"
        r"(?i)(?:[\w&]+\ ){0,3}-?\w*?\d+\ (?:dilihat|views?|kali\ dibaca)"
    )
)
HIT_COUNTER: Final = re.compile(r"(?i).{0,60}\bhits\s*:\s*\d+")  # "Written by ... Hits: 40"
_COUNTER_ENDINGS: Final = ("dilihat", "views", "view", "dibaca")
# A run of navigation labels glued together: "Berita TerbaruDokumentasiHeadline",
# "HomeKategoriJudul", "HEADLINEKalimantan Tengah": a word whose capital follows a
# lower-case letter (or ends a word in capitals), where the glued pieces are navigation
# words.
_NAV_WORDS: Final = (
    "home|beranda|berita|terbaru|headline|headlines|dokumentasi|kategori|utama|populer"
    "|news|daerah|nasional|opini|artikel|galeri|video|pengumuman|agenda|wilayah|terkini"
)
GLUED_NAVIGATION: Final = re.compile(rf"(?i:{_NAV_WORDS})(?-i:[A-Z])")
# What GLUED_NAVIGATION needs somewhere: a capital after a lower-case letter, or a
# word in capitals glued to a capitalised one ("HEADLINEKalimantan Tengah").
# The plain form r"[a-z][A-Z]|[A-Z]{3}[a-z]" opens with the capital both branches hold,
# which the regex engine finds at C speed (4x faster).
_CAMEL: Final = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=[A-Z]{3})(?=[a-z]))")
# A label glued to the next one, a capitalised word after a lower-case letter: "KamiPedoman".
_GLUED_LABEL: Final = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")

# An advertising slogan anywhere in the line: "Ruang iklan tersedia". Apart from the rest
# of leading chrome because the branch must scan the whole line, which only pays when
# the line holds "iklan" or "advertise here" at all (see _may_hold_ad).
LEADING_AD: Final = re.compile(
    r"(?i).*\b(?:pasang\ iklan|iklan\ anda|ruang\ iklan|space\ iklan|advertise\ here)\b.*"
    # "Baca berita dengan sedikit iklan, klik disini"
    r"|.{0,40}\biklan\b.{0,20}\bklik\ (?:di\ ?sini|here)\W*"
    r"|baca\ berita\ (?:tanpa|bebas)\ iklan\b.{0,60}"  # "Baca berita tanpa iklan. Gabung X+"
)

# A comment form's notices: sentences, yet never the release's ("Alamat email Anda tidak
# akan dipublikasikan.", "Situs ini menggunakan Akismet untuk mengurangi spam. ...").
_FORM_NOTICE: Final = (
    r"alamat\ email\ anda\ tidak\ akan\ (?:dipublikasikan|disiarkan)"
    r"|your\ email\ address\ will\ not\ be"
    r"|(?:situs\ ini\ menggunakan|this\ site\ uses)\ akismet"
    r"|anda\ harus\ (?:log\ masuk|login|masuk)\ untuk\ (?:menerbitkan|mengirim|memberi)"
    r"|you\ must\ be\ logged\ in\ to\ post"
)
FORM_NOTICE: Final = re.compile(rf"(?ix){_FORM_NOTICE}")
TRAILING_MARKER: Final = re.compile(
    rf"""(?ix)
    (?:berita|artikel|postingan|pos)\ (?:terkait|lainnya|terbaru|populer|sebelumnya
                                   |berikutnya|selanjutnya)\b.*
    | baca\ (?:(?:berita|artikel)\ )?lainnya\b.*   # "Baca berita lainnya", "Baca Lainnya :"
    | (?:berita|artikel)\ lain\s*:?                 # "Berita Lain" over other headlines
    | (?:anda\ )?dapat\ menyiarkan\ ulang\b.*        # a site's licence to republish
    | terkait                                       # "TERKAIT" over a related list
    | related\ (?:posts?|articles?|news)\b.*
    | you\ (?:may|might)\ also\ like\b.*|anda\ mungkin\ (?:juga\ )?(?:suka|menyukai)\b.*
    | government\ public\ relations?
    | share(?:\ this)?(?:\ (?:on|article|post))?\s*:?
    | bagikan(?:\ (?:ini|artikel|berita)(?:\ ini)?)?\s*:?  # "Bagikan Berita Ini"
    | [•·]\ ?bagikan\b.{{0,40}}                       # a share row's bullet: "• Bagikan"
    | (?:back|scroll)\ to\ top(?:\ button)?|select\ page  # a theme's buttons
    | (?:←\ ?)?kembali\ ke\ daftar\ (?:berita|artikel|postingan)  # "← Kembali ke Daftar Berita"
    | komentar\ \(\d+\)|memuat\ komentar(?:\.{{0,3}}|…)  # "Komentar (0)", "Memuat komentar..."
    | halaman\ ?:(?:\ ?\d{{1,3}}){{0,12}}             # a pager's label: "Halaman: 1 2"
    | bagikan\ (?:(?:berita|artikel)\ (?:ini\ )?)?(?:ke|melalui|via|artikel\ ini)
      (?:\b|(?=(?-i:[A-Z]))).*   # "Bagikan ke sosial media: WhatsApp", "Bagikan keJakarta"
    | sebarkan(?:\ (?:artikel|berita)\ ini)?\s*:?
    | read\ more\b.*|selengkapnya\s*[>»]*
    | discussion\ about\ this\ post
    | tinggalkan\ (?:balasan|komentar)\b.*|leave\ (?:a|the\ first)\ (?:reply|comment)\b.*
    | dapatkan\ .{{1,80}}berkomentar\b.*           # a comment contest's promotion
    | leave\ feedback\ about\ this\b.*              # a feedback widget's heading
    | (?:posting\ )?komentar(?:\ untuk\ .{{1,200}})?\s*:?|\d+\ ?komentar|comments?\s*:?
    | komentar(?:\ \w+){{1,3}}\ ?:                 # "KOMENTAR SEDULUR X :" over a form
    | saat\ ini\ belum\ ada\ komentar\.?
    | (?:tidak|belum)\ ada\ komentar(?:\ ?:)?         # "Tidak ada komentar :", "Belum ada
      (?:\.|\ (?:atas|untuk|pada|di)\ (?:artikel|berita|tulisan|postingan)\b.{{0,80}})?  # ..."
    | no\ comments?(?:\ yet)?\.?
    | like\ this:?|like\ loading\.*               # WordPress's like button: "Like Loading..."
    | data\ tidak\ ditemukan\.?                    # an empty widget's notice
    | \d+\ (?:comments?|responses?|post\ a\ comment)\b.*  # "0 Comments", "0 Response to ..."
    | comments?\ (?:are\ )?closed\.?                # "Comments are closed."
    | no\ comments?\b.*|no\ more\ (?:posts?|pages?|articles?)\b.*
    | post\ (?:a\ )?comments?\b.*|add\ (?:a\ )?(?:new\ )?comments?\b.*
    | subscribe\b.*|security\ code|load\ more|muat\ lebih\ banyak
    | (?:previous|next)\ (?:post|article).*          # "Next articleTitle": a theme's pager
    | posting(?:an)?\ (?:lama|baru|sebelumnya|berikutnya)\b.*
    | tags?\s*:.*|label\s*:.*|tags?|kategori\s*:?   # "Kategori :" left without its value
    | (?:copyright|hak\ cipta)\b.*|©.*                      # "COPYRIGHT © ANTARA 2023"
    | by(?:\ \S+)?
    | \d{{1,2}}\ {_MONTH}\ \d{{4}},?\ (?:jam|pukul|-)?\ ?     # "11 Oktober 2023 Jam 20:47:59"
      \d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\ ?wi[bt]a?)?
    | galeri(?:\ foto)?|gallery|foto\ lainnya        # a gallery block
    | (?:https?://|www\.)\S+                        # a bare link: the page's own address
    | cek\ berita\b.*|ikuti\ (?:kami|berita|kanal|saluran|channel|update)\b.*
    | follow\ (?:us|kami)\b.*
    | (?:follow|ikuti)\ .{{0,40}}@\w.*               # "Follow Instagram @outlet juga ..."
    | (?:follow|ikuti)\ (?:whatsapp|wa|instagram|ig|tiktok|twitter|facebook|fb|youtube|telegram
                        |saluran|channel)\b.*        # "Follow Whatsapp Channel X untuk ..."
    | (?:silakan\ )?(?:follow|ikuti?|simak|baca|dapatkan|cek|tombol)\b.{{0,60}}\bgoogle\ news\b.*
                                # "Follow Google News Outlet", "Silakan baca ... di Google News"
    | (?:berita\ )?(?:kami\ )?(?:ada|hadir)\ di\ google\ news\b.*  # "KAMI ADA DI GOOGLE NEWS"
    | \[?(?:follow|ikuti)\b.{{0,60}}\b(?:sosial\ media|media\ sosial|social\ media)\b.*
                                                  # "[Ikuti Outlet.com Melalui Sosial Media]"
    | (?:⚠\ufe0f?\s*)?peringatan\ plagiarisme\b.*   # a plagiarism notice
    | dilarang\ (?:keras\ )?(?:mengutip|menyalin|mengambil|memperbanyak)\b.*
    | (?:dilihat|dibaca)\s*:?\s*\d[\d.,]*(?:\ ?(?:kali|x))?   # "Dilihat: 355 kali"
    | \d[\d.,]*\ ?(?:kali\ (?:dilihat|dibaca)|x\ dibaca|views?|pembaca|hits)
    | \d{{1,2}}\ (?:detik|menit|jam|hari|minggu|pekan|bulan|tahun)\ (?:yang\ )?(?:lalu|ago)
    | kembali(?:\ ke\ atas)?|back\ to\ top|print|cetak|pdf
    | print\ friendly\b.{{0,40}}                     # a print button: "Print Friendly, PDF & Email"
    | (?:lihat|simak)\ (?:juga|berita|artikel|update|selengkapnya)\b.*
    | baca\ .{{1,120}}\ di\ sini\.?                  # a link: "Baca kisah ... di sini"
    | baca\ selengkapnya\b.*|pilihan\ redaksi|(?:tag\ )?terpopuler|terkini|rekomendasi\b.{{0,30}}
    | topik(?:\ terkait)?\s*:?.{{0,60}}|kata\ kunci\s*:?.*|keywords?\s*:.*
    | dapatkan\ (?:update|berita|informasi|info)\b.*
    | gabung(?:lah)?\ (?:ke\ |di\ |dengan\ )?(?:grup|group|saluran|channel|kanal)\b.*
    | saluran\ whatsapp\b.*|whatsapp\ channel\b.*
    | (?:website|situs|web|instagram|ig|facebook|fb|twitter|youtube|tiktok|e-?mail|surel
       |telp|telepon|hp|wa|whatsapp|fax|faks)\s*:\s*\S.{{0,80}}   # a contact footer
    | banner\b.{{0,40}}|advertisement|iklan
    | \(?visited\ \d[\d.,]*\ times?\b.{{0,40}}     # a view counter: "(Visited 25 times, ...)"
    | error\s*:\s*content\ is\ protected\b.*     # a copy-protection plugin's notice
    | (?:{_FORM_NOTICE})\b.*                      # a comment form's notices
    | exit\ mobile\ version                       # a mobile theme's switch
    | (?:emoticon)+                                 # a blog's emoticon button: "EmoticonEmoticon"
    | loading\.{{0,3}}                              # a widget still loading
    | ip\ address\s*:.{{0,60}}                      # a visitors' counter
    | site\ statistics|statisti[ck]\ (?:pengunjung|situs|website)  # a visitors' counter's
    | (?:total\ )?(?:pengunjung|visits|visitors)\ (?:hari\ ini|today|total|online)  # heading,
    | total\ (?:pengunjung|visits|visitors)                      # and its rows
    | iklan\ (?:atas|tengah|bawah|dalam)\ (?:artikel|konten|berita)  # an ad slot's label
    | giphy\ app\ key\b.*                            # a widget's error: "GIPHY App Key not set"
    | jln?\.\ ?[A-Z].{{0,60}}?\bno\.?\ ?\d+\b[^.]{{0,80}}  # an address: "Jl. X No.2, Kota Y"
    | \[(?:yarpp|related[_-]posts?)\b[^\]]{{0,60}}\]      # a related-posts plugin's shortcode
    """
)
# More trailing markers: a comment form's buttons and fields, an outlet's calls to follow
# it or to send it news, a channel's line. Apart from TRAILING_MARKER because every branch
# of a pattern costs each line it is tried on: this one is tried only on the lines
# opening like one of its branches (FORM_OPENINGS).
FORM_AND_FOLLOW: Final = re.compile(
    r"""(?ix)
    batalkan\ balasan|cancel\ reply                  # a comment form's buttons
    | tinggalkan\ (?:balasan|pesanan|komentar)          # its heading ("pesanan": Malay)
    | be\ the\ first\ to\ comment\b.*
    | you\ must\ be\ logged\ in\b.*|anda\ harus\ (?:login|masuk)\b.*  # a closed comment form
    | jadilah\ (?:yang\ )?pertama\ (?:berkomentar|mengomentari|memberi\ komentar)\b.*
    | (?:nama|name|e-?mail|surel|situs\ web|website)\s*\*?   # a comment form's fields
    | \*{1,3}\)\s*(?:ikuti|follow|cek|simak|baca|dapatkan)\b.*  # "*) Ikuti ... Google News"
    | yuk\b.{0,100}?\b(?:join|gabung|bergabung)\b.*       # "Yuk ... join di group whatsapp"
    | kirim(?:kan)?\ (?:berita|tulisan|artikel|opini|rilis|press\ release|naskah)\b.*
    | kirim(?:kan)?\ komentar|(?:post|submit)\ comment|tulis\ komentar   # a form's button
    | tuliskan\ komentar\b.*|write\ a\ (?:facebook\ )?comment|view\ all\ comments
                                                    # a social network's comment box
    | (?:youtube|instagram|facebook|twitter|tiktok)\ @?[\w.]+(?:\ [\w.]+){0,2}  # a channel
    | isi\ komentar\b.{0,40}\btanggung\ jawab\b.*      # a comment box's disclaimer
    | postingan\ ini\ dilengkapi\ fasilitas\b.*          # a blog's font widget notice
    """
)
# The first two letters, lower-cased, of each branch of FORM_AND_FOLLOW (see
# TRAILING_OPENINGS).
FORM_OPENINGS: Final = frozenset(
    ("ba", "ca", "be", "ja", "na", "em", "e-", "su", "si", "we", "*)", "**", "yu", "ki", "yo")
    + ("in", "an")
    + ("fa", "tw", "ti", "po", "tu", "wr", "vi", "is")
)
# The longest line a trailing marker (or shape) is looked for in: chrome lines are short,
# and a longer line opening like one ("Berita terkait banjir ini ...") is a paragraph.
MARKER_MAX: Final = 160
# Trailing markers that no opening tells (see is_trailing_marker): hashtags, a section's
# "more" link ("Wilayah LAINNYA", "Daerah Lainnya"), a row of share buttons ("Facebook
# Twitter WhatsApp", "Tweet Share").
_SOCIAL: Final = (
    "facebook|twitter|whatsapp|telegram|linkedin|pinterest|email|e-mail|print|tweet|line"
    "|copy\\ link|salin\\ link|instagram|youtube|tiktok|share|x|fb|wa|messenger|reddit"
)
TRAILING_SHAPES: Final = re.compile(
    rf"""(?ix)
    (?:@[\w.]+\s+)*\#\w[\w-]*(?:\s+\#\w[\w-]*)*   # "#kemenkumhamri", "@office.x #x #y"
    | \w+(?:\ \w+)?\ lainnya(?:\s?:)?                # "Wilayah LAINNYA", "Baca Lainnya :"
    | (?:{_SOCIAL})(?:[\s,|/·•]+(?:{_SOCIAL}))+[\s,|]*   # "Facebook Twitter WhatsApp"
    | .{{3,150}}\ (?-i:Selanjutnya|SELANJUTNYA|Sebelumnya|SEBELUMNYA)
                                    # a pager's link: "APEL PAGI 25 Januari 2021 Selanjutnya"
    """
)
_SOCIAL_FIRST: Final = frozenset(
    ("facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "email")
    + ("e-mail", "print", "tweet", "line", "copy", "salin", "instagram", "youtube")
    + ("tiktok", "share", "x", "fb", "wa", "messenger", "reddit")
)
_SOCIAL_OPENINGS: Final = frozenset(word[:2] for word in _SOCIAL_FIRST)
_STOP_CHARS: Final = frozenset('.,;:!?"”)')  # no share row ends with one

DROPPED_LINE: Final = re.compile(
    r"""(?ix)
    baca\ (?:juga|pula)\b\s*[:;.\-–—]?.*         # "Baca juga: ..."
    | [-–—_=*~.•·]{3,}                            # rules of dashes, stars or dots
    | \.{1,3}|[*•·]                               # a line holding only "." or a star
    | advertisement|iklan|\[iklan\]
    | \[:[a-z]{0,3}\]                               # a translation plugin's marker: "[:id]"
    | apakah\ (?:isi\ )?(?:website|situs|laman)\ (?:ini\ )?.{0,80}\?  # a site's survey
    """
)

_CREDIT_LABELS: Final = (
    r"(?:sumber|editor|pewarta|penulis|reporter|wartawan|fotografer|foto|redaktur|penyunting"
    r"|kontributor|teks|naskah|peliput|liputan|laporan|editing|oleh|red|rep|publisher|uploader"
    r"|pengirim|admin|jurnalis"
    r"|upload(?:ed)?\ by|posted\ by)"
)
CREDIT_LINE: Final = re.compile(
    rf"""(?ix)
    (?P<open>\()?                                   # "(Sumber : Humas X)", in brackets
    {_CREDIT_LABELS}\.?(?:\s*/\s*{_CREDIT_LABELS}){{0,3}}  # "Editor/ Publisher", "Editor. : ",
                                                    # "Reporter/Redaktur/Editor : X"
    (?:\ (?:berita|artikel|tulisan|gambar|data))?    # "Sumber Berita : Radar X"
    (?:\ \|)?                                        # a table's cell: "Reporter | : X |"
    \s*[:;]\s*(?(open)[^()\s][^()]{{0,150}}\)|\S.{{0,150}})
    """
)
# A labelled credit glued to the last sentence of the body: "... Kabupaten X.Kontributor :
# Budi" (split off as a credit line).
GLUED_CREDIT: Final = re.compile(
    rf"""(?x)
    (?<=[.!?"”’])\s*
    (?: (?P<credit>(?i:{_CREDIT_LABELS})\s*[:;]\s*\S.{{0,60}})$
      | \((?P<bracketed>(?i:{_CREDIT_LABELS})\s*[:;]\s*[^()]{{1,60}})\)[\s.]*$  # "(Sumber: X)"
    )
    """
)

# A rule line fencing a contact block: three or more em dashes (or dashes).
RULE: Final = re.compile(r"[-–—_=]{3,}")

# The close of a sentence at the end of a line: a full stop that ends no ellipsis, maybe
# followed by a byline code in brackets ("... katanya. (rus/hmsprov)"), or a code and then
# the stop ("... pungkasnya (adv/hms7).").
SENTENCE_CLOSE: Final = re.compile(
    r"""(?x)
    (?<!\.)\.                               # a full stop, not the end of an ellipsis
    (?:\s*[(\[][^()\[\]\n]{1,60}[)\]])?     # a byline code after it
    \s*$
    | [)\]]\.\s*$                            # a code, then the stop
    """
)
# A comment form's fixed sentences (WordPress, in Indonesian and English): sentences in
# shape, chrome by their words.
COMMENT_FORM: Final = re.compile(
    r"""(?ix)
    (?:alamat\ )?email\ anda\ tidak\ akan\ (?:dipublikasikan|ditampilkan)\b.*
    | your\ email\ address\ will\ not\ be\ published\b.*
    | (?:ruas|kolom)\ yang\ wajib\ (?:ditandai|diisi)\b.*
    | required\ fields\ are\ marked\b.*
    | simpan\ nama,\ email,?\ dan\ (?:situs\ web|website)\b.*
    | save\ my\ name,\ email,?\ and\ website\b.*
    | silakan\ (?:masukkan|isi|tulis)\ (?:komentar|nama|email|alamat)\b.*
    | please\ enter\ your\ (?:comment|name|email)\b.*
    """
)
# An outlet's call to follow it (a channel, a chat group) or to send it news, however
# long: sentences in shape, chrome by their words. "Yuk berbagi informasi ... join di
# group whatsapp : X", "*) Ikuti berita terbaru X di Google News", "Ikuti ... di saluran
# WhatsApp kami", "Dapatkan update ... Mari bergabung di Facebook X", "Kirim berita dan
# rilis ke email redaksi@x.id".
FOLLOW_PROMPT: Final = re.compile(
    r"""(?ix)
    (?:\*\)\s*)?
    (?: yuk\b.{0,100}?\b(?:join|gabung|bergabung)\b
      | kirim(?:kan)?\ (?:berita|tulisan|artikel|opini|rilis|press\ release|naskah)\b
      | (?:ikuti|follow|cek|simak|pantau|dapatkan)\b.{0,100}?
        \b(?:google\ news|(?:saluran|channel|grup|group)\ (?:whatsapp|telegram)
            |(?:whatsapp|telegram)\ (?:channel|group)
            |(?:bergabung|gabung|join)\ (?:di|ke)\ (?:facebook|instagram|telegram|whatsapp
                                                     |tiktok|youtube))\b
    )
    """
)
# The first two characters, lower-cased, a FOLLOW_PROMPT line opens with.
_FOLLOW_OPENINGS: Final = frozenset(("yu", "ik", "fo", "ce", "si", "pa", "da", "ki", "*)"))
# Trailing chrome a heading of its own may stand above: a contact block's lines ("Website :
# x", "Alamat: Jl. ..."), another article's time ("4 hari ago", "11 Oktober 2023 Jam 20:47").
HEADED_CHROME: Final = re.compile(
    rf"""(?ix)
    (?:website|situs|web|instagram|ig|facebook|fb|twitter|youtube|tiktok|e-?mail|surel
       |telp|telepon|hp|wa|whatsapp|fax|faks|alamat)\s*:\s*\S.*
    | \d{{1,2}}\ (?:detik|menit|jam|hari|minggu|pekan|bulan|tahun)\ (?:yang\ )?(?:lalu|ago)
    | \d{{1,2}}\ {_MONTH}\ \d{{4}},?\ (?:jam|pukul|-)?\ ?\d{{1,2}}[:.]\d{{2}}.*
    | @[\w.]+(?:\s+\#\w[\w-]*)+                 # the office's account and its hashtags
    | jln?\.\ ?[A-Z].{{0,60}}?\bno\.?\ ?\d+\b[^.]*   # the office's address: "Jl. X No. 2, Y"
    """
)
# A copyright notice: its opening ("©", "(c) 2024", "Copyright ©", "Hak Cipta 2024"), or
# the reserved-rights formula anywhere. "Hak cipta atas karya batik itu ..." is neither,
# nor is a list item "(c) ...".
COPYRIGHT_START: Final = re.compile(
    r"""(?ix)
    ©|\(c\)\s*\d{4}
    | (?:copyright|hak\ cipta)\s*(?:©|\(c\)|:?\s*\d{4})
    """
)
RESERVED_RIGHTS: Final = re.compile(
    r"(?i)\ball rights reserved\b|\b(?:hak cipta|seluruh hak|semua hak) dilindungi\b"
)


# Characters that can open a match of each pattern (TRAILING_FIRST: of TRAILING_MARKER
# and FORM_AND_FOLLOW), with their case variants as the
# regex engine folds them under IGNORECASE: besides the other ASCII case, "ſ" (long s)
# matches "s", the Kelvin sign (U+212A) matches "k", and "İ" and "ı" match "i". A line
# opening with any other character cannot match, so the pattern need not run: a cheap
# test for the many body lines, checked against every code point in the tests.
TRAILING_FIRST: Final = frozenset(
    "abcdefghijklmnprstvwyABCDEFGHIJKLMNPRSTVWY©⚠*([ſ\u212a\u0130\u0131•·←"
)  # or a digit (\d)
DROPPED_FIRST: Final = frozenset("abiABIİı[-–—_=*~.•·")
CREDIT_FIRST: Final = frozenset("(aefjklnoprstuwAEFJKLNOPRSTUWſ\u212a")
RULE_FIRST: Final = frozenset("-–—_=")
# The first two letters, lower-cased, of each branch of TRAILING_MARKER but those opening
# with "©" or a digit. Two ASCII characters match a branch's two letters under
# IGNORECASE exactly when they are equal lower-cased, so a line opening with two ASCII
# characters that are none of these cannot match: most body lines ("Pemerintah ...").
TRAILING_OPENINGS: Final = frozenset(
    ("be", "ar", "po", "re", "go", "sh", "ba", "se", "di", "ti", "le", "ko", "co", "pr", "ne")
    + ("ta", "la", "ha", "by", "te", "no", "ad", "su", "lo", "mu", "ga", "fo", "ht", "ww")
    + ("ce", "ik", "pe", "ke", "pd", "li", "si", "pi", "we", "in", "ig", "fa", "fb", "tw")
    + ("yo", "em", "e-", "hp", "wa", "wh", "ka", "da", "ga", "sa", "ar", "to", "vi", "(v", "er")
    + ("al", "th", "an", "ex", "[i", "[f", "ip", "me", "gi", "st", "[y", "[r", "jl", "sc")
)
# The same for LEADING_CHROME: the first two characters, lower-cased, of its branches
# but those opening with a digit.
LEADING_OPENINGS: Final = frozenset(
    ("ca", "ta", "au", "ar", "ka", "ho", "be", "[i", "[a", "[s", "[p", "ik", "ad", "sp", "pl")
    + ("sk", "lo", "me", "se", "di", "po", "wr", "ba", "to", "mo", "ti", "ol", "fe", "im")
    + ("sa", "co", "ju", "na", "re", "go", "he", "pa", "pu", "st", "la", "sc", "gu", "we")
    + ("no", "av", "fo", "wh", "pe", "cl", "tu", "ko", "wa", "a ", "fi", "li", "de", "ke")
    + ("in", "pr", "ne", "uk", "da", "ni", "br", "id", "tr", "bl", "ga", "un", "(c", "ph")
    + ("pi", "te", "yo", "vi", "sh", "ha", "ja", " i", "- ", "-i", "ce", "ed", "ex", "fa")
    + ("si", "tw", "by", "ge", "sw", "fb", "jl", "-a", "-k", "-p", "-r", "ty", "su")
)
# Speed: the third character, for the openings above whose every branch gives it as a
# literal: {opening: the third characters allowed, lower-cased}. An opening not listed
# allows any. Most body lines pass the two-character test ("Selain", "Pemerintah",
# "Kegiatan", "Dinas") and fail this one, sparing the patterns' many branches. It
# decides only for a line whose first three characters are ASCII (a line of two
# characters passes: "" is in every string). Derived from the patterns by
# tests/test_parse_speed_openings.py, which fails when a pattern's new branch needs a
# change here.
TRAILING_THIRDS: Final = {
    "(v": "i", "[f": "o", "[i": "k", "[r": "e", "[y": "a", "ad": "adv", "al": "a", "an": "d",
    "ar": "t", "ba": "cgn",
    "be": "lr", "by": " ", "ce": "kt", "co": "mp", "da": "pt", "di": "bls", "e-": "m", "em": "ao",
    "er": "r", "ex": "i", "fa": "ckx", "fo": "lt", "ga": "bl", "gi": "p", "go": "v", "ha": "dkl",
    "ht": "t",
    "ik": "lu", "ip": " ", "in": "s", "jl": ".n", "ka": "mt", "ke": "my", "ko": "m", "la": "b",
    "le": "a",
    "li": "hk", "lo": "a", "mu": "a", "ne": "x", "no": " ", "pd": "f", "pe": "nr", "pi": "l",
    "po": "s", "pr": "ei", "re": "akl", "sa": "al", "se": "bcl", "sh": "a", "si": "lmt", "su": "br",
    "st": "a", "ta": "g", "te": "lr", "th": "i", "ti": "dkn", "to": "mpt", "tw": "i", "vi": "s",
    "we": "b",
    "wh": "a", "ww": "w", "yo": "u",
    "me": "m", "sc": "r",
}  # fmt: skip
FORM_THIRDS: Final = {
    "ba": "t", "be": " ", "ca": "n", "e-": "m", "em": "a", "fa": "c", "in": "s", "ja": "d",
    "ki": "r", "na": "m", "si": "t", "su": "br", "ti": "kn", "tw": "i", "we": "b", "yo": "u",
    "yu": "k", "po": "s", "tu": "l", "wr": "i", "vi": "e", "is": "i", "an": "d", "**": ")*",
}  # fmt: skip
LEADING_THIRDS: Final = {
    "[a": "d", "[i": "k", "[p": "l", "[s": "p", "a ": "p", "ad": "]msv", "ar": "st",
    "au": "t", "av": "a", "ba": "cghn", "be": "r", "ca": "rt", "cl": "o", "co": "mnp",
    "di": "bklp", "fe": "a", "fi": "l", "fo": "l", "go": "o", "gu": "l", "he": "a",
    "ho": "m", "ik": "l", "im": "ag", "ju": "d", "ka": "t", "ko": "mn", "la": "mn",
    "li": "ghkn", "lo": "agm", "me": "dmns", "mo": "dhr", "na": "m", "no": " .:mt", "ol": "e",
    "pa": "s", "pe": "nw", "pl": "ae", "po": "sw", "pu": "b", "re": "dkp", "sa": "l", "sc": "r",
    "se": "abklv", "sk": "i", "sp": "o", "st": "a", "ta": "gkmn", "ti": "cdk", "to": "p",
    "tu": "t", "wa": "k", "we": " bl", "wh": "ao", "wr": "i", "de": "st",
    "in": "dfs", "pr": "ei", "ne": "wx", "uk": "u", "ke": "cmrt", "da": "r", "ni": "g", "br": "e",
    "id": " ", "tr": "e", "bl": "ao", "ga": "m", "un": "c", "(c": ")", "ph": "o", "pi": "c",
    "te": "lr", "yo": "u", "vi": "e", "sh": "ao", "ha": "r", "ja": "m", "fa": "c", "-i": "k",
    "ex": "a", "- ": "aikpr", "ed": "i", "si": "nt", "ce": "t", " i": "k", "tw": "i", "by": "",
    "ge": "s", "sw": "i", "fb": "-_", "jl": ".", "-a": "d", "-k": "o", "-p": "e",
    "-r": "e", "ty": "p", "su": "k",
}  # fmt: skip


def third_allows(line: str, two: str, thirds: dict[str, str]) -> bool:
    """Whether the third character of `line` (opening with `two`, lower-cased ASCII)
    allows a match of the pattern `thirds` belongs to (see TRAILING_THIRDS)."""
    third = line[2:3]
    return not third.isascii() or third.lower() in thirds.get(two, third.lower())


def matches_any(line: str, patterns: Iterable[str | re.Pattern[str]]) -> bool:
    """True when `line` equals a configured string (any case) or a pattern finds it."""
    folded = None  # casefolded once, and only when a plain string is configured
    for pattern in patterns:
        if isinstance(pattern, str):
            if folded is None:
                folded = line.casefold()
            if folded == pattern.casefold().strip():
                return True
        elif pattern.search(line):
            return True
    return False


def _may_hold_ad(line: str) -> bool:
    """False only when LEADING_AD cannot match: the line holds none of its phrases.

    Every phrase holds "iklan" or is "advertise here". Unless `line` holds a character
    of FOLDS_TO_ASCII, a case-insensitive match of them is a substring of ``line.lower()``.
    """
    lower = line.lower()
    return "iklan" in lower or "advertise here" in lower or may_fold_to_ascii(line)


def is_leading_chrome(line: str, extra: Iterable = ()) -> bool:
    # `extra` is most often the empty tuple: no site chrome configured.
    return _leading_chrome(line) or (extra != () and matches_any(line, extra))


# A site's chrome recurs on every page ("Berita Utama", "Dibaca 1.204 kali"): each line is
# read once.
@lru_cache(maxsize=4096)
def _leading_chrome(line: str) -> bool:
    """Leading chrome by its phrases or its shape, the configured chrome aside."""
    two = line[:2]  # LEADING_CHROME is tried only when LEADING_OPENINGS allows a match
    if (
        two[:1].isdecimal()
        or not two.isascii()
        or ((low := two.lower()) in LEADING_OPENINGS and third_allows(line, low, LEADING_THIRDS))
    ) and LEADING_CHROME.fullmatch(line):
        return True
    if _leading_shape(line):
        return True
    return _may_hold_ad(line) and bool(LEADING_AD.fullmatch(line))


# A style sheet's comments and rules, pasted with a text from Word ("Normal 0 false false
# false IN X-NONE AR-SA /* Style Definitions */ table.MsoNormalTable {mso-style-name: ...}")
# or left by a theme ("/*-- Start Maintenance Template -- */").
CSS_RULE: Final = re.compile(r"\{[^{}]*\}")
_SENTENCE_STOP: Final = re.compile(r"[.!?](?:\s|$)")


def _without_comments(line: str) -> str:
    """`line` without its /* comments */, in one pass (a pattern's lazy match would try
    every opening again when none is closed)."""
    parts = []
    at = 0
    while (start := line.find("/*", at)) >= 0 and (end := line.find("*/", start + 2)) >= 0:
        parts.append(line[at:start])
        at = end + 2
    parts.append(line[at:])
    return " ".join(parts)


def _style_sheet(line: str) -> bool:
    """Whether `line` is a style sheet: comments and rules making at least half of it, and
    no sentence in what is left (a selector, Word's settings: a dozen words at most)."""
    rest = CSS_RULE.sub(" ", _without_comments(line))
    if len(rest) * 2 > len(line):
        return False
    words = rest.split()
    return len(words) <= 12 and not _SENTENCE_STOP.search(" ".join(words))


def _leading_shape(line: str) -> bool:
    """Leading chrome by shape (PLACEHOLDER, GLUED_COUNTER, HIT_COUNTER, a close button,
    GLUED_NAVIGATION), each pattern tried only on a line that may match it:
    short, without a sentence's stop, and holding a digit, "_", "×" or a capital inside
    a word; a template's code (PHP's "<?" or "?>", a line in "{{ }}" or "{% %}")."""
    if line[:8].lower() in _PAGE_LABEL_OPENINGS and PAGE_LABEL.fullmatch(line):
        return True  # the site's last update ("Pembaruan terakhir: ..."), "Halaman Artikel"
    if line[:2] == "![" and MARKDOWN_IMAGE.fullmatch(line):
        return True  # a picture's Markdown, its address however long: "![](https://...)"
    if line[:2] in _ADDRESS_OPENINGS and len(line) <= 200 and ADDRESS_LINE.fullmatch(line):
        return True  # the office's street address and telephone in the page's header
    if (
        "|" in line
        and len(line) <= 300
        and (WELCOME_TICKER.search(line) or WELCOME_FIRST.match(line))
    ):
        return True  # a ticker's greetings: "Assalamu'alaikum|Selamat datang di situs ..."
    if line[-1:].isdecimal() and " on line " in line and PHP_NOTICE.fullmatch(line):
        return True  # a PHP notice the page printed above the post: "Strict Standards: ..."
    if line[:9] in ("Selamat D", "SELAMAT D", "Selamat d") and WELCOME_MARQUEE.match(line):
        return True  # a running text of any length: "Selamat Datang di Situs Resmi X. ..."
    if ("*/" in line or "{mso-" in line) and _style_sheet(line):
        return True  # a style sheet pasted with the text: "Normal 0 false ... {mso-...}"
    if line[-1:] in ".!?" or len(line) > 300:
        return False
    if len(line) > 80:
        return _glued_labels(line)
    if line.isascii() and not line[0].isalnum() and not any(map(str.isalnum, line)):
        return True  # markup's leftovers: "![]()", ":"
    if len(line) == 1:
        return line in "×✕✖"  # a close button
    if "_" in line and " " not in line and PLACEHOLDER.fullmatch(line):
        return True
    if "-" in line and " " not in line and line[0].islower() and HYPHENATED.fullmatch(line):
        return True  # a theme's class or icon name: "header-int"
    if line[-7:].lower().endswith(_COUNTER_ENDINGS) and GLUED_COUNTER.fullmatch(line):
        return True
    if ("its" in line or "ITS" in line) and HIT_COUNTER.fullmatch(line):
        return True
    if "." in line[-6:] and (
        IMAGE_FILE.fullmatch(line)
        if " " not in line
        else line[-5:].lower().endswith(_IMAGE_ENDINGS) and SPACED_IMAGE_FILE.fullmatch(line)
    ):
        return True  # a picture's file name: "cropped-logo-2.png", "WhatsApp Image ... PM.jpeg"
    if line[:1] in "(+" and line[-1:].isdecimal() and PHONE_LINE.fullmatch(line):
        return True  # the office's telephone in the page's header: "(0370) – 621786"
    if " " not in line and "x" in line[-8:] and THUMBNAIL_NAME.fullmatch(line):
        return True  # a picture's thumbnail name: "SAFARI-KEC.X_-300x300"
    if ("oomla" in line or "ordpress" in line) and THEME_CREDIT.fullmatch(line):
        return True  # a theme's credit: "OT Name - шаблон joomla X"
    if len(line) == 36 and line.count("-") == 4 and UUID.fullmatch(line):
        return True  # an element's generated id: "85fdecbf-0cfd-4bae-9251-561e40b8cea0"
    if "?>" in line or "<?" in line or (line[:2] in ("{{", "{%") and line[-2:] in ("}}", "%}")):
        return True  # a template's code printed as text: "//=$berita['post_title']?>"
    if (
        " resmi " in line.lower()
        and (site := SITE_NAME.fullmatch(line))
        and is_region(site["place"])
    ):
        return True  # the site's name: "Portal Resmi Pemerintah Kota X" (not a headline)
    if "00" in line and ZERO_DATE.search(line):
        return True  # a template's empty date: "Senin 00/00/0000 00:00 WIB | oleh X"
    if "+" in line and INDEX_LINK.fullmatch(line):
        return True  # a link to the index beside a label: "pilihan +INDEKS"
    if "@" in line and CONTACT_LINE.fullmatch(line):
        return True  # the office's e-mail and telephone in the page's header
    if "x" in line and len(line) < 40 and AD_SIZE.fullmatch(line):
        return True  # an ad slot's size: "Example 728x250", "banner 300 x 250"
    if "Dewan Pers" in line and PRESS_COUNCIL.fullmatch(line):
        return True  # the outlet's badge: "Lulus Verifikasi Dewan Pers No. 12/DP/..."
    if line[-4:].lower() == "logo" and LOGO_ALT.fullmatch(line):
        return True  # a picture's alt text: "Garis Logo", "Header Logo"
    if "|" in line and ":" in line and VISITOR_ROW.fullmatch(line):
        return True  # a visitors widget's row: "Hari Ini | : 352 |"
    if "English" in line and LANGUAGE_MENU.fullmatch(line):
        return True  # a translation widget's languages: "Indonesian English Japanese"
    if line[:2].lower() in _SHARE_OPENINGS and (
        SHARE_ICONS.fullmatch(line) or LINK_COPIED.fullmatch(line)
    ):
        return True
    return (
        fewer_words(line, 5) and bool(_CAMEL.search(line)) and bool(GLUED_NAVIGATION.search(line))
    ) or _glued_labels(line)


def _glued_labels(line: str) -> bool:
    """A footer's or a menu's links run together: four labels glued to the one before
    ("Tentang KamiPedoman Media SiberKebijakan PrivasiKontakKarir"). Glued, the words
    run long, nine characters or more between spaces: the line is scanned only then."""
    return len(line) >= 9 * (line.count(" ") + 1) and len(_GLUED_LABEL.findall(line)) >= 4


# A site's welcome among a ticker's items joined by bars: "Assalamu'alaikum Wr. Wb.|Selamat
# datang di situs resmi X|Media Pelayanan ...", or first of them (WELCOME_FIRST, matched
# at the line's start: in one pattern, its branch would be tried at every position):
# "Selamat Datang di Portal Resmi X || Tanggal : 30-Mar-2020 | Pukul : 07:47:56".
WELCOME_TICKER: Final = re.compile(r"(?i)\|\s*(?:selamat\ datang\ di|welcome\ to)\b")
# A marquee's running text opening with the site's welcome, its slogans and notices after
# it: "Selamat Datang di Situs Resmi Pengadilan X. Wilayah Bebas dari Korupsi. ...".
WELCOME_MARQUEE: Final = re.compile(
    r"(?i)selamat\ datang\ di\ (?:website|situs|laman|portal|web)\ (?:resmi|kami)\b"
)
WELCOME_FIRST: Final = re.compile(r"(?i)(?:selamat\ datang\ di|welcome\ to)\ [^|]{1,80}\|")


# A picture's file name alone on a line ("cropped-logo-2.png"); release.IMAGE_REFERENCE
# takes the same name, maybe in Markdown's image brackets.
IMAGE_NAME: Final = r"[\w./:%~+-]{1,100}\.(?:png|jpe?g|gif|webp|svg|bmp|heic)"
# A picture's file name with spaces, as a phone or a messenger names it: "WhatsApp Image
# 2022-02-16 at 11.51.18 PM.jpeg", "IMG 20240101 WA0001.jpg".
_IMAGE_ENDINGS: Final = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic")
SPACED_IMAGE_FILE: Final = re.compile(
    r"(?i)[\w()-]+(?:\ [\w.()-]+){1,8}\.(?:png|jpe?g|gif|webp|heic)"
)
# Alone on a line, maybe cut to its ending or closing a Markdown link: "cropped-logo.png",
# ".jpg)".
IMAGE_FILE: Final = re.compile(rf"(?i)(?:{IMAGE_NAME}|\.(?:png|jpe?g|gif|webp))\)?")
# A picture in Markdown without words for it, alone on its line (maybe in a table's
# cell): "![](https://outlet.id/uploads/foto-1.jpeg)", "![logo](/img/a.png) |".
MARKDOWN_IMAGE: Final = re.compile(r"!\[[^\]\s]{0,80}\]\([^()\s]{0,400}\)\s*\|?")
# The site's last update, not the post's date ("Pembaruan terakhir: Jumat, 16 November
# 2018"), and a page's heading ("Halaman Artikel"): apart from LEADING_CHROME, whose
# openings "Pem", "Ter", "Hal" would send many titles ("Pemkab ...", "Hal ini ...")
# through its every branch; tried on the lines opening with _PAGE_LABEL_OPENINGS.
PAGE_LABEL: Final = re.compile(
    r"(?i)(?:pembaruan\ terakhir|terakhir\ diperbarui|last\ (?:updated|modified))\ ?:.{0,60}"
    r"|halaman\ (?:artikel|berita)"
)
_PAGE_LABEL_OPENINGS: Final = frozenset(
    ("pembarua", "terakhir", "last upd", "last mod", "halaman ")
)
# A telephone number alone: "(0370) – 621786", "+62 541 123456".
PHONE_LINE: Final = re.compile(r"\(\d{2,5}\)\ ?[-–—]?\ ?\d{3,8}(?:[-\ ]\d{2,8})?|\+62[\d\ -]{6,16}")
# A picture's thumbnail, named with its size after a hyphen: "foto-kegiatan-300x300".
THUMBNAIL_NAME: Final = re.compile(r"[\w.-]{1,100}-\d{2,4}x\d{2,4}")
# A theme's credit line: "OT Name - шаблон joomla X", "Joomla Templates by X".
THEME_CREDIT: Final = re.compile(
    r"(?i).{0,40}\b(?:шаблон|template|theme)\b.{0,20}\b(?:joomla|wordpress)\b.{0,40}"
    r"|.{0,40}\b(?:joomla|wordpress)\ (?:template|theme)s?\b.{0,40}"
)
UUID: Final = re.compile(r"(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
LOGO_ALT: Final = re.compile(
    r"(?i:garis|header|site|main|footer|mobile|default|custom|web)\ (?i:logo)"
    r"|[A-Z][\w-]{1,20}\ (?i:logo)"  # an office's picture: "Kemenag Logo"
)
VISITOR_ROW: Final = re.compile(r"[\w ]{2,30}\|\ ?:\ ?\d[\d.,]*(?:\ [A-Za-z]{2,10})?\ ?\|?")
_LANGUAGES: Final = (
    r"(?:Bahasa\ )?Indonesian?|English|Chinese(?:\ \((?:Simplified|Traditional)\))?|Japanese"
    r"|Korean|Arabic|Dutch|French|German|Malay|Spanish|Russian|Portuguese|Thai|Vietnamese"
    r"|Hindi|Italian|Javanese|Sundanese"
)
LANGUAGE_MENU: Final = re.compile(rf"(?:(?:{_LANGUAGES})[\s,|/]*){{3,}}")

# The site's name: "Portal Resmi Pemerintah Kota Makassar", "Website Resmi Kabupaten X";
# its place must be one the regions' table knows, so that a headline ("Website Resmi
# Kota X Diluncurkan") is never taken for it.
SITE_NAME: Final = re.compile(
    r"(?i)(?:portal|website|situs|laman|web)\ resmi\ (?:pemerintah\ )?"
    r"(?:(?:kabupaten|kab\.|kota|provinsi|prov\.)\ |pemkab\ |pemkot\ |pemprov\ )?"
    r"(?P<place>[\w.-]+(?:\ [\w.-]+){0,2})"
)
# A date of zeros: a template's date field left empty.
ZERO_DATE: Final = re.compile(r"(?<!\d)00[/.-]00[/.-](?:00)?00(?!\d)")
# A link to the site's index, maybe beside a label: "pilihan +INDEKS", "+ Indeks Berita".
INDEX_LINK: Final = re.compile(r"(?i)(?:[\w-]+\ )?\+\ ?indeks(?:\ berita)?")
# A weather widget's reading, over its city's name: "21.7 C", "28°C".
WEATHER: Final = re.compile(r"-?\d{1,2}(?:[.,]\d)?\ ?°?\ ?[CF]")
# An ad slot's size: "Example 728x250", "banner 300 x 250".
AD_SIZE: Final = re.compile(r"(?:[\w-]+\ ){0,3}\d{2,4}\ ?x\ ?\d{2,4}(?:\ px)?")
# An outlet's press-council badge: "Lulus Verifikasi Dewan Pers No. 12/DP/...".
PRESS_COUNCIL: Final = re.compile(
    r"(?i).{0,30}\bverifikasi\ dewan\ pers\b.{0,80}|terverifikasi\ dewan\ pers.{0,80}"
)
# "Jln. Merdeka No. 4 Telp. (0541) 12345 Fax. 12346": an address with its telephone.
ADDRESS_LINE: Final = re.compile(
    r"(?i)(?:jl|jln|jalan)\.?\ .{3,60}?\b(?:telp|telepon|tlp|fax|faks)\b.*"
)
_ADDRESS_OPENINGS: Final = frozenset(("Jl", "JL", "Ja", "JA"))
# An e-mail address, maybe with a telephone number after it or telephones before it:
# "ppid@x.go.id (0761) 45505", "(0541)736852 (0541)748382 disbun@x.go.id".
CONTACT_LINE: Final = re.compile(
    r"(?:[(+]?\d[\d() .-]{5,20}[\s|,]+)*"  # telephones before it: "(0541)736852 (0541)748382 x@y"
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:[\s|,]+[(+]?\d[\d() .-]{5,20})?"
)
# A share row of three buttons or more, each name maybe followed by "icon", "copy" among
# them ("facebook icon twitter icon whatsapp icon copy"), and the notice a copy button
# leaves ("URL berhasil dicopy", "Link disalin").
SHARE_ICONS: Final = re.compile(rf"(?i)(?:(?:{_SOCIAL}|copy|salin)(?:\ icon)?[\s,|/·•]*){{3,}}")
LINK_COPIED: Final = re.compile(
    r"(?i)(?:url|link|tautan)\ (?:berhasil\ |telah\ )?(?:di)?(?:copy|salin|kopi)!?"
)
_SHARE_OPENINGS: Final = _SOCIAL_OPENINGS | {"co", "sa", "ur", "li", "ta"}


def is_file_name(line: str) -> bool:
    """A picture's file name (IMAGE_FILE) or a name with underscores (PLACEHOLDER) alone."""
    if " " in line:
        return False
    return bool(("_" in line and PLACEHOLDER.fullmatch(line)) or IMAGE_FILE.fullmatch(line))


# The pager's words closing a link to the next or the previous post (TRAILING_SHAPES).
_PAGER_WORDS: Final = frozenset(("Selanjutnya", "SELANJUTNYA", "Sebelumnya", "SEBELUMNYA"))


def may_be_trailing_shape(line: str) -> bool:
    """False only when TRAILING_SHAPES cannot match: the line opens with no "#", no "@"
    and no share button's name, and does not end with "lainnya" (maybe with a colon
    after it) or a pager's word ("Selanjutnya")."""
    return (
        line[:1] in ("#", "@")
        or line[-7:].lower() == "lainnya"
        or line[-11:] in _PAGER_WORDS
        or line[-10:] in _PAGER_WORDS
        or (line[-1:] == ":" and line[-10:-1].rstrip()[-7:].lower() == "lainnya")
        # A share row is short, ends with a name and opens with one: the last character
        # and the first two letters are tested before the first word is cut out.
        or (
            len(line) < 80
            and line[-1:] not in _STOP_CHARS
            and line[:2].lower() in _SOCIAL_OPENINGS
            and _first_piece(line) in _SOCIAL_FIRST
        )
    )


def _first_piece(line: str) -> str:
    """The line's first word up to a share row's separators, lower-cased."""
    word = line.split(None, 1)[0] if line.strip() else ""
    for mark in ",|/·•":
        word = word.split(mark, 1)[0]
    return word.lower()


def is_trailing_shape(line: str) -> bool:
    """TRAILING_SHAPES, tried only where may_be_trailing_shape() allows."""
    return may_be_trailing_shape(line) and bool(TRAILING_SHAPES.fullmatch(line))


def is_trailing_marker(line: str) -> bool:
    if len(line) > MARKER_MAX:
        return False
    if is_trailing_shape(line):
        return True
    first = line[:1]
    if first.isdecimal():
        return bool(TRAILING_MARKER.fullmatch(line))
    if first not in TRAILING_FIRST:
        return False  # "" too: every branch needs a character
    return bool(_marker(line))


def _marker(line: str) -> re.Match[str] | bool | None:
    """TRAILING_MARKER or FORM_AND_FOLLOW, each tried only on a line opening like one of
    its branches, for a line opening with a character of TRAILING_FIRST."""
    two = line[:2]
    if not two.isascii():
        return TRAILING_MARKER.fullmatch(line) or FORM_AND_FOLLOW.fullmatch(line)
    two = two.lower()
    return (
        two in TRAILING_OPENINGS
        and third_allows(line, two, TRAILING_THIRDS)
        and TRAILING_MARKER.fullmatch(line)
    ) or (
        two in FORM_OPENINGS
        and third_allows(line, two, FORM_THIRDS)
        and FORM_AND_FOLLOW.fullmatch(line)
    )


def is_rule(line: str) -> bool:
    return line[:1] in RULE_FIRST and bool(RULE.fullmatch(line))


# A prompt to watch the outlet's video, a line of its own in the body: "Simak Video: ...".
# Apart from DROPPED_LINE, whose first-character test it would widen to every line
# opening with "S" or "T": tried only on a line opening with one of _VIDEO_OPENINGS.
VIDEO_PROMPT: Final = re.compile(
    r"(?:[Ss]imak|SIMAK|[Tt]onton|TONTON|[Ss]aksikan|SAKSIKAN)\ (?i:video)\b\s*[:;.\-–—]?.*"
)  # in the cases _VIDEO_OPENINGS holds: lower, upper, or the first letter a capital
_VIDEO_OPENINGS: Final = frozenset(
    w[:6] for word in ("simak ", "tonton", "saksik") for w in (word, word.upper(), word.title())
)


# A plugin's shortcode left alone on its line: a name in lower case with an underscore
# ("[ad_1]"), or with attributes ("[responsivevoice_button voice=...]", "[button x=y]").
SHORTCODE_LINE: Final = re.compile(
    r"""(?x)
    \[/?[a-z][a-z0-9]*
    (?:(?:[_-][a-z0-9]+)+(?:\ [^\[\]]{0,300})?   # "[ad_1]", "[name_x attributes]"
      |\ [^\[\]=]{0,60}=[^\[\]]{0,300})          # "[button x=y]"
    \]"""
)


def is_dropped_line(line: str, extra: Iterable = ()) -> bool:
    if line[:1] in DROPPED_FIRST and DROPPED_LINE.fullmatch(line) and not is_sentence(line):
        return True
    if line[:1] == "[" and line[-1:] == "]" and SHORTCODE_LINE.fullmatch(line):
        return True
    if line[:6] in _VIDEO_OPENINGS and VIDEO_PROMPT.fullmatch(line):
        return True
    return extra != () and matches_any(line, extra)


def is_sentence(line: str) -> bool:
    """Six words or more closed by a full stop (a byline code may follow it, or stand
    before it): prose, though it may open with "Baca juga" (a link line is a headline,
    and headlines end without one)."""
    # Six words take eleven characters; the line is stripped (normalise_lines).
    if len(line) < 11 or line[-1] not in ".)]" or fewer_words(line, 6):
        return False
    return bool(SENTENCE_CLOSE.search(line, max(0, len(line) - 80)))


def trailing_and_dropped(
    lines: list[str],
    holds_code: Callable[[str], bool],
    is_prose: Callable[[str], bool],
    extra: Iterable = (),
) -> tuple[int | None, list[int]]:
    """Where trailing chrome starts, and which lines above it are dropped chrome.

    The first item is the index of the first line, after the first, from which all is
    trailing chrome: a trailing marker or a rule below the line that closes the release
    (see last_release_line). So a chrome-like line with more of the release below it is
    kept, and one followed only by chrome (headlines, dates, labels) or by nothing
    starts the trailing chrome. The second item lists the indexes of the non-blank
    lines above it that is_dropped_line() drops.

    One loop over the body lines does both, with the tests of is_rule(),
    is_trailing_marker() and is_dropped_line() inlined, their opening characters first:
    this runs over every line. The line that closes the release is looked for (from the
    end) only once a candidate turns up, which most releases never have.
    """
    dropped: list[int] = []
    configured = not (isinstance(extra, tuple | list) and not extra)
    closing: int | None = None  # index of the line that closes the release, once needed
    linked = False  # the last line dropped was a link's label alone: "Baca juga:"
    listed = False  # ... or an item of a list of headlines under it
    candidate: re.Match[str] | bool | None
    for index, line in enumerate(lines):
        if not line:
            continue
        first = line[0]
        if not index:
            candidate = None  # the first line is never trailing chrome
        elif first in RULE_FIRST:  # then no trailing marker: the two sets are disjoint
            candidate = RULE.fullmatch(line)
        elif "Reviewed by " in line and BLOG_FOOTER.search(line):
            candidate = True  # a blog's footer: "Title Reviewed by Admin X on Rating: 5"
        elif len(line) > MARKER_MAX:
            candidate = None  # a paragraph, though it may open like a marker
        else:
            # _marker() inlined: its call would cost more than its tests on most lines.
            if first.isdecimal():
                candidate = TRAILING_MARKER.fullmatch(line)
            elif first not in TRAILING_FIRST:
                candidate = None
            elif (two := line[:2]).isascii():
                two = two.lower()
                # The third character's test (third_allows()) inlined.
                third = line[2:3]
                third = third.lower() if third.isascii() else ""  # "": no test
                candidate = (
                    two in TRAILING_OPENINGS
                    and third in TRAILING_THIRDS.get(two, third)
                    and TRAILING_MARKER.fullmatch(line)
                ) or (
                    two in FORM_OPENINGS
                    and third in FORM_THIRDS.get(two, third)
                    and FORM_AND_FOLLOW.fullmatch(line)
                )
            else:
                candidate = TRAILING_MARKER.fullmatch(line) or FORM_AND_FOLLOW.fullmatch(line)
            # _trailing_shape()'s own first guard, inlined: most lines fail it.
            last = line[-1]
            if not candidate and (
                first in "#@" or last in "aA:" or (len(line) < 80 and last not in _STOP_CHARS)
            ):
                candidate = may_be_trailing_shape(line) and TRAILING_SHAPES.fullmatch(line)
        if candidate:
            if closing is None:
                closing = last_release_line(lines, holds_code, is_prose, extra, index)
            if index > closing:
                return index, dropped
        if (
            (
                first in DROPPED_FIRST
                and DROPPED_LINE.fullmatch(line)
                and not (line[-1] in ".)]" and is_sentence(line))  # its own first test
            )
            # A wordless line has no letter or digit in its first two characters either.
            or (
                not first.isalnum()
                and not line[1:2].isalnum()
                and is_wordless(line)
                and line.strip("()[] ") not in ANONYMOUS  # the anonymous desk's code: "(***)"
            )
            or (configured and matches_any(line, extra))
            # VIDEO_PROMPT and PHP_NOTICE, each tried only on lines opening as theirs do
            or (first in "SsTt" and line[:6] in _VIDEO_OPENINGS and VIDEO_PROMPT.fullmatch(line))
            or (first in "DWNFPS" and " on line " in line and PHP_NOTICE.fullmatch(line))
            or (first == "[" and line[-1] == "]" and SHORTCODE_LINE.fullmatch(line))
        ):
            dropped.append(index)
            linked = first in "Bb" and len(line) < 13 and bool(LINK_LABEL.fullmatch(line))
            listed = False
        elif linked:
            item = line[:2] in _LIST_ITEMS
            if (
                (item or not listed)
                and len(line) <= MARKER_MAX
                and fewer_words(line, 20)
                and not is_sentence(line)
            ):
                dropped.append(index)  # the other article's headline under "Baca juga:"
                linked = listed = item  # a list of them: "- Headline", each item below too
            else:
                linked = listed = False
    return None, dropped


# The marks of a list's items: "- Headline", "• Headline".
_LIST_ITEMS: Final = frozenset(("- ", "• ", "* ", "– "))


# "Baca juga:" alone on its line: the other article's headline stands below it.
LINK_LABEL: Final = re.compile(r"(?i)baca\ (?:juga|pula)\s*[:;.\-–—]?")


# A blog theme's footer under each post, after its title: "... Reviewed by Admin X on
# Rating: 5", "... Reviewed by X on Januari 02, 2024 Rating: 5".
BLOG_FOOTER: Final = re.compile(r"\bReviewed by \S.{0,60}\ on\b.{0,40}Rating:\s*\d\s*$")


# A PHP notice a page printed into its text: "Deprecated: str_replace(): ... in
# /home/site/public_html/x.php on line 627".
PHP_NOTICE: Final = re.compile(
    r"(?:Deprecated|Warning|Notice|Fatal\ error|Parse\ error|Strict\ Standards)"
    r"\s*:\s.{1,400}\ in\ \S+\ on\ line\ \d+"
)


def is_wordless(line: str) -> bool:
    """A line without a letter or digit: leftovers of a page's markup ("![]()", "|", ";")."""
    return not any(map(str.isalnum, line))


def glued_credit(line: str) -> tuple[str, str] | None:
    """``(the sentence, the credit)`` when a labelled credit is glued to the end of the
    last sentence, or follows it in brackets: "... Kabupaten X.Kontributor : Budi",
    "... kata dia. (Sumber: Humas Kukar)"."""
    if ":" not in line[-70:] and ";" not in line[-70:]:
        return None
    match = GLUED_CREDIT.search(line, max(0, len(line) - 90))
    if match is None:
        return None
    credit = match["credit"] or match["bracketed"]
    if not credit or not fewer_words(credit, 8):
        return None
    return line[: match.start()].rstrip(), credit.strip()


# Share buttons glued to the last sentence: "... harapnya.Share this:TwitterFacebook".
GLUED_SHARE: Final = re.compile(
    r"(?<=[.!?\"”’])\s*(?i:share(?:\ this)?|bagikan(?:\ (?:ini|artikel|berita))?)\s*:[^.!?]{0,60}$"
)


def glued_share(line: str) -> str | None:
    """The sentence, when share buttons are glued to the end of the last one (see
    GLUED_SHARE); the caller has seen a colon near the end."""
    match = GLUED_SHARE.search(line, max(0, len(line) - 80))
    return line[: match.start()].rstrip() if match else None


def last_release_line(
    lines: list[str],
    holds_code: Callable[[str], bool],
    is_prose: Callable[[str], bool],
    extra: Iterable = (),
    start: int = 0,
) -> int:
    """The index of the line that closes the release, or -1.

    The byline code closes a release: the last line that `holds_code`, wherever prose
    stands below it (the teasers of other articles, readers' comments). Without one, the
    last line that `is_prose` by its shape (a marker line that is itself a long sentence
    counts). Lines of the configured chrome `extra` are neither. The code is looked for
    first: its test is cheap, and most releases end with one just above their chrome.

    With `start`, the index is exact only when it is `start` or more; otherwise -1 (the
    line at `start` stands below the one that closes the release). That is all
    trailing_and_dropped() asks about a candidate at `start`, and most often it spares
    the lines above it: chrome below the byline code, or below a release without one.
    """
    found = _last(lines, holds_code, extra, start, len(lines))
    if found >= 0:
        return found  # the last code
    if start and _last(lines, holds_code, extra, 0, start) >= 0:
        return -1  # the code stands above `start` (most often just above it)
    return _last(lines, is_prose, extra, start, len(lines))  # no code: the last prose


def _last(
    lines: list[str], test: Callable[[str], bool], extra: Iterable, start: int, stop: int
) -> int:
    """The index of the last line of ``lines[start:stop]`` that passes `test` and is not
    configured chrome, or -1."""
    configured = extra != ()  # speed: most often no site chrome is configured
    for index in range(stop - 1, start - 1, -1):
        line = lines[index]
        if line and test(line) and not (configured and matches_any(line, extra)):
            return index
    return -1


# The words of an outlet's slogan under its name: "Berita Aktual | Tajam & Terpercaya",
# "Akurat dan Cerdas"; two of them make a line a slogan (a headline may hold one).
_SLOGAN_WORDS: Final = frozenset(
    ("terpercaya", "tepercaya", "akurat", "tajam", "cerdas", "berimbang", "independen")
    + ("aktual", "lugas", "faktual", "terkini", "mencerdaskan", "inspiratif", "santun")
)
SLOGAN_MAX: Final = 70  # characters: a slogan is short


def is_slogan(line: str) -> bool:
    """An outlet's slogan on its line (_SLOGAN_WORDS): short, two of the words."""
    if len(line) > SLOGAN_MAX:
        return False
    words = re.findall(r"[a-z]+", line.lower())
    return sum(word in _SLOGAN_WORDS for word in words) >= 2


def is_chrome_shaped(line: str) -> bool:
    """A line that is chrome or a credit by its own shape, wherever it stands: a rule,
    a dropped line, a credit line, leading chrome (a counter), a comment form's
    sentence, a copyright notice, an outlet's call to follow it, a PHP notice. Trailing
    markers are not tested here: their phrases also open ordinary sentences."""
    return (
        is_rule(line)
        or is_dropped_line(line)
        or is_credit_line(line)
        or is_leading_chrome(line)
        or bool(COMMENT_FORM.match(line))
        or is_copyright_notice(line)
        or is_follow_prompt(line)
        or (" on line " in line and bool(PHP_NOTICE.fullmatch(line)))
        or (line[-4:].lower() in _CLICK_ENDINGS and bool(CLICK_PROMPT.search(line)))
    )


# A promotion closing on its link's words: "Kami membuka kesempatan ... melalui program X
# Network. Klik lebih lanjut", "... Klik di sini."
CLICK_PROMPT: Final = re.compile(r"(?i)\bklik\ (?:lebih\ lanjut|di\ ?sini)\.?$")
_CLICK_ENDINGS: Final = frozenset(("njut", "sini", "ini.", "jut."))


def is_headed_chrome(line: str) -> bool:
    """HEADED_CHROME: a line of trailing chrome that a heading may stand above."""
    return len(line) <= MARKER_MAX and bool(HEADED_CHROME.match(line))


def is_follow_prompt(line: str) -> bool:
    """FOLLOW_PROMPT, tried only on a line opening like one."""
    return line[:2].lower() in _FOLLOW_OPENINGS and bool(FOLLOW_PROMPT.match(line))


def is_copyright_notice(line: str) -> bool:
    """A copyright notice, however long: the reserved-rights formula, or a notice's
    opening on a line whose words are not mostly lower case (a notice names its owner,
    "© 2024 Biro Adpim Setda Provinsi Kaltim"; a sentence is mostly lower case)."""
    if RESERVED_RIGHTS.search(line):
        return True
    if not COPYRIGHT_START.match(line):
        return False
    words = line.split()
    return sum(word[:1].islower() for word in words) * 2 <= len(words)


# Where the text was taken from, below it: "Berita ini disadur dari x.go.id dengan judul ...",
# "Artikel ini telah tayang di Outlet.com ..." (however long, below a code or not).
SOURCE_NOTE: Final = re.compile(
    r"(?i)(?:artikel|berita|tulisan|rilis)\ ini\ (?:telah\ |sudah\ )?"
    r"(?:disadur|dikutip|diambil|bersumber|tayang|terbit|dimuat)(?:\ (?:dari|di|pada)\b.{0,400})?"
)


def is_source_note(line: str) -> bool:
    """A note of where the text was taken from (SOURCE_NOTE): a credit."""
    return " ini " in line[:12].lower() and bool(SOURCE_NOTE.fullmatch(line))


# A staff credit without its colon: "Reporter Bambang.", "Editor Ani Suryani".
UNLABELLED_CREDIT: Final = re.compile(
    r"(?i:reporter|penulis|pewarta|editor|wartawan|fotografer|redaktur)"
    r"\ [A-Z][\w'’-]*(?:\ [A-Z][\w'’-]*){0,3}\.?"
)


# The first three letters of UNLABELLED_CREDIT's labels: its cheap test.
_STAFF_OPENINGS: Final = frozenset(("rep", "pen", "pew", "edi", "war", "fot", "red"))


def is_credit_line(line: str) -> bool:
    # A credit line holds its ":" or ";" and has at most 20 words, or is a short
    # UNLABELLED_CREDIT.
    if line[:1] not in CREDIT_FIRST:
        return False
    if ":" not in line and ";" not in line:
        return (
            len(line) < 60
            and line[:3].lower() in _STAFF_OPENINGS
            and bool(UNLABELLED_CREDIT.fullmatch(line))
        )
    return bool(CREDIT_LINE.fullmatch(line)) and fewer_words(line, 21)
