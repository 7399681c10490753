// tar: see the header. Field layout from POSIX ustar (and Go's archive/tar,
// which Docker uses): name[100] mode[8] uid[8] gid[8] size[12] mtime[12]
// chksum[8] typeflag[1] linkname[100] magic[6] version[2] uname[32]
// gname[32] devmajor[8] devminor[8] prefix[155].
#include "sim/fs/tar.hpp"

#include <algorithm>

namespace layerlab::fs {
namespace {

constexpr size_t kBlock = 512;

void putOctal(std::string& block, size_t offset, size_t width, uint64_t value) {
    // width-1 octal digits, zero-padded, then NUL (as Go's formatOctal)
    std::string digits(width - 1, '0');
    for (size_t i = width - 1; i-- > 0 && value > 0;) {
        digits[i] = static_cast<char>('0' + (value & 7));
        value >>= 3;
    }
    block.replace(offset, width - 1, digits);
    block[offset + width - 1] = '\0';
}

void putString(std::string& block, size_t offset, size_t width, std::string_view s) {
    block.replace(offset, std::min(width, s.size()), s.substr(0, width));
}

// Splits a long name into ustar's prefix and name at a '/'. False when it cannot.
bool splitName(const std::string& full, std::string& prefix, std::string& name) {
    if (full.size() <= 100) {
        prefix.clear();
        name = full;
        return true;
    }
    for (size_t i = full.size() > 101 ? full.size() - 101 : 0; i < full.size() && i <= 155; ++i) {
        if (full[i] != '/') continue;
        if (full.size() - i - 1 <= 100 && i > 0) {
            prefix = full.substr(0, i);
            name = full.substr(i + 1);
            return true;
        }
    }
    return false;
}

std::string header(const TarEntry& e) {
    std::string b(kBlock, '\0');
    std::string prefix, name;
    if (!splitName(e.name, prefix, name)) name = e.name.substr(0, 100);
    putString(b, 0, 100, name);
    putOctal(b, 100, 8, e.mode & 07777);
    putOctal(b, 108, 8, e.uid);
    putOctal(b, 116, 8, e.gid);
    putOctal(b, 124, 12, e.kind == FileEntry::Kind::File ? e.content.size() : 0);
    putOctal(b, 136, 12, static_cast<uint64_t>(std::max<int64_t>(0, e.mtimeSeconds)));
    b.replace(148, 8, "        ");
    b[156] = e.kind == FileEntry::Kind::Directory ? '5' : e.kind == FileEntry::Kind::Symlink ? '2' : '0';
    putString(b, 157, 100, e.linkTarget);
    b.replace(257, 6, std::string("ustar\0", 6));
    b.replace(263, 2, "00");
    putString(b, 345, 155, prefix);
    uint64_t sum = 0;
    for (unsigned char ch : b) sum += ch;
    putOctal(b, 148, 7, sum);   // six digits and NUL; the eighth byte stays a space
    return b;
}

uint64_t parseOctal(std::string_view field, bool& ok) {
    uint64_t v = 0;
    size_t i = 0;
    while (i < field.size() && field[i] == ' ') ++i;
    for (; i < field.size(); ++i) {
        char ch = field[i];
        if (ch == '\0' || ch == ' ') break;
        if (ch < '0' || ch > '7' || v > (UINT64_MAX >> 3)) {
            ok = false;
            return 0;
        }
        v = v * 8 + static_cast<uint64_t>(ch - '0');
    }
    return v;
}

std::string cString(std::string_view field) {
    size_t end = field.find('\0');
    return std::string(field.substr(0, end));
}

bool allZero(std::string_view block) {
    return std::all_of(block.begin(), block.end(), [](char ch) { return ch == '\0'; });
}

}   // namespace

std::string writeTar(const std::vector<TarEntry>& entries) {
    std::string out;
    out.reserve(tarSize(entries));
    for (const TarEntry& e : entries) {
        out += header(e);
        if (e.kind == FileEntry::Kind::File && !e.content.empty()) {
            out += e.content;
            out.append((kBlock - e.content.size() % kBlock) % kBlock, '\0');
        }
    }
    out.append(2 * kBlock, '\0');
    return out;
}

uint64_t tarSize(const std::vector<TarEntry>& entries) {
    uint64_t total = 2 * kBlock;
    for (const TarEntry& e : entries) {
        total += kBlock;
        if (e.kind == FileEntry::Kind::File) total += (e.content.size() + kBlock - 1) / kBlock * kBlock;
    }
    return total;
}

TarReadResult readTar(std::string_view bytes) {
    TarReadResult r;
    size_t pos = 0;
    while (true) {
        if (pos + kBlock > bytes.size()) {
            // Go's reader: a stream that ends without its zero blocks is cut short
            if (pos == bytes.size() && !r.entries.empty()) return r;
            r.error = "unexpected EOF";
            return r;
        }
        std::string_view h = bytes.substr(pos, kBlock);
        if (allZero(h)) return r;   // end of archive
        bool ok = true;
        uint64_t sum = 0;
        for (size_t i = 0; i < kBlock; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
        uint64_t stored = parseOctal(h.substr(148, 8), ok);
        if (!ok || stored != sum) {
            r.error = "archive/tar: invalid tar header";
            return r;
        }
        TarEntry e;
        std::string name = cString(h.substr(0, 100));
        std::string prefix = cString(h.substr(345, 155));
        e.name = prefix.empty() ? name : prefix + "/" + name;
        e.mode = static_cast<uint32_t>(parseOctal(h.substr(100, 8), ok) & 07777);
        e.uid = static_cast<uint32_t>(parseOctal(h.substr(108, 8), ok));
        e.gid = static_cast<uint32_t>(parseOctal(h.substr(116, 8), ok));
        uint64_t size = parseOctal(h.substr(124, 12), ok);
        e.mtimeSeconds = static_cast<int64_t>(parseOctal(h.substr(136, 12), ok));
        char type = h[156];
        e.linkTarget = cString(h.substr(157, 100));
        if (!ok) {
            r.error = "archive/tar: invalid tar header";
            return r;
        }
        pos += kBlock;
        if (type == '5') e.kind = FileEntry::Kind::Directory;
        else if (type == '2') e.kind = FileEntry::Kind::Symlink;
        else e.kind = FileEntry::Kind::File;
        uint64_t padded = (size + kBlock - 1) / kBlock * kBlock;
        if (size > bytes.size() - pos || padded > bytes.size() - pos) {
            r.error = "unexpected EOF";
            return r;
        }
        if (e.kind == FileEntry::Kind::File) e.content = std::string(bytes.substr(pos, size));
        pos += padded;
        // pax/GNU extension headers carry metadata only: skip them
        if (type == 'x' || type == 'g' || type == 'L' || type == 'K') continue;
        r.entries.push_back(std::move(e));
    }
}

std::vector<TarEntry> treeEntries(const FileTree& tree, std::string_view dir, std::string_view prefix,
                                  const std::vector<std::string>& whiteouts) {
    std::vector<TarEntry> out;
    const std::string base = normalizePath(dir);
    std::vector<std::pair<std::string, TarEntry>> all;
    tree.forEach(
        [&](const std::string& path, const FileEntry& f) {
            TarEntry e;
            std::string rel = base.empty() ? path : path.substr(base.size() + 1);
            e.name = std::string(prefix) + rel + (f.isDir() ? "/" : "");
            e.kind = f.kind;
            if (f.kind == FileEntry::Kind::File && f.content) e.content = *f.content;
            e.linkTarget = f.linkTarget;
            e.mode = f.mode;
            e.uid = f.uid;
            e.gid = f.gid;
            e.mtimeSeconds = f.mtimeMs / 1000;
            all.emplace_back(rel, std::move(e));
        },
        base);
    for (const std::string& w : whiteouts) {
        std::string p = normalizePath(w);
        size_t slash = p.rfind('/');
        std::string rel =
            slash == std::string::npos ? ".wh." + p : p.substr(0, slash + 1) + ".wh." + p.substr(slash + 1);
        TarEntry e;
        e.name = std::string(prefix) + rel;
        e.mode = 0;
        all.emplace_back(rel, std::move(e));
    }
    // parents before children, siblings by name (filepath.Walk's order)
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return walkOrder(a.first, b.first); });
    for (auto& [rel, e] : all) out.push_back(std::move(e));
    return out;
}

TarTree entriesToTree(const std::vector<TarEntry>& entries) {
    TarTree t;
    for (const TarEntry& e : entries) {
        std::string path = normalizePath(e.name);
        if (path.empty()) continue;
        std::string base = baseName(path);
        if (base.rfind(".wh.", 0) == 0) {
            size_t slash = path.rfind('/');
            t.whiteouts.push_back((slash == std::string::npos ? "" : path.substr(0, slash + 1)) + base.substr(4));
            continue;
        }
        FileEntry f;
        f.kind = e.kind;
        f.mode = e.mode;
        f.uid = e.uid;
        f.gid = e.gid;
        f.mtimeMs = e.mtimeSeconds * 1000;
        if (e.kind == FileEntry::Kind::File) f.content = std::make_shared<const std::string>(e.content);
        f.linkTarget = e.linkTarget;
        t.tree = t.tree.withEntry(path, std::move(f));
    }
    return t;
}

bool walkOrder(std::string_view x, std::string_view y) {
    while (true) {
        size_t i = x.find('/'), j = y.find('/');
        std::string_view hx = x.substr(0, i), hy = y.substr(0, j);
        if (hx != hy) return hx < hy;
        if (i == std::string_view::npos || j == std::string_view::npos)
            return i == std::string_view::npos && j != std::string_view::npos;
        x.remove_prefix(i + 1);
        y.remove_prefix(j + 1);
    }
}

}   // namespace layerlab::fs
