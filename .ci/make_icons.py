"""Draws the app icons in public/icons (PNG, no dependencies): python3 .ci/make_icons.py"""
import pathlib, struct, zlib

BG, BARS = (0x1D, 0x35, 0x57), [(0x88, 0xCC, 0xEE), (0xDD, 0xCC, 0x77), (0xCC, 0x66, 0x77)]

def png(size, inset):
    """Three rising bars on the brand colour; `inset` keeps them in the maskable safe zone."""
    px = [[BG] * size for _ in range(size)]
    lo, hi = int(size * inset), int(size * (1 - inset))
    span = hi - lo
    w = span // 5
    for i, (colour, height) in enumerate(zip(BARS, (0.4, 0.65, 0.9))):
        x0 = lo + i * (span - w) // 2
        for y in range(hi - int(span * height), hi):
            for x in range(x0, x0 + w):
                px[y][x] = colour
    raw = b"".join(b"\0" + bytes(c for p in row for c in p) for row in px)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

here = pathlib.Path(__file__).resolve().parents[1] / "public/icons"
for name, size, inset in [("icon-192.png", 192, 0.18), ("icon-512.png", 512, 0.18), ("icon-maskable-512.png", 512, 0.28)]:
    (here / name).write_bytes(png(size, inset))
