#!/usr/bin/python3
"""torch_peer.py as a Python user would tune it for phone photos: PIL decodes each JPEG already
shrunk in the DCT domain, luma only (Image.draft("L", size / N): the largest reduction, up to 8,
that leaves at least 1/N of each side), and turns it upright by its EXIF orientation
(ImageOps.exif_transpose), which the peer alone does not do. Nothing else of the peer changes; it
stays read-only in ../shared/peers.

    torch_peer_draft.py N PEER.py infer --input DIR --out OUT.csv [peer options]     (N: 2, 4 or 8)
"""
import runpy
import sys

from PIL import Image, ImageOps

reduction = int(sys.argv[1])
peer = sys.argv[2]
full_open = Image.open


def open_drafted(fp, *args, **kwargs):
    image = full_open(fp, *args, **kwargs)
    if image.format == "JPEG":
        image.draft("L", (image.width // reduction, image.height // reduction))
    return ImageOps.exif_transpose(image)


Image.open = open_drafted
sys.argv = [peer] + sys.argv[3:]
runpy.run_path(peer, run_name="__main__")
