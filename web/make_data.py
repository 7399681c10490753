#!/usr/bin/env python3
"""The browser build's preloaded files (web/CMakeLists.txt runs this).

usage: make_data.py SOURCE_DIR OUT_DIR

OUT_DIR/root becomes the page's file system: /layerlab/assets/lang and
/layerlab/lessons (what the desktop reads from its checkout) and the Nanum
fonts at the desktop's own paths (render/fonts.cpp), cut down to the glyphs
LayerLab can show: every character of the string tables, the lessons and the
C++ sources (the simulator's Korean messages), plus the 2,350 Hangul
syllables of KS X 1001 and the compatibility jamo, so what a learner types
through the IME shows too. The full fonts are 11.7 MB; the subsets 0.76 MB
gzipped.
"""
import logging
import pathlib
import shutil
import sys

from fontTools import subset

FONT_DIR = pathlib.Path("/usr/share/fonts/truetype/nanum")
FONTS = ["NanumGothic.ttf", "NanumGothicBold.ttf", "NanumGothicCoding.ttf"]


def used_characters(source: pathlib.Path) -> set:
    chars = {chr(c) for c in range(0x20, 0x100)}
    chars |= set("\ufffd…→≠·")
    patterns = ["assets/lang/*.json", "lessons/**/*.json", "sim/**/*.cpp", "sim/**/*.hpp", "render/**/*.cpp",
                "render/**/*.hpp", "examples/**/*.json"]
    for pattern in patterns:
        for path in sorted(source.glob(pattern)):
            chars |= set(path.read_text(encoding="utf-8", errors="ignore"))
    # KS X 1001's Hangul block (rows 0xB0-0xC8 of EUC-KR): the common syllables.
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                chars |= set(bytes([lead, trail]).decode("euc-kr"))
            except UnicodeDecodeError:
                pass
    chars |= {chr(c) for c in range(0x3131, 0x318F)}
    return {c for c in chars if c.isprintable() and ord(c) < 0x10000}


def main() -> int:
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)   # "TSI0 NOT subset" (VTT sources, dropped)
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    root = out / "root"
    if root.exists():
        shutil.rmtree(root)
    web_root = root / "layerlab"
    shutil.copytree(source / "assets" / "lang", web_root / "assets" / "lang")
    shutil.copytree(source / "lessons", web_root / "lessons")
    text = "".join(sorted(used_characters(source)))
    font_out = root / FONT_DIR.relative_to("/")
    font_out.mkdir(parents=True)
    for name in FONTS:
        options = subset.Options()
        # Dear ImGui rasterises with stb_truetype, which neither hints nor
        # shapes: hinting programs and layout tables only cost download size
        # (1.9 MB -> 0.76 MB gzipped for the three fonts).
        options.hinting = False
        options.layout_features = []
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(FONT_DIR / name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        subset.save_font(font, str(font_out / name), options)
        print(f"make_data: {name}: {(FONT_DIR / name).stat().st_size} -> {(font_out / name).stat().st_size} bytes")
    print(f"make_data: {len(text)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
