#!/usr/bin/python3
"""cv_peer.py as a Python user would tune it for phone photos: OpenCV decodes each JPEG already
shrunk by 2, 4 or 8 in the DCT domain (cv2.IMREAD_REDUCED_GRAYSCALE_N) instead of at full size.
Nothing else of the peer changes; it stays read-only in ../shared/peers.

    cv_peer_reduced.py N PEER.py MODEL.onnx DIR OUT.csv [THREADS]     (N: 2, 4 or 8)
"""
import runpy
import sys

import cv2

REDUCED = {2: cv2.IMREAD_REDUCED_GRAYSCALE_2, 4: cv2.IMREAD_REDUCED_GRAYSCALE_4, 8: cv2.IMREAD_REDUCED_GRAYSCALE_8}
reduced = REDUCED[int(sys.argv[1])]
peer = sys.argv[2]
full_imread = cv2.imread


def imread(path, flags=cv2.IMREAD_COLOR):
    # The peer asks for IMREAD_GRAYSCALE; the reduced grey read applies EXIF orientation just the same.
    return full_imread(path, reduced if flags == cv2.IMREAD_GRAYSCALE else flags)


cv2.imread = imread
sys.argv = [peer] + sys.argv[3:]
runpy.run_path(peer, run_name="__main__")
