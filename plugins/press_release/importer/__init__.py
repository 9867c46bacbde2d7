"""Importing an office's existing portal into release files (``python -m press_release
import``): WordPress exports, saved pages and CMS dumps, one small module per step.

    wxr.py, saved_pages.py, dump.py   read a source into SourceItems (model.py)
    shortcodes.py, html_text.py       body HTML -> the authors' plain text
    compose.py, verify.py             the release file's text, read back by the parser
    pipeline.py                       the two above, run in worker processes
    photos.py, write.py, session.py   files written safely, photos copied, the state
    report.py, messages.py            what the user is told
    cli.py                            the command

No module here imports Pelican.
"""
