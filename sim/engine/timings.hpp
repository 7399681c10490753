// timings.hpp: every simulated duration of the engine, named in one place.
//
// LayerLab runs on a virtual clock: nothing here is measured. The figures are
// plausible orders of magnitude for a laptop on a 100 Mbit/s line, chosen so
// that what the course teaches stays visible in the numbers: a cached step
// costs nothing, a download costs more than a COPY, and a big COPY costs more
// than a small one. Change a figure here and the golden transcripts that
// print durations change with it.
#pragma once
#include <cstdint>

namespace layerlab::engine::timing {

// ---------------------------------------------------------------- builder --
// BuildKit's internal vertices.
inline constexpr int64_t kLoadDefinitionMs = 10;   // "[internal] load build definition"
inline constexpr int64_t kLoadMetadataMs = 600;   // "[internal] load metadata for ..." (a registry round trip)
inline constexpr int64_t kContextBaseMs = 10;   // "[internal] load build context", plus per byte:
inline constexpr int64_t kContextBytesPerMs = 100000;   // 100 MB/s from the client to the daemon
// "exporting to image": a fixed cost, plus one per layer the build made.
inline constexpr int64_t kExportBaseMs = 10;
inline constexpr int64_t kExportPerLayerMs = 40;
inline constexpr int64_t kExportWriteMs = 10;   // writing the image config and naming it

// Steps that make a layer (a RUN's time comes from the RUN simulator).
inline constexpr int64_t kCopyBaseMs = 40;   // COPY/ADD, plus per byte:
inline constexpr int64_t kCopyBytesPerMs = 150000;   // 150 MB/s
inline constexpr int64_t kBuildkitWorkdirMs = 30;   // BuildKit's mkdir for WORKDIR
inline constexpr int64_t kLegacyWorkdirMs = 60;   // legacy: a container that creates the directory
inline constexpr int64_t kLegacyConfigStepMs = 50;   // legacy: a container per metadata step (ENV, CMD, ...)

// BuildKit pulling a base image: per layer fetched, plus per compressed byte
// (three downloads of 12.5 MB/s in parallel), then extraction.
inline constexpr int64_t kPullLayerBaseMs = 50;
inline constexpr int64_t kPullBytesPerMs = 37500;
inline constexpr int64_t kExtractBaseMs = 20;
inline constexpr double kExtractBytesPerSecond = 150000000.0;   // 150 MB/s

inline int64_t copyMs(uint64_t bytes) { return kCopyBaseMs + static_cast<int64_t>(bytes / kCopyBytesPerMs); }
inline int64_t contextMs(uint64_t bytes) { return static_cast<int64_t>(bytes / kContextBytesPerMs) + kContextBaseMs; }

// --------------------------------------------------------------- registry --
// `docker pull` (the daemon): dockerd's downloader.
inline constexpr int64_t kManifestMs = 800;   // auth + manifest + config fetch
inline constexpr int64_t kLayerLatencyMs = 300;   // per blob request
inline constexpr int64_t kBytesPerMsDownload = 12500;   // 12.5 MB/s per download (100 Mbit/s)
inline constexpr int64_t kBytesPerMsExtract = 90000;   // 90 MB/s to unpack
inline constexpr int kConcurrentDownloads = 3;   // dockerd's default max-concurrent-downloads

// ---------------------------------------------------------------- RUN --
// A RUN step: a container starts, the script runs, the layer is committed.
inline constexpr int64_t kRunContainerStartMs = 20;
inline constexpr int64_t kRunCommitMs = 30;
inline constexpr int64_t kRunUnmodelledCommandMs = 100;   // a command the simulator does not model

// Package managers inside RUN (sim/engine/run/packages.cpp): a fixed cost
// (resolving, the registry round trips) plus one per package installed.
inline constexpr int64_t kNpmMissingPackageJsonMs = 400;   // npm error enoent
inline constexpr int64_t kNpmBadPackageJsonMs = 500;   // npm error EJSONPARSE
inline constexpr int64_t kNpmCiRefusedMs = 300;   // npm ci: no lock file, or out of sync
inline constexpr int64_t kNpmInstallBaseMs = 1200;
inline constexpr int64_t kNpmCiBaseMs = 900;   // npm ci skips resolving: the lock file says it all
inline constexpr int64_t kNpmPerPackageMs = 450;
inline constexpr int64_t kPipMissingRequirementsMs = 300;
inline constexpr int64_t kPipInstallBaseMs = 800;
inline constexpr int64_t kPipPerPackageMs = 700;
inline constexpr int64_t kAptUpdateMs = 2400;   // four index downloads, about 9 MB
inline constexpr int64_t kAptUnknownPackageMs = 600;   // E: Unable to locate package
inline constexpr int64_t kAptInstallBaseMs = 1100;
inline constexpr int64_t kAptPerPackageMs = 900;
inline constexpr int64_t kApkUpdateMs = 900;
inline constexpr int64_t kApkAddBaseMs = 600;
inline constexpr int64_t kApkPerPackageMs = 300;

}   // namespace layerlab::engine::timing
