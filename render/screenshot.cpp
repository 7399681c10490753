#include "render/screenshot.hpp"

#include <glad/gl.h>
#include <stb_image_write.h>   // the implementation is compiled into libstb

#include <algorithm>
#include <vector>

namespace layerlab::render {

bool writeScreenshot(const std::string& path, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no size";
        return false;
    }
    const size_t stride = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> pixels(stride * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);   // rows of width*3 bytes are not 4-aligned
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());

    // OpenGL's first row is the bottom one; PNG's is the top.
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(stride) * (height - 1 - y), stride,
                    flipped.begin() + static_cast<std::ptrdiff_t>(stride) * y);

    if (!stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(stride))) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}   // namespace layerlab::render
