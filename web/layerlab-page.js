// The page around the WebAssembly window (web/main.cpp, web/hook.cpp).
//  - Links: index.html#lesson=7 starts lesson 7; #scenario=scenarios/demo.json
//    opens a scenario file from the same site; #lang=ko|en; #presenter=1.
//    Without a link the autosaved session (IndexedDB) comes back.
//  - Autosave: every 2 s when the session changed, flushed to IndexedDB.
//  - "Open scenario" (a file from the user's disk) and "Download session".
//  - Text input that is not a key press: Korean IME compositions and pastes
//    arrive through a hidden text area and go to ImGui as typed text.
//  - window.layerlab for scripts and tests:
//      layerlab.run("docker build -t myapp .") -> the terminal's text (the same Machine::execute)
//      layerlab.state()   -> {tags: {"myapp:latest": "sha256:..."}, lastBuild, lesson, picture, palette}
//      layerlab.frames()  -> frames drawn so far (> 0: the first frame is on screen;
//                            an idle page draws none: it waits for input or a call)
//      layerlab.wake()    -> draw the next frames even if nothing changed
//      layerlab.open(text), layerlab.session()
"use strict";

function layerlabHashParams() {
  const params = {};
  for (const part of window.location.hash.replace(/^#/, "").split("&")) {
    const at = part.indexOf("=");
    if (at > 0) params[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
  }
  return params;
}

const layerlabParams = layerlabHashParams();
const layerlabLang = (layerlabParams.lang || navigator.language || "en").toLowerCase().startsWith("ko") ? "ko" : "en";
const layerlabText = {
  en: {open: "Open scenario…", download: "Download session", bad: "This file is not a LayerLab scenario: "},
  ko: {open: "시나리오 열기…", download: "세션 내려받기", bad: "LayerLab 시나리오 파일이 아닙니다: "},
}[layerlabLang];

function layerlabArguments() {
  const args = ["--lang", layerlabLang];
  if (layerlabParams.lesson) args.push("--lesson", layerlabParams.lesson);
  if (layerlabParams.presenter === "1") args.push("--presenter");
  return args;
}

function layerlabSync() {
  Module.FS.syncfs(false, (err) => { if (err) console.warn("layerlab: could not save to IndexedDB:", err); });
}

// The page's own controls: open a scenario file, download the session.
function layerlabToolbar(api) {
  const bar = document.createElement("div");
  bar.id = "toolbar";
  const picker = document.createElement("input");
  picker.type = "file";
  picker.accept = ".json,application/json";
  picker.style.display = "none";
  picker.addEventListener("change", async () => {
    const file = picker.files[0];
    picker.value = "";
    if (!file) return;
    const error = api.open(await file.text());
    if (error) alert(layerlabText.bad + error);
  });
  const open = document.createElement("button");
  open.textContent = layerlabText.open;
  open.addEventListener("click", () => picker.click());
  const download = document.createElement("button");
  download.textContent = layerlabText.download;
  download.addEventListener("click", () => {
    const blob = new Blob([api.session()], {type: "application/json"});
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "layerlab-session.json";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  bar.append(open, download, picker);
  document.body.append(bar);
}

// IME and paste: the canvas cannot receive compositions, so a hidden text
// area takes the focus whenever the canvas is clicked. Key presses still
// reach GLFW (it listens on the window); finished compositions and pasted
// text are sent to ImGui as typed text.
function layerlabTextInput(type) {
  const area = document.createElement("textarea");
  area.id = "ime";
  area.setAttribute("autocomplete", "off");
  area.setAttribute("autocapitalize", "off");
  area.setAttribute("spellcheck", "false");
  document.body.append(area);
  // Registered before GLFW's own (capture) listener: keys that belong to an
  // IME composition, and Ctrl/Cmd+V (the paste event brings the text), do not reach GLFW.
  window.addEventListener("keydown", (e) => {
    if (e.isComposing || e.keyCode === 229 || ((e.ctrlKey || e.metaKey) && e.key === "v")) e.stopImmediatePropagation();
  }, true);
  const canvas = Module.canvas;
  canvas.addEventListener("mousedown", () => setTimeout(() => area.focus(), 0));
  area.addEventListener("compositionend", (e) => { if (e.data) type(e.data); area.value = ""; });
  area.addEventListener("input", (e) => { if (!e.isComposing) area.value = ""; });
  area.addEventListener("paste", (e) => {
    e.preventDefault();
    const text = (e.clipboardData || window.clipboardData).getData("text");
    if (text) type(text.replace(/\r\n?/g, "\n"));
  });
  area.focus();
}

var Module = {
  canvas: document.getElementById("canvas"),
  arguments: layerlabArguments(),
  layerlabRestore: !layerlabParams.lesson && !layerlabParams.scenario,
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
  setStatus: (text) => {
    const status = document.getElementById("status");
    if (status) status.textContent = text || "";
    if (!text && status) status.remove();
  },
  onRuntimeInitialized: () => {
    const run = Module.cwrap("layerlab_run", "string", ["string"]);
    const state = Module.cwrap("layerlab_state", "string", []);
    const frames = Module.cwrap("layerlab_frames", "number", []);
    const wake = Module.cwrap("layerlab_wake", null, []);
    const open = Module.cwrap("layerlab_open", "string", ["string"]);
    const session = Module.cwrap("layerlab_session", "string", []);
    const autosave = Module.cwrap("layerlab_autosave", "number", []);
    const type = Module.cwrap("layerlab_type", null, ["string"]);
    const api = {
      run: (line) => run(String(line)),
      state: () => JSON.parse(state()),
      frames: () => frames(),
      wake: () => wake(),
      open: (text) => open(String(text)),
      session: () => session(),
    };
    window.layerlab = api;
    layerlabToolbar(api);
    layerlabTextInput(type);
    // #scenario=URL: a file from the same site, once the window is open.
    if (layerlabParams.scenario) {
      const url = new URL(layerlabParams.scenario, window.location.href);
      const wait = () => {
        if (frames() === 0) return setTimeout(wait, 20);
        if (url.origin !== window.location.origin) return console.warn("layerlab: #scenario must be on this site");
        fetch(url).then((r) => r.ok ? r.text() : Promise.reject(r.status + " " + r.statusText))
          .then((text) => { const error = open(text); if (error) alert(layerlabText.bad + error); })
          .catch((e) => alert(layerlabText.bad + url + ": " + e));
      };
      wait();
    }
    setInterval(() => { if (frames() > 0 && autosave()) layerlabSync(); }, 2000);
    window.addEventListener("pagehide", () => { if (frames() > 0 && autosave()) layerlabSync(); });
  },
};
