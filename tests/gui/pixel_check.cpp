// pixel_check: checks the layer-stack picture's PIXELS at the places the
// window says it drew each block (the screenshot's JSON sidecar, FILE.png.json).
//
//   pixel_check block FILE.png COLUMN STEP STATE R,G,B
//       the block of build step STEP in COLUMN ("after"/"before") says STATE
//       ("REBUILT", "CACHED", ...) and its colour stripe (the left 5 pixels,
//       middle row) is R,G,B within a small tolerance
//   pixel_check differ A.png B.png
//       the two screenshots differ in at least 1% of their pixels
//   pixel_check count FILE.png COLUMN STATE MIN MAX
//       between MIN and MAX blocks of COLUMN say STATE (e.g. two layers
//       "DOWNLOADING" at once in a pull); the sidecar's word, not a pixel
//   pixel_check ghost FILE.png NAME R,G,B
//       the removed container NAME is drawn leaving, its badge in R,G,B
//   pixel_check shown FILE.png COLUMN STEP|title
//       the block of step STEP (or the column's title) lies wholly in the part
//       of the picture in sight: not cut by the panel's edge of a scrolled picture
#include <stb_image.h>   // the implementation is compiled into libstb

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct Image {
    int w = 0, h = 0;
    unsigned char* pixels = nullptr;
    ~Image() { stbi_image_free(pixels); }
    bool load(const char* path) {
        int channels = 0;
        pixels = stbi_load(path, &w, &h, &channels, 3);
        if (!pixels) std::fprintf(stderr, "pixel_check: %s: cannot read (%s)\n", path, stbi_failure_reason());
        return pixels != nullptr;
    }
    const unsigned char* at(int x, int y) const { return pixels + (static_cast<size_t>(y) * w + x) * 3; }
};

int checkBlock(const char* png, const std::string& column, int step, const std::string& state, const char* rgb) {
    int want[3] = {0, 0, 0};
    if (std::sscanf(rgb, "%d,%d,%d", &want[0], &want[1], &want[2]) != 3) {
        std::fprintf(stderr, "pixel_check: colour must be R,G,B, not %s\n", rgb);
        return 2;
    }
    Image image;
    if (!image.load(png)) return 1;
    std::ifstream in(std::string(png) + ".json");
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("blocks")) {
        std::fprintf(stderr, "pixel_check: %s.json is missing or not JSON\n", png);
        return 1;
    }
    for (const auto& b : doc["blocks"]) {
        if (b.value("column", "") != column || b.value("step", -1) != step) continue;
        if (b.value("state", "") != state) {
            std::fprintf(stderr, "pixel_check: %s step %d says %s, expected %s\n", column.c_str(), step,
                         b.value("state", "").c_str(), state.c_str());
            return 1;
        }
        const int x = static_cast<int>(b.value("x", 0.0)) + 2;
        const int y = static_cast<int>(b.value("y", 0.0) + b.value("h", 0.0) * 0.5);
        if (x < 0 || y < 0 || x >= image.w || y >= image.h) {
            std::fprintf(stderr, "pixel_check: block at %d,%d is outside the %dx%d image\n", x, y, image.w, image.h);
            return 1;
        }
        const unsigned char* p = image.at(x, y);
        int distance = 0;
        for (int c = 0; c < 3; ++c) distance = std::max(distance, std::abs(p[c] - want[c]));
        std::printf("pixel_check: %s step %d %s at %d,%d is %d,%d,%d (want %d,%d,%d)\n", column.c_str(), step,
                    state.c_str(), x, y, p[0], p[1], p[2], want[0], want[1], want[2]);
        return distance <= 12 ? 0 : 1;
    }
    std::fprintf(stderr, "pixel_check: no %s block for step %d in %s.json\n", column.c_str(), step, png);
    return 1;
}

nlohmann::json sidecar(const char* png) {
    std::ifstream in(std::string(png) + ".json");
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("blocks")) {
        std::fprintf(stderr, "pixel_check: %s.json is missing or not JSON\n", png);
        return nlohmann::json();
    }
    return doc;
}

int checkCount(const char* png, const std::string& column, const std::string& state, int least, int most) {
    const nlohmann::json doc = sidecar(png);
    if (doc.is_null()) return 1;
    int n = 0;
    for (const auto& b : doc["blocks"]) n += b.value("column", "") == column && b.value("state", "") == state ? 1 : 0;
    std::printf("pixel_check: %d %s blocks say %s (want %d to %d)\n", n, column.c_str(), state.c_str(), least, most);
    return n >= least && n <= most ? 0 : 1;
}

int checkGhost(const char* png, const std::string& name, const char* rgb) {
    int want[3] = {0, 0, 0};
    if (std::sscanf(rgb, "%d,%d,%d", &want[0], &want[1], &want[2]) != 3) return 2;
    Image image;
    if (!image.load(png)) return 1;
    const nlohmann::json doc = sidecar(png);
    if (doc.is_null()) return 1;
    for (const auto& b : doc["blocks"]) {
        if (b.value("column", "") != "removed" || b.value("state", "") != name) continue;
        // The REMOVED badge starts 4 px in, 2 px down: look 8 px in, 6 px down.
        const int x = static_cast<int>(b.value("x", 0.0)) + 8;
        const int y = static_cast<int>(b.value("y", 0.0)) + 6;
        if (x < 0 || y < 0 || x >= image.w || y >= image.h) return 1;
        const unsigned char* p = image.at(x, y);
        int distance = 0;
        for (int c = 0; c < 3; ++c) distance = std::max(distance, std::abs(p[c] - want[c]));
        std::printf("pixel_check: removed %s at %d,%d is %d,%d,%d (want %d,%d,%d)\n", name.c_str(), x, y, p[0], p[1],
                    p[2], want[0], want[1], want[2]);
        return distance <= 12 ? 0 : 1;
    }
    std::fprintf(stderr, "pixel_check: no removed container %s in %s.json\n", name.c_str(), png);
    return 1;
}

int checkDiffer(const char* a, const char* b) {
    Image x, y;
    if (!x.load(a) || !y.load(b)) return 1;
    if (x.w != y.w || x.h != y.h) return 0;
    long differing = 0;
    const long total = static_cast<long>(x.w) * x.h;
    for (long i = 0; i < total * 3; i += 3)
        if (std::abs(x.pixels[i] - y.pixels[i]) + std::abs(x.pixels[i + 1] - y.pixels[i + 1]) +
                std::abs(x.pixels[i + 2] - y.pixels[i + 2]) >
            24)
            ++differing;
    std::printf("pixel_check: %ld of %ld pixels differ\n", differing, total);
    return differing * 100 >= total ? 0 : 1;
}

// The block COLUMN/STATE (a container's name for containers and removed ones)
// stands in an earlier place on its image than OTHER_COLUMN/OTHER_STATE:
// containers fill their image's top from the left and then upwards, so
// earlier is a lower row or the same row further left. A removed container
// keeps its own place while it leaves.
int checkEarlier(const char* png, const std::string& column, const std::string& state, const std::string& otherColumn,
                 const std::string& otherState) {
    const nlohmann::json doc = sidecar(png);
    if (doc.is_null()) return 1;
    double x = -1, y = -1, otherX = -1, otherY = -1;
    for (const auto& b : doc["blocks"]) {
        if (b.value("column", "") == column && b.value("state", "") == state) {
            x = b.value("x", 0.0);
            y = b.value("y", 0.0);
        }
        if (b.value("column", "") == otherColumn && b.value("state", "") == otherState) {
            otherX = b.value("x", 0.0);
            otherY = b.value("y", 0.0);
        }
    }
    std::printf("pixel_check: %s %s at %.0f,%.0f, %s %s at %.0f,%.0f (want the first earlier)\n", column.c_str(),
                state.c_str(), x, y, otherColumn.c_str(), otherState.c_str(), otherX, otherY);
    if (y < 0 || otherY < 0) return 1;
    const bool lowerRow = y > otherY + 1.0;
    const bool sameRowLeft = std::abs(y - otherY) <= 1.0 && x < otherX;
    return lowerRow || sameRowLeft ? 0 : 1;
}

int checkShown(const char* png, const std::string& column, const std::string& what) {
    const nlohmann::json doc = sidecar(png);
    if (doc.is_null() || !doc.contains("visible") || !doc.contains("titles")) return 1;
    const nlohmann::json& v = doc["visible"];
    const double top = v.value("y", 0.0), bottom = top + v.value("h", 0.0);
    const bool title = what == "title";
    for (const auto& b : doc[title ? "titles" : "blocks"]) {
        if (b.value("column", "") != column || (!title && b.value("step", -1) != std::atoi(what.c_str()))) continue;
        const double y = b.value("y", 0.0), h = b.value("h", 0.0);
        std::printf("pixel_check: %s %s spans y %.0f..%.0f, the picture shows %.0f..%.0f\n", column.c_str(),
                    what.c_str(), y, y + h, top, bottom);
        return y >= top - 1.0 && y + h <= bottom + 1.0 ? 0 : 1;
    }
    std::fprintf(stderr, "pixel_check: no %s %s in %s.json\n", column.c_str(), what.c_str(), png);
    return 1;
}

}   // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "block" && argc == 7) return checkBlock(argv[2], argv[3], std::atoi(argv[4]), argv[5], argv[6]);
    if (mode == "differ" && argc == 4) return checkDiffer(argv[2], argv[3]);
    if (mode == "count" && argc == 7)
        return checkCount(argv[2], argv[3], argv[4], std::atoi(argv[5]), std::atoi(argv[6]));
    if (mode == "ghost" && argc == 5) return checkGhost(argv[2], argv[3], argv[4]);
    if (mode == "earlier" && argc == 7) return checkEarlier(argv[2], argv[3], argv[4], argv[5], argv[6]);
    if (mode == "shown" && argc == 5) return checkShown(argv[2], argv[3], argv[4]);
    std::fprintf(stderr,
                 "usage: pixel_check block FILE.png COLUMN STEP STATE R,G,B | pixel_check differ A.png B.png |\n"
                 "       pixel_check count FILE.png COLUMN STATE MIN MAX | pixel_check ghost FILE.png NAME R,G,B |\n"
                 "       pixel_check earlier FILE.png COLUMN STATE OTHER_COLUMN OTHER_STATE |\n"
                 "       pixel_check shown FILE.png COLUMN STEP|title\n");
    return 2;
}
