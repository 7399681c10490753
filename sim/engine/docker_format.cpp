// docker_format: see the header. Each function names the Go code it follows.
#include "sim/engine/docker_format.hpp"

#include "sim/engine/civil_time.hpp"

#include <cstdio>

namespace layerlab::engine::format {

std::string humanSizeWithPrecision(double size, int precision) {
    // units.getSizeAndUnit with the decimal abbreviations.
    static const char* const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    int i = 0;
    while (size >= 1000.0 && i < 8) {
        size /= 1000.0;
        ++i;
    }
    // Go's %.*g and C's agree here: both round correctly, trim trailing
    // zeros and switch to "1e+03" at the same point.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g%s", precision, size, kUnits[i]);
    return buf;
}

std::string humanSize(uint64_t bytes) { return humanSizeWithPrecision(static_cast<double>(bytes), 3); }

std::string humanDuration(int64_t ms) {
    // go-units v0.5 HumanDuration. Integer truncation as Go's int(d.Seconds()).
    if (ms < 0) ms = 0;
    const int64_t seconds = ms / 1000;
    if (seconds < 1) return "Less than a second";
    if (seconds == 1) return "1 second";
    if (seconds < 60) return std::to_string(seconds) + " seconds";
    const int64_t minutes = ms / 60000;
    if (minutes == 1) return "About a minute";
    if (minutes < 60) return std::to_string(minutes) + " minutes";
    // d.Round(time.Hour): halfway rounds away from zero.
    const int64_t hours = (ms + 1800000) / 3600000;
    if (hours == 1) return "About an hour";
    if (hours < 48) return std::to_string(hours) + " hours";
    if (hours < 24 * 7 * 2) return std::to_string(hours / 24) + " days";
    if (hours < 24 * 30 * 2) return std::to_string(hours / 24 / 7) + " weeks";
    if (hours < 24 * 365 * 2) return std::to_string(hours / 24 / 30) + " months";
    return std::to_string(ms / 3600000 / 24 / 365) + " years";
}

std::string createdSince(int64_t createdMs, int64_t nowMs) { return humanDuration(nowMs - createdMs) + " ago"; }

std::string shortId(std::string_view id) {
    const auto colon = id.find(':');
    if (colon != std::string_view::npos) id.remove_prefix(colon + 1);
    return std::string(id.substr(0, 12));
}

std::string hexOf(std::string_view digest) {
    if (digest.rfind("sha256:", 0) == 0) digest.remove_prefix(7);
    return std::string(digest);
}

namespace {

std::string rfcBase(int64_t ms, int64_t& fracMs) {
    const CivilTime t = civilFromMs(ms);
    fracMs = t.millisecond;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02u", static_cast<long long>(t.year), t.month, t.day,
                  t.hour, t.minute, t.second);
    return buf;
}

uint32_t decodeUtf8(std::string_view s, size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    uint32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    ++i;
    while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

int runeWidth(uint32_t cp) {
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
}

size_t runeCount(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}   // namespace

std::string rfc3339Nano(int64_t ms) {
    int64_t frac = 0;
    std::string out = rfcBase(ms, frac);
    if (frac != 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", static_cast<int>(frac));
        std::string f = buf;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    return out + "Z";
}

std::string rfc3339(int64_t ms) {
    int64_t frac = 0;
    return rfcBase(ms, frac) + "Z";
}

int displayWidth(std::string_view s) {
    int w = 0;
    for (size_t i = 0; i < s.size();) w += runeWidth(decodeUtf8(s, i));
    return w;
}

std::string ellipsis(std::string_view s, int maxWidth) {
    // docker/cli formatter.Ellipsis.
    if (maxWidth <= 0 || s.empty()) return "";
    std::vector<std::pair<size_t, int>> runes;   // byte offset, cumulative width after it
    int width = 0;
    for (size_t i = 0; i < s.size();) {
        const size_t start = i;
        width += runeWidth(decodeUtf8(s, i));
        runes.emplace_back(start, width);
    }
    if (maxWidth == 1) {
        const size_t end = runes.size() > 1 ? runes[1].first : s.size();
        return std::string(s.substr(0, end));
    }
    if (width <= maxWidth) return std::string(s);
    for (size_t i = 0; i + 1 < runes.size(); ++i) {
        if (runes[i].second <= maxWidth - 1 && runes[i + 1].second > maxWidth - 1)
            return std::string(s.substr(0, runes[i + 1].first)) + "\xE2\x80\xA6";
    }
    return std::string(s);
}

namespace {

// Go's text/tabwriter, format() and writeLines(), for minwidth 10, padding 3,
// padchar ' ', no flags. A line's last cell is not tab-terminated and so
// belongs to no column.
struct TabWriter {
    const std::vector<std::vector<std::string>>& lines;
    std::vector<size_t> widths;
    std::string out;

    void writeLines(size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) {
            const auto& line = lines[i];
            for (size_t j = 0; j < line.size(); ++j) {
                out += line[j];
                if (j < widths.size() && j + 1 < line.size()) {
                    const size_t w = runeCount(line[j]);
                    if (widths[j] > w) out.append(widths[j] - w, ' ');
                }
            }
            out += '\n';
        }
    }

    size_t format(size_t line0, size_t line1) {
        const size_t column = widths.size();
        for (size_t cur = line0; cur < line1; ++cur) {
            if (column + 1 >= lines[cur].size()) continue;
            writeLines(line0, cur);
            line0 = cur;
            size_t width = 10;
            for (; cur < line1; ++cur) {
                if (column + 1 >= lines[cur].size()) break;
                width = std::max(width, runeCount(lines[cur][column]) + 3);
            }
            widths.push_back(width);
            format(line0, cur);
            widths.pop_back();
            line0 = cur;
            if (cur == line1) break;
        }
        writeLines(line0, line1);
        return line1;
    }
};

}   // namespace

std::string Table::render() const {
    TabWriter w{m_rows, {}, {}};
    w.format(0, m_rows.size());
    return w.out;
}

// ---------------------------------------------------------------------------
// distribution/reference

namespace {

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlnum(char c) { return isLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }
bool isWordChar(char c) { return isAlnum(c) || c == '_'; }

// path-component: [a-z0-9]+ ((?:[._]|__|[-]+) [a-z0-9]+)*
bool validPathComponent(std::string_view c) {
    size_t i = 0;
    auto alnumRun = [&] {
        const size_t s = i;
        while (i < c.size() && isLowerAlnum(c[i])) ++i;
        return i > s;
    };
    if (!alnumRun()) return false;
    while (i < c.size()) {
        if (c[i] == '.') {
            ++i;
        } else if (c[i] == '_') {
            ++i;
            if (i < c.size() && c[i] == '_') ++i;
        } else if (c[i] == '-') {
            while (i < c.size() && c[i] == '-') ++i;
        } else {
            return false;
        }
        if (!alnumRun()) return false;
    }
    return true;
}

// domain: component(.component)* (:port)?, component [a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?
bool validDomain(std::string_view d) {
    const auto colon = d.find(':');
    if (colon != std::string_view::npos) {
        const auto port = d.substr(colon + 1);
        if (port.empty()) return false;
        for (char c : port)
            if (c < '0' || c > '9') return false;
        d = d.substr(0, colon);
    }
    if (d.empty()) return false;
    size_t start = 0;
    while (true) {
        const auto dot = d.find('.', start);
        const auto comp = d.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (comp.empty() || !isAlnum(comp.front()) || !isAlnum(comp.back())) return false;
        for (char c : comp)
            if (!isAlnum(c) && c != '-') return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

bool validTag(std::string_view t) {
    if (t.empty() || t.size() > 128 || !isWordChar(t[0])) return false;
    for (char c : t)
        if (!isWordChar(c) && c != '.' && c != '-') return false;
    return true;
}

std::string toLower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

// reference.Parse over "domain/remainder" once the domain is known.
// Returns "" when valid, else the error text.
std::string parseRemainder(const std::string& domain, std::string_view rest, ImageRef& out) {
    const std::string invalid = "invalid reference format";
    std::string_view name = rest;
    const auto at = rest.find('@');
    if (at != std::string_view::npos) {
        const auto dg = rest.substr(at + 1);
        if (dg.size() != 71 || dg.substr(0, 7) != "sha256:" || !isHex(dg.substr(7))) return invalid;
        out.digest = std::string(dg);
        name = rest.substr(0, at);
    }
    const auto colon = name.find(':');
    if (colon != std::string_view::npos) {
        const auto tag = name.substr(colon + 1);
        if (!validTag(tag)) return invalid;
        out.tag = std::string(tag);
        name = name.substr(0, colon);
    }
    if (!validDomain(domain)) return invalid;
    bool upper = false;
    size_t start = 0;
    while (true) {
        const auto slash = name.find('/', start);
        const auto comp = name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (!validPathComponent(comp)) {
            if (!validPathComponent(toLower(comp))) return invalid;
            upper = true;
        }
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    if (upper) return "invalid reference format: repository name must be lowercase";
    if (domain.size() + 1 + name.size() > 255) return "repository name must not be more than 255 characters";
    out.domain = domain;
    out.path = std::string(name);
    return "";
}

}   // namespace

bool isHex(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool isFullHexId(std::string_view s) { return s.size() == 64 && isHex(s); }

std::string ImageRef::familiarName() const {
    if (domain == "docker.io") {
        if (path.rfind("library/", 0) == 0 && path.find('/', 8) == std::string::npos) return path.substr(8);
        return path;
    }
    return domain + "/" + path;
}

std::string ImageRef::familiarString() const {
    std::string s = familiarName();
    if (!tag.empty()) s += ":" + tag;
    if (!digest.empty()) s += "@" + digest;
    return s;
}

ParsedRef parseNormalizedNamed(std::string_view s) {
    ParsedRef result;
    if (isFullHexId(s)) {
        result.error = "invalid repository name (" + std::string(s) + "), cannot specify 64-byte hexadecimal strings";
        return result;
    }
    // splitDockerDomain
    std::string domain;
    std::string remainder;
    const auto slash = s.find('/');
    if (slash == std::string_view::npos ||
        (s.substr(0, slash).find_first_of(".:") == std::string_view::npos && s.substr(0, slash) != "localhost" &&
         toLower(s.substr(0, slash)) == s.substr(0, slash))) {
        domain = "docker.io";
        remainder = std::string(s);
    } else {
        domain = std::string(s.substr(0, slash));
        remainder = std::string(s.substr(slash + 1));
    }
    if (domain == "index.docker.io") domain = "docker.io";
    if (domain == "docker.io" && remainder.find('/') == std::string::npos) remainder = "library/" + remainder;

    const auto tagSep = remainder.find(':');
    const std::string remoteName = remainder.substr(0, tagSep);
    if (toLower(remoteName) != remoteName) {
        result.error = "invalid reference format: repository name (" + remoteName + ") must be lowercase";
        return result;
    }
    ImageRef ref;
    result.error = parseRemainder(domain, remainder, ref);
    if (result.error.empty()) result.ref = std::move(ref);
    return result;
}

}   // namespace layerlab::engine::format
