#include "sim/fs/atomic_write.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace layerlab::fs {

namespace {

std::string failure(const std::string& path, int err) { return "cannot write " + path + ": " + std::strerror(err); }

// Writes all of `bytes` to `fd`, retrying short writes and EINTR.
bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

}   // namespace

std::string writeFileAtomically(const std::string& path, std::string_view bytes,
                                const std::function<void()>& beforeRename) {
    namespace stdfs = std::filesystem;
    const stdfs::path target(path);
    const stdfs::path folder = target.has_parent_path() ? target.parent_path() : stdfs::path(".");
    std::error_code ec;
    stdfs::create_directories(folder, ec);
    // One temporary name per process: two LayerLabs saving at once do not
    // write into each other's file (the last rename wins, whole).
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return failure(path, errno);
    if (!writeAll(fd, bytes) || ::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return failure(path, err);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return failure(path, err);
    }
    if (beforeRename) beforeRename();
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return failure(path, err);
    }
    // The rename is an entry in the folder: sync the folder too.
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return "";
}

}   // namespace layerlab::fs
