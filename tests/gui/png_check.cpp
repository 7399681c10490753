// png_check FILE WIDTH HEIGHT: exits 0 when FILE is a PNG of exactly
// WIDTHxHEIGHT pixels that shows a real screen, not a blank one: many distinct
// colours, and no single colour covering nearly all of it. Used by the GUI
// smoke test on the window's --screenshot output.
#include <stb_image.h>   // the implementation is compiled into libstb

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT\n");
        return 2;
    }
    const int wantW = std::atoi(argv[2]);
    const int wantH = std::atoi(argv[3]);
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &w, &h, &channels, 3);
    if (!pixels) {
        std::fprintf(stderr, "png_check: %s: cannot read as an image (%s)\n", argv[1], stbi_failure_reason());
        return 1;
    }
    int failures = 0;
    if (w != wantW || h != wantH) {
        std::fprintf(stderr, "png_check: %s is %dx%d, expected %dx%d\n", argv[1], w, h, wantW, wantH);
        ++failures;
    }
    std::unordered_map<unsigned, long> counts;
    const long total = static_cast<long>(w) * h;
    for (long i = 0; i < total; ++i) {
        const unsigned char* p = pixels + i * 3;
        ++counts[(unsigned(p[0]) << 16) | (unsigned(p[1]) << 8) | p[2]];
    }
    stbi_image_free(pixels);
    long most = 0;
    for (const auto& [colour, count] : counts)
        if (count > most) most = count;
    const double dominant = total ? static_cast<double>(most) / static_cast<double>(total) : 1.0;
    // Text with anti-aliasing makes hundreds of shades; a blank or cleared
    // frame has one or two.
    if (counts.size() < 64) {
        std::fprintf(stderr, "png_check: only %zu distinct colours: the window drew (almost) nothing\n", counts.size());
        ++failures;
    }
    if (dominant > 0.97) {
        std::fprintf(stderr, "png_check: one colour covers %.1f%% of the image\n", dominant * 100.0);
        ++failures;
    }
    std::printf("png_check: %dx%d, %zu colours, dominant colour %.1f%%\n", w, h, counts.size(), dominant * 100.0);
    return failures ? 1 : 0;
}
