#!/usr/bin/env python3
"""Draw Gloss's window icon (assets/icon.png): three lines of "text" on a dark tile, two of
them carrying annotation highlights. Standard library only, so anyone can rebuild it."""
import struct
import sys
import zlib

SIZE = 256
BG = (0x1b, 0x1f, 0x27, 255)
LINE = (0x9a, 0xa3, 0xb0, 255)
BLUE = (0x7a, 0xa6, 0xe8, 255)
ORANGE = (0xe8, 0xa3, 0x5a, 255)
GREEN = (0x6c, 0xc4, 0x7e, 255)


def rounded_tile(x, y, radius=48):
    # Transparent outside a rounded square.
    cx = min(max(x, radius), SIZE - 1 - radius)
    cy = min(max(y, radius), SIZE - 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def pixel(x, y):
    if not rounded_tile(x, y):
        return (0, 0, 0, 0)
    rows = [  # (top, [(x0, x1, colour)])
        (62, [(40, 96, LINE), (100, 190, BLUE), (194, 216, LINE)]),
        (114, [(40, 150, LINE), (154, 216, LINE)]),
        (166, [(40, 70, LINE), (74, 168, ORANGE), (172, 216, LINE)]),
    ]
    for top, bars in rows:
        for x0, x1, colour in bars:
            highlight = colour is not LINE
            pad = 8 if highlight else 0
            if x0 <= x < x1 and top - pad <= y < top + 22 + pad:
                return colour
    # An underline under the orange span: a nested mention.
    if 120 <= x < 168 and 202 <= y < 208:
        return GREEN
    return BG


def png(width, height, rgba):
    rows = []
    for y in range(height):
        row = bytearray(b"\0")
        for x in range(width):
            row.extend(rgba[y][x])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "assets/icon.png"
    image = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    with open(out, "wb") as f:
        f.write(png(SIZE, SIZE, image))
