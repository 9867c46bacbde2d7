"""Photos of releases: found by file name, captioned from the text, processed once.

One step per module, each depending only on those above it:

- ``settings``: the ``PRESS_RELEASE_PHOTOS_*`` settings, validated once.
- ``find``: which image files belong to which release (pure, over paths).
- ``files``: the image files in the folders of releases, and the files of the output's
  photo folder this step wrote (no Pillow: a site without photos goes no further).
- ``captions``: caption, credit and alt text of each photo (pure, over a Release).
- ``process``: one photo's bytes to its published variants (Pillow; no I/O).
- ``cache``: processed variants kept by content hash outside the output folder.
- ``batch``: hashing and processing many photos on every core, memory bounded.
- ``build``: the adapter the site build calls: content folder in, Photo records with
  their variant URLs and per-file warnings out; all run state in one ``PhotoRun``.
- ``check``: what ``python -m press_release check`` says about a release's photos.

Nothing here imports Pelican: the build passes Pelican's settings dict in.
"""
