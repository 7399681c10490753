#!/usr/bin/env python3
"""The browser build in headless Chromium (scripts/web.sh --test, scripts/test.sh).

usage: browser_test.py BUILD_WEB_DIR [--native BUILD/layerlab] [--lang en|ko] [--lesson N]
                       [--screenshot OUT.png] [--report OUT.json] [--scale 2]
                       [--fragment presenter=1] [--commands JSON-LIST | --commands-file F]
                       [--expect TEXT]

Serves BUILD_WEB_DIR on 127.0.0.1 (index.html with tests/web/page_test.js
added), opens it in Chromium (SwiftShader, no GPU) at 1280x800 with
#lesson=N, and the page plays the lesson's solution through
window.layerlab.run. Checks: the first frame came, the lesson started, the
layer stack has CACHED and REBUILT blocks drawn in the palette's colours
(pixels read from the canvas), the canvas is not blank, and (with --native)
the image ID the browser built equals the desktop binary's for the same
commands, the canvas is devicePixelRatio (--scale) times the window, and an
idle page draws nothing. Prints the figures (first frame, frame time, idle
frames) as one JSON line. --commands replaces the solution (a screenshot of
another moment: only the first frame, the canvas and idleness are checked;
--commands-file reads them one per line; --expect TEXT: the last command's
output must contain TEXT); --fragment adds to the link (presenter=1).
"""
import argparse
import base64
import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def lesson_file(number: str) -> pathlib.Path:
    index = json.loads((SOURCE / "lessons" / "index.json").read_text())
    return SOURCE / "lessons" / (index["lessons"][int(number) - 1] + ".json")


def solution_commands(lesson: pathlib.Path) -> list:
    """The solution's command lines; a predict step is the lesson command a learner types (`predict 3 4`),
    which answers the question the lesson asks before that build."""
    doc = json.loads(lesson.read_text())
    lines = []
    for step in doc.get("solution", []):
        if "command" in step:
            lines.append(step["command"])
        elif "predict" in step:
            lines.append("predict " + (" ".join(map(str, step["predict"]["answer"])) or "none"))
    return lines


class Handler(http.server.SimpleHTTPRequestHandler):
    results = {}
    done = threading.Event()

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path in ("/", "/index.html"):
            page = (pathlib.Path(self.directory) / "index.html").read_text()
            test_js = '<script src="layerlab-page.js"></script>\n<script src="__test__/page_test.js"></script>'
            page = page.replace('<script src="layerlab-page.js"></script>', test_js)
            return self.reply(200, "text/html", page.encode())
        if path == "/__test__/page_test.js":
            return self.reply(200, "text/javascript", (HERE / "page_test.js").read_bytes())
        return super().do_GET()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/__screenshot__":
            Handler.results["png"] = base64.b64decode(body.split(b",", 1)[1])
        elif self.path == "/__result__":
            Handler.results["result"] = json.loads(body)
            Handler.done.set()
        self.reply(200, "text/plain", b"ok")

    def reply(self, code, kind, data):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def native_image_id(binary: str, lesson: pathlib.Path, lang: str) -> str:
    """The desktop's replay of the lesson's solution (`layerlab play --solution`): its last build's image ID."""
    out = subprocess.run([binary, "play", str(lesson), "--solution", "--format", "json", "--lang", lang],
                         capture_output=True, text=True, timeout=120).stdout
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "legacy" in node and DIGEST.fullmatch(str(node.get("imageId", ""))):
                found.append(node["imageId"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(out))
    return found[-1] if found else ""


def desktop_frame_ms(binary: str, lesson: str, lang: str, commands: list) -> float:
    """The desktop window on the same scene under Xvfb (Mesa llvmpipe): (time of 121 frames - time of 1) / 120."""
    if not shutil.which("xvfb-run"):
        return -1.0

    def run(frames: int) -> float:
        argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", binary, "--lang", lang, "--lesson", lesson]
        for command in commands:
            argv += ["--run", command]
        start = time.time()
        subprocess.run(argv + ["--frames", str(frames)], capture_output=True, timeout=300)
        return time.time() - start

    one = min(run(1) for _ in range(2))
    many = min(run(121) for _ in range(2))
    return round((many - one) * 1000 / 120, 2)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    sys.exit("browser_test: no chromium (apt-get install chromium)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("build_dir")
    parser.add_argument("--native")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--lesson", default="7")
    parser.add_argument("--screenshot")
    parser.add_argument("--report")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--desktop-frames", action="store_true", help="also time the desktop window (--native) on the scene")
    parser.add_argument("--scale", type=float, default=1, help="Chromium's device scale factor (devicePixelRatio)")
    parser.add_argument("--fragment", default="", help="more of the link, e.g. presenter=1")
    parser.add_argument("--commands", help="a JSON list of command lines instead of the lesson's solution")
    parser.add_argument("--commands-file", help="the same, from a file: one command line per line; a line "
                        "'=> TEXT' says the command before it must print TEXT; '#open JSON' opens JSON as a scenario")
    parser.add_argument("--expect", help="text the last command's output must contain")
    args = parser.parse_args()

    expectations = {}   # command index -> text its output must contain
    if args.commands_file:
        lines = []
        for line in pathlib.Path(args.commands_file).read_text().splitlines():
            if line.startswith("=> "):
                expectations[len(lines) - 1] = line[3:]
            else:
                lines.append(line)
        args.commands = json.dumps(lines)
    solution = args.commands is None
    commands = solution_commands(lesson_file(args.lesson)) if solution else json.loads(args.commands)
    script = commands + ["docker image inspect --format '{{.Id}}' myapp"] if solution else commands
    handler = functools.partial(Handler, directory=str(pathlib.Path(args.build_dir).resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    fragment = urllib.parse.quote(json.dumps(script), safe="")
    extra = "&" + args.fragment if args.fragment else ""
    url = f"http://127.0.0.1:{port}/#lesson={args.lesson}&lang={args.lang}{extra}&test={fragment}"

    profile = tempfile.mkdtemp(prefix="layerlab-chromium-")
    start = time.time()
    browser = subprocess.Popen(
        [chromium(), "--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
         "--window-size=1280,800", f"--force-device-scale-factor={args.scale:g}", f"--user-data-dir={profile}",
         "--no-first-run", "--disable-gpu-sandbox", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        finished = Handler.done.wait(args.timeout)
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    if not finished:
        print(f"browser_test: FAIL: no result from the page within {args.timeout:.0f} s", file=sys.stderr)
        return 1
    result = Handler.results["result"]
    failures = []
    if result.get("error"):
        failures.append("page: " + result["error"])
    state = result.get("state", {})
    if args.screenshot and "png" in Handler.results:
        pathlib.Path(args.screenshot).write_bytes(Handler.results["png"])
    if not failures:
        summary = result["summary"]
        if summary["notBackground"] < 0.05 or summary["distinctColours"] < 50:
            failures.append(f"the canvas looks blank: {summary}")
        if not state.get("lesson", "").startswith(lesson_file(args.lesson).stem[:2]):
            failures.append(f"lesson {args.lesson} is not running: {state.get('lesson')!r}")
        if summary["width"] != round(1280 * args.scale):
            failures.append(f"the canvas is {summary['width']} pixels wide at devicePixelRatio {args.scale:g}")
        if result["idle"]["framesDrawn"] > 3:
            failures.append(f"an idle page drew {result['idle']['framesDrawn']} frames in {result['idle']['ms']} ms")
    for index, text in expectations.items():
        output = result["outputs"][index] if index < len(result.get("outputs", [])) else None
        if output is None or text not in output:
            failures.append(f"command {index + 1} ({commands[index][:60]!r}) should print {text!r}, printed {output!r:.400}")
    if not failures and args.expect is not None:
        last = result["outputs"][-1] if result.get("outputs") else ""
        if args.expect not in last:
            failures.append(f"the last command's output lacks {args.expect!r}: {last[-400:]!r}")
    if not failures and solution:
        for kind in ("CACHED", "REBUILT"):
            colour = "cached" if kind == "CACHED" else "rebuilt"
            other = "rebuilt" if colour == "cached" else "cached"
            # A block is a dark tint with its state's colour in the border and
            # the badge (render/stack/draw.cpp): about 12% of its pixels. The
            # base image's block (step 0) has a layout of its own. A card may
            # lie over some blocks (the prediction's reveal, after the
            # solution's `predict`): at least one of each kind must show.
            blocks = [b for b in result["blocks"] if b["state"] == kind and b["column"] == "after" and b["step"] > 0]
            if not blocks:
                failures.append(f"no {kind} block drawn in the layer stack")
            shown = [b for b in blocks if b[colour] >= 0.05 and b[colour] > b[other]]
            if blocks and not shown:
                failures.append(f"no {kind} block shows its colour: " + ", ".join(
                    f"step {b['step']} {b[colour]:.0%} its colour, {b[other]:.0%} the other" for b in blocks))
        image_id = state.get("tags", {}).get("myapp:latest", "")
        if not DIGEST.fullmatch(image_id):
            failures.append(f"no myapp:latest image in the browser: {state.get('tags')}")
        inspected = DIGEST.findall(result["outputs"][-1]) if result["outputs"] else []
        if inspected != [image_id]:
            failures.append(f"docker image inspect through the hook says {inspected}, the state {image_id}")
        if args.native:
            native = native_image_id(args.native, lesson_file(args.lesson), args.lang)
            result["nativeImageId"] = native
            if native != image_id:
                failures.append(f"image ID: browser {image_id}, desktop {native}")
    if args.native and args.desktop_frames:
        result["desktopFrameMs"] = desktop_frame_ms(args.native, args.lesson, args.lang, commands)
    figures = {"lang": args.lang, "desktopFrameMs": result.get("desktopFrameMs"), "firstFrameMs": round(result.get("firstFrameMs", -1)),
               "timeline": result.get("timeline"),
               "frameMs": result.get("frameMs"), "imageId": state.get("tags", {}).get("myapp:latest"),
               "nativeImageId": result.get("nativeImageId"), "idle": result.get("idle"),
               "wallSeconds": round(time.time() - start, 1),
               "blocks": [(b["state"], b["step"]) for b in result.get("blocks", []) if b["column"] == "after"]}
    print("browser_test: " + json.dumps(figures))
    if args.report:
        pathlib.Path(args.report).write_text(json.dumps(result, indent=1))
    for failure in failures:
        print("browser_test: FAIL: " + failure, file=sys.stderr)
    if not failures:
        print("browser_test: ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
