// docker_format: the small text conventions every docker command shares.
//
// Sizes and durations as docker/go-units prints them, short IDs as
// stringid.TruncateID, RFC 3339 timestamps as Go's time package, the
// "…" ellipsis of docker/cli's formatter, the table layout of
// text/tabwriter(minwidth 10, tabwidth 1, padding 3, ' ') that docker/cli
// uses for every `table` format, and image references parsed and
// normalised as github.com/distribution/reference does ("node" ->
// docker.io/library/node:latest, familiar form "node:latest").
//
// Everything here is pure: no State, no clock. Callers pass "now".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::engine::format {

// units.HumanSizeWithPrecision(size, 3): decimal units, 3 significant digits,
// as `docker images`, `docker history` and `docker system df` print sizes:
// 0 -> "0B", 5600 -> "5.6kB", 187000000 -> "187MB", 1090000000 -> "1.09GB".
std::string humanSize(uint64_t bytes);
// The same with another precision (units.HumanSize uses 4).
std::string humanSizeWithPrecision(double bytes, int precision);

// units.HumanDuration: "Less than a second", "1 second", "5 seconds",
// "About a minute", "2 minutes", "About an hour", "3 hours", "2 days",
// "3 weeks", "4 months", "2 years". Negative durations count as 0.
std::string humanDuration(int64_t ms);
// "5 seconds ago", as the CREATED columns print (created in ms, now in ms).
std::string createdSince(int64_t createdMs, int64_t nowMs);

// stringid.TruncateID: drop "sha256:" (anything up to ':'), keep 12 chars.
std::string shortId(std::string_view id);
// Drops a leading "sha256:" only.
std::string hexOf(std::string_view digest);

// Go's time.RFC3339Nano in UTC: "2026-01-05T09:00:00Z", "...:00.25Z"
// (trailing zeros of the fraction trimmed, as Go does).
std::string rfc3339Nano(int64_t ms);
// time.RFC3339 in UTC without fraction: "2026-01-05T09:00:00Z".
std::string rfc3339(int64_t ms);

// formatter.Ellipsis: cut to maxWidth display columns, the last one "…".
// East Asian wide characters (Hangul, CJK) count as two columns.
std::string ellipsis(std::string_view s, int maxWidth);
// Display width as above.
int displayWidth(std::string_view s);

// A table printed the way docker/cli prints `table` formats: cells are
// separated by tabs in the template, and Go's text/tabwriter pads each
// column to (widest cell + 3), at least 10; the last cell of a line is not
// padded. Rows may have different numbers of cells (tabwriter's column
// blocks are followed exactly). Cell widths count UTF-8 code points, as
// tabwriter does.
class Table {
public:
    void addRow(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
    bool empty() const { return m_rows.empty(); }
    std::string render() const;   // every line ends with '\n'

private:
    std::vector<std::vector<std::string>> m_rows;
};

// A parsed image reference (distribution/reference's normalized named).
struct ImageRef {
    std::string domain;   // "docker.io", "localhost:5000", ...
    std::string path;   // "library/node", "myuser/app"
    std::string tag;   // "" when none was given
    std::string digest;   // "sha256:..." when given with '@'

    // "docker.io/library/node"
    std::string fullName() const { return domain + "/" + path; }
    // familiar name: "node", "myuser/app", "localhost:5000/app"
    std::string familiarName() const;
    // familiar string: name plus ":tag" and/or "@digest" as given
    std::string familiarString() const;
    // TagNameOnly: the tag, or "latest" when neither tag nor digest was given
    std::string tagOrLatest() const { return tag.empty() && digest.empty() ? "latest" : tag; }
    // The key State.tags uses: familiar name + ":" + tag (tag defaulted to latest).
    std::string tagKey() const { return familiarName() + ":" + (tag.empty() ? "latest" : tag); }
    bool isOfficialHub() const { return domain == "docker.io" && path.rfind("library/", 0) == 0; }
};

struct ParsedRef {
    std::optional<ImageRef> ref;
    std::string error;   // Docker's words, e.g. "invalid reference format"
};

// reference.ParseNormalizedNamed. Errors (without any "Error response" prefix):
//   "invalid reference format"
//   "invalid reference format: repository name (library/Node) must be lowercase"
//   "invalid repository name (<64hex>), cannot specify 64-byte hexadecimal strings"
//   "repository name must not be more than 255 characters"
ParsedRef parseNormalizedNamed(std::string_view s);

// True for exactly 64 lower-case hex digits.
bool isFullHexId(std::string_view s);
// True when s is a lower-case hex string (any length >= 1).
bool isHex(std::string_view s);

}   // namespace layerlab::engine::format
