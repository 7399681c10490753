// Disk I/O with POSIX lstat/readlink/utimensat (see disk_io.hpp).
#include "sim/fs/disk_io.hpp"

#include "sim/limits.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include "sim/fs/tree_builder.hpp"

namespace layerlab::fs {

namespace {

namespace stdfs = std::filesystem;

std::string errnoText(int err) { return std::strerror(err); }

int64_t mtimeMsOf(const struct stat& st) {
    return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

FileEntry metadataOf(const struct stat& st, FileEntry::Kind kind) {
    FileEntry e;
    e.kind = kind;
    e.mode = st.st_mode & 07777;
    e.uid = st.st_uid;
    e.gid = st.st_gid;
    e.mtimeMs = mtimeMsOf(st);
    return e;
}

bool readFile(const stdfs::path& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = errnoText(errno);
        return false;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    out.resize(size > 0 ? static_cast<size_t>(size) : 0);
    if (size > 0 && !in.read(out.data(), size)) {
        error = "read error";
        return false;
    }
    return true;
}

// What loadTree has read so far, against limits::kContextFiles / kContextBytes.
struct Read {
    uint64_t files = 0, bytes = 0;
};

void loadDir(const stdfs::path& dir, const std::string& rel, TreeBuilder& builder, LoadResult& result, Read& read) {
    std::error_code ec;
    stdfs::directory_iterator it(dir, ec);
    if (ec) {
        result.warnings.push_back("cannot list " + (rel.empty() ? std::string(".") : rel) + ": " + ec.message());
        return;
    }
    for (; it != stdfs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const stdfs::path full = it->path();
        const std::string name = full.filename().string();
        const std::string path = rel.empty() ? name : rel + "/" + name;
        struct stat st {};
        if (::lstat(full.c_str(), &st) != 0) {
            result.warnings.push_back("cannot stat " + path + ": " + errnoText(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            builder.add(path, metadataOf(st, FileEntry::Kind::Directory));
            loadDir(full, path, builder, result, read);
            if (!result.error.empty()) return;
        } else if (S_ISREG(st.st_mode)) {
            // A folder too big to be a build context LayerLab can hold in memory is refused whole.
            if (++read.files > limits::kContextFiles ||
                (read.bytes += static_cast<uint64_t>(st.st_size)) > limits::kContextBytes) {
                result.error = limits::reached(
                    "en",
                    "a build context of more than " + std::to_string(limits::kContextFiles) + " files or " +
                        limits::sizeText(limits::kContextBytes),
                    std::to_string(limits::kContextFiles) + " files and " + limits::sizeText(limits::kContextBytes));
                return;
            }
            FileEntry e = metadataOf(st, FileEntry::Kind::File);
            std::string content, error;
            if (!readFile(full, content, error)) {
                result.warnings.push_back("cannot read " + path + ": " + error);
                continue;
            }
            e.content = std::make_shared<const std::string>(std::move(content));
            builder.add(path, std::move(e));
        } else if (S_ISLNK(st.st_mode)) {
            FileEntry e = metadataOf(st, FileEntry::Kind::Symlink);
            std::string target(static_cast<size_t>(st.st_size > 0 ? st.st_size : 4096), '\0');
            const ssize_t n = ::readlink(full.c_str(), target.data(), target.size());
            if (n < 0) {
                result.warnings.push_back("cannot read link " + path + ": " + errnoText(errno));
                continue;
            }
            target.resize(static_cast<size_t>(n));
            e.linkTarget = std::move(target);
            builder.add(path, std::move(e));
        } else {
            const char* what = S_ISFIFO(st.st_mode) ? "fifo" : S_ISSOCK(st.st_mode) ? "socket" : "device";
            result.warnings.push_back(std::string("skipped ") + what + ": " + path);
        }
    }
    if (ec) result.warnings.push_back("cannot list " + (rel.empty() ? std::string(".") : rel) + ": " + ec.message());
}

// Removes whatever non-directory (or, for non-directories, anything) is in the way.
bool clearWay(const stdfs::path& p, bool wantDir, std::string& error) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return true;
    if (wantDir && S_ISDIR(st.st_mode)) return true;
    std::error_code ec;
    stdfs::remove_all(p, ec);
    if (ec) error = p.string() + ": " + ec.message();
    return !ec;
}

void setTimes(const stdfs::path& p, int64_t mtimeMs) {
    struct timespec times[2];
    times[0].tv_sec = mtimeMs / 1000;
    times[0].tv_nsec = (mtimeMs % 1000) * 1000000;
    times[1] = times[0];
    ::utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

}   // namespace

LoadResult loadTree(const stdfs::path& folder) {
    LoadResult result;
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) {
        result.error = folder.string() + ": " + errnoText(errno);
        return result;
    }
    if (!S_ISDIR(st.st_mode)) {
        result.error = folder.string() + ": " + errnoText(ENOTDIR);
        return result;
    }
    TreeBuilder builder;
    builder.setRoot(metadataOf(st, FileEntry::Kind::Directory));
    Read read;
    loadDir(folder, "", builder, result, read);
    if (!result.error.empty()) return result;
    result.tree = builder.build();
    return result;
}

WriteResult writeTree(const FileTree& tree, const stdfs::path& folder) {
    WriteResult result;
    std::error_code ec;
    stdfs::create_directories(folder, ec);
    if (ec) {
        result.error = folder.string() + ": " + ec.message();
        return result;
    }
    const bool root = ::geteuid() == 0;
    struct Written {
        stdfs::path path;
        FileEntry entry;
    };
    std::vector<Written> written;
    tree.forEach([&](const std::string& rel, const FileEntry& e) {
        if (!result.error.empty()) return;
        const stdfs::path p = folder / rel;
        if (!clearWay(p, e.isDir(), result.error)) return;
        switch (e.kind) {
            case FileEntry::Kind::Directory:
                // Writable while we fill it; the real mode is set afterwards.
                if (::mkdir(p.c_str(), 0700) != 0 && errno != EEXIST) result.error = rel + ": " + errnoText(errno);
                else ::chmod(p.c_str(), 0700);
                break;
            case FileEntry::Kind::File: {
                std::ofstream out(p, std::ios::binary | std::ios::trunc);
                if (out) out.write(e.content->data(), static_cast<std::streamsize>(e.content->size()));
                if (!out) result.error = rel + ": " + errnoText(errno);
                break;
            }
            case FileEntry::Kind::Symlink:
                if (::symlink(e.linkTarget.c_str(), p.c_str()) != 0) result.error = rel + ": " + errnoText(errno);
                break;
        }
        if (result.error.empty()) written.push_back({p, e});
    });
    // Children before parents, so writing a child does not move its parent's
    // mtime and a read-only directory is locked only once it is full.
    for (auto it = written.rbegin(); it != written.rend(); ++it) {
        const FileEntry& e = it->entry;
        if (root && ::lchown(it->path.c_str(), e.uid, e.gid) != 0)
            result.warnings.push_back("cannot chown " + it->path.string() + ": " + errnoText(errno));
        if (e.kind != FileEntry::Kind::Symlink && ::chmod(it->path.c_str(), e.mode & 07777) != 0)
            result.warnings.push_back("cannot chmod " + it->path.string() + ": " + errnoText(errno));
        setTimes(it->path, e.mtimeMs);
    }
    return result;
}

}   // namespace layerlab::fs
