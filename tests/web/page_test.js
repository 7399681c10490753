// Runs inside index.html (tests/web/browser_test.py injects it after
// layerlab-page.js): waits for the first frame, plays a lesson through
// window.layerlab.run (the terminal's Machine::execute), waits for the
// layer-stack animation to end, then sends back what a test checks: the
// timings, the outputs, the state (image IDs, blocks, palette), per-block
// pixel colours and a PNG of the canvas.
"use strict";
(function () {
  const script = JSON.parse(decodeURIComponent((window.location.hash.match(/test=([^&]*)/) || [, "[]"])[1]));
  // Frame times of the frames the window drew (an idle page's animation
  // frames draw nothing); while `timing`, every animation frame is woken to draw.
  const frameMs = [];
  let frameStart = 0, framesBefore = 0, timing = false;
  Module.preMainLoop = () => {
    if (timing) window.layerlab.wake();
    framesBefore = window.layerlab ? window.layerlab.frames() : 0;
    frameStart = performance.now();
  };
  Module.postMainLoop = () => {
    if (window.layerlab && window.layerlab.frames() > framesBefore) frameMs.push(performance.now() - frameStart);
  };

  // Where the first frame's time goes: the downloads, then the runtime (wasm compiled, data mounted).
  const timeline = {};
  const initialized = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = () => { timeline.runtimeMs = Math.round(performance.now()); initialized(); };
  // The program's own account of its start (render/startup_trace.hpp): ms since its static
  // initialisation, which comes with the runtime.
  Module.arguments.push("--trace-startup");
  const print = Module.print;
  Module.print = (text) => {
    if (text.startsWith("layerlab: startup ")) timeline.startup = JSON.parse(text.slice(18));
    print(text);
  };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  async function until(check, what, ms) {
    for (const end = performance.now() + ms; performance.now() < end; await sleep(10)) if (check()) return;
    throw new Error("timed out waiting for " + what);
  }
  function post(path, body) {
    return fetch(path, {method: "POST", body: typeof body === "string" ? body : JSON.stringify(body)});
  }

  // The canvas read in the animation frame after the window drew into it
  // (WebGL clears the drawing buffer only once the frame is composited).
  function capture() {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const canvas = document.getElementById("canvas");
      const copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext("2d");
      ctx.drawImage(canvas, 0, 0);
      resolve({png: canvas.toDataURL("image/png"), pixels: ctx.getImageData(0, 0, copy.width, copy.height)});
    })));
  }

  function near(data, i, rgb, tolerance) {
    return Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) <= tolerance;
  }

  // For each drawn block: the share of its pixels in the CACHED and REBUILT colours.
  function blockColours(image, state, ratio) {
    const out = [];
    for (const b of state.picture.blocks) {
      let cached = 0, rebuilt = 0, total = 0;
      const x0 = Math.max(0, Math.round(b.x * ratio)), y0 = Math.max(0, Math.round(b.y * ratio));
      const x1 = Math.min(image.width, Math.round((b.x + b.w) * ratio));
      const y1 = Math.min(image.height, Math.round((b.y + b.h) * ratio));
      for (let y = y0; y < y1; ++y)
        for (let x = x0; x < x1; ++x) {
          const i = 4 * (y * image.width + x);
          total++;
          if (near(image.data, i, state.palette.cached, 60)) cached++;
          if (near(image.data, i, state.palette.rebuilt, 60)) rebuilt++;
        }
      out.push({column: b.column, step: b.step, state: b.state, total, cached: cached / Math.max(1, total),
                rebuilt: rebuilt / Math.max(1, total)});
    }
    return out;
  }

  function summary(image, background) {
    const colours = new Set();
    let notBackground = 0;
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (!near(d, i, background, 12)) notBackground++;
    }
    return {width: image.width, height: image.height, distinctColours: colours.size,
            notBackground: notBackground / (d.length / 4)};
  }

  async function main() {
    const result = {script, outputs: []};
    try {
      await until(() => window.layerlab && window.layerlab.frames() > 0, "the first frame", 60000);
      result.firstFrameMs = performance.now();
      for (const r of performance.getEntriesByType("resource"))
        if (/layerlab\.(js|wasm|data)$/.test(r.name)) timeline[r.name.split("/").pop()] = Math.round(r.responseEnd);
      result.timeline = timeline;
      for (const line of script) {
        // "#open JSON": the file picker's way in (layerlab.open); its answer is the error, "" when it opened.
        result.outputs.push(line.startsWith("#open ") ? window.layerlab.open(line.slice(6)) : window.layerlab.run(line));
        await nextFrame();
      }
      await until(() => {
        const p = window.layerlab.state().picture;
        return p.end > 0 && p.time >= p.end;
      }, "the end of the layer-stack animation", 60000);
      // Frame time of the finished scene: 60 frames, each woken to draw.
      frameMs.length = 0;
      timing = true;
      window.layerlab.wake();   // an idle page's loop is paused: wake it, then each frame keeps it going
      await until(() => frameMs.length >= 60, "60 frames", 120000);
      timing = false;
      const sorted = frameMs.slice().sort((a, b) => a - b);
      result.frameMs = {mean: frameMs.reduce((a, b) => a + b, 0) / frameMs.length,
                        median: sorted[Math.floor(sorted.length / 2)], count: frameMs.length};
      // Idle: nothing moves and nothing happens, so the page draws nothing
      // (after the few frames that follow the last wake).
      await sleep(500);
      const idleStart = window.layerlab.frames(), idleFrom = performance.now();
      await sleep(2000);
      result.idle = {framesDrawn: window.layerlab.frames() - idleStart, ms: Math.round(performance.now() - idleFrom)};
      window.layerlab.wake();
      result.state = window.layerlab.state();
      const shot = await capture();
      result.devicePixelRatio = window.devicePixelRatio;
      result.blocks = blockColours(shot.pixels, result.state, window.devicePixelRatio);
      result.summary = summary(shot.pixels, result.state.palette.background);
      await post("/__screenshot__", shot.png);
    } catch (e) {
      result.error = String(e && e.stack || e);
    }
    await post("/__result__", result);
  }
  main();
})();
