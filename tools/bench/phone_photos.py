#!/usr/bin/python3
"""Phone-size photos for tools/bench.sh: N colour JPEGs of 4032x3024 (12 megapixels), each one dark
character (the peer's glyphs, torch_peer.render_char) on paper lit unevenly (a brightness gradient
and a vignette, slightly warm), sensor-like noise, quality 92 with 4:2:0 chroma like a phone camera.
Every fourth picture is stored turned, with the EXIF orientation (6, 8 or 3) that makes it upright,
as phones do. Named like the peer's pictures, index_ASCIIcode.jpg, so predictions can be scored.

    phone_photos.py --out DIR --n 1000 [--seed 20240601] [--peer ../shared/peers/torch_peer.py]

Deterministic per picture (seed and index); about 0.6 s a picture on one core.
"""
import argparse
import importlib.util
import os
import random
import sys

import numpy as np
from PIL import Image

WIDTH, HEIGHT = 4032, 3024
ORIENTATION = 0x0112
# EXIF orientation -> how the upright picture is stored so that a viewer applying the tag shows it upright.
STORED = {6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270, 3: Image.Transpose.ROTATE_180}


def load_peer(path):
    spec = importlib.util.spec_from_file_location("torch_peer", path)
    peer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(peer)
    return peer


def lighting(rng, width, height):
    """Uneven light at 1/16 scale, smoothly enlarged: a linear gradient plus a vignette, in [0.55, 1]."""
    w, h = width // 16, height // 16
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    xs, ys = xs / (w - 1) - 0.5, ys / (h - 1) - 0.5
    angle = rng.uniform(0, 2 * np.pi)
    gradient = 1 - rng.uniform(0.1, 0.35) * (0.5 + xs * np.cos(angle) + ys * np.sin(angle))
    cx, cy = rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2)
    vignette = 1 - rng.uniform(0.1, 0.3) * ((xs - cx) ** 2 + (ys - cy) ** 2) * 2
    small = np.clip(gradient * vignette, 0.55, 1).astype(np.float32)
    return np.asarray(Image.fromarray(small, mode="F").resize((width, height), Image.BILINEAR))


_GRAIN = {}


def grain(rng):
    """Sensor-like noise in 2x2 grains: one field per process, shifted per picture (making it anew
    for each picture tripled the generation time)."""
    if "field" not in _GRAIN:
        noise = np.random.default_rng(7).normal(0, 2.5, (HEIGHT // 2, WIDTH // 2)).astype(np.float32)
        _GRAIN["field"] = np.repeat(np.repeat(noise, 2, axis=0), 2, axis=1)
    return np.roll(_GRAIN["field"], (2 * rng.randrange(HEIGHT // 2), 2 * rng.randrange(WIDTH // 2)), axis=(0, 1))


def photo(peer, rng, ch):
    # The character's ink mask from the peer's renderer, enlarged so it spans about a third of the frame.
    mask = peer.render_char(rng, ch, 256, ink=255, bg=0)
    side = int(rng.uniform(0.28, 0.45) * HEIGHT)
    mask = mask.resize((side, side), Image.BILINEAR)
    ink_map = np.zeros((HEIGHT, WIDTH), dtype=np.float32)
    x0 = rng.randint(WIDTH // 4, WIDTH * 3 // 4 - side)
    y0 = rng.randint(HEIGHT // 6, HEIGHT * 5 // 6 - side)
    ink_map[y0:y0 + side, x0:x0 + side] = np.asarray(mask, dtype=np.float32) * (1 / 255)
    paper, ink = rng.uniform(200, 245), rng.uniform(15, 60)
    grey = (paper + (ink - paper) * ink_map) * lighting(rng, WIDTH, HEIGHT)
    grey += grain(rng)
    tint = (1.0, rng.uniform(0.95, 0.99), rng.uniform(0.86, 0.95))  # warm indoor light
    np.clip(grey, 0, 255, out=grey)
    return Image.merge("RGB", [Image.fromarray((grey * t).astype(np.uint8), mode="L") for t in tint])


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--peer", default=os.path.join(os.path.dirname(__file__), "../../../shared/peers/torch_peer.py"))
    a = ap.parse_args(argv)
    peer = load_peer(a.peer)
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.n):
        rng = random.Random(a.seed * 1_000_003 + i)
        ch = peer.CLASSES[rng.randrange(62)]
        image = photo(peer, rng, ch)
        exif = Image.Exif()
        exif[0x010F] = "hcr bench"  # Make
        if i % 4 == 3:
            orientation = (6, 8, 3)[(i // 4) % 3]
            image = image.transpose(STORED[orientation])
            exif[ORIENTATION] = orientation
        image.save(os.path.join(a.out, f"{i:06d}_{ord(ch)}.jpg"), quality=92, subsampling=2, exif=exif)
    print(f"wrote {a.n} phone photos ({WIDTH}x{HEIGHT}) to {a.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
