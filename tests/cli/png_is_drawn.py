#!/usr/bin/env python3
"""Exits 0 when a PNG screenshot shows a drawn page, 1 when it is blank or nearly so.

Python's standard library only: decodes 8-bit RGB or RGBA PNGs (what Chromium writes),
then counts distinct colours and the share of pixels that are not the background.
"""
import struct
import sys
import zlib

# A page of text and charts has hundreds of colours (anti-aliased text, fills); an empty
# or error page a handful.
MIN_COLOURS = 64
MIN_INK_SHARE = 0.02


def rows_of(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"{path}: expected an 8-bit RGB(A) PNG, not interlaced")
    step = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(idat), width * step
    previous, offset = bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up, corner = previous[x], previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + ((left + up) >> 1)) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        yield [bytes(line[x:x + 3]) for x in range(0, stride, step)]
        previous = line


def main(path):
    counts = {}
    for row in rows_of(path):
        for pixel in row:
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    background = max(counts.values())
    ink = 1 - background / total
    print(f"{path}: {len(counts)} colours, {ink:.1%} of pixels not background")
    return 0 if len(counts) >= MIN_COLOURS and ink >= MIN_INK_SHARE else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
