// image_list: `docker images` and the Images row of `docker system df`.
// Selection follows moby's daemon/images/images.go (Images), rows follow
// docker/cli's formatter/image.go (one row per repository:tag, "<none>" for
// untagged images), sizes and ages follow go-units.
#include <algorithm>
#include <set>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/filters.hpp"
#include "sim/engine/images/store.hpp"
#include "sim/engine/row_format.hpp"

namespace layerlab::engine {

namespace {

struct Listed {
    const Image* image;
    std::vector<std::string> repoTags;   // "node:latest"
    std::vector<std::string> repoDigests;   // "node@sha256:..."
    bool none = false;   // shown as <none>:<none>
};

std::string nameOf(const std::string& ref, char sep) {
    // "node:latest" -> "node"; "localhost:5000/app:1" -> "localhost:5000/app"
    const auto slash = ref.rfind('/');
    const auto pos = ref.rfind(sep);
    if (pos == std::string::npos || (slash != std::string::npos && pos < slash)) return ref;
    return ref.substr(0, pos);
}

format::Row rowFor(const State& state, const Listed& l, const std::string& repo, const std::string& tag,
                   const std::string& digest, bool trunc) {
    format::Row row;
    const Image& img = *l.image;
    const int64_t createdSec = img.createdMs / 1000 * 1000;
    row["Repository"] = repo;
    row["Tag"] = tag;
    row["Digest"] = digest;
    row["ID"] = trunc ? format::shortId(img.id) : img.id;
    row["CreatedSince"] = format::createdSince(createdSec, state.clock.nowMs);
    row["CreatedAt"] =
        format::rfc3339(createdSec).substr(0, 10) + " " + format::rfc3339(createdSec).substr(11, 8) + " +0000 UTC";
    const uint64_t size = imageSize(state, img);
    row["Size"] = format::humanSize(size);
    row["VirtualSize"] = format::humanSizeWithPrecision(static_cast<double>(size), 4);
    row["Containers"] = "N/A";
    row["SharedSize"] = "N/A";
    row["UniqueSize"] = "N/A";
    return row;
}

// formatter.imageFormatTaggedAndDigest, with repositories in sorted order
// (Go iterates a map there, so Docker's own order is unspecified).
std::vector<format::Row> rowsFor(const State& state, const Listed& l, bool showDigest, bool trunc) {
    std::vector<format::Row> rows;
    if (l.none) {
        rows.push_back(rowFor(state, l, "<none>", "<none>", "<none>", trunc));
        return rows;
    }
    std::map<std::string, std::vector<std::string>> tags, digests;
    for (const auto& t : l.repoTags) tags[nameOf(t, ':')].push_back(t.substr(nameOf(t, ':').size() + 1));
    for (const auto& d : l.repoDigests) digests[nameOf(d, '@')].push_back(d.substr(nameOf(d, '@').size() + 1));
    for (const auto& [repo, ts] : tags) {
        std::vector<std::string> ds;
        if (const auto it = digests.find(repo); it != digests.end()) {
            ds = it->second;
            digests.erase(it);
        }
        if (!showDigest) ds.clear();
        for (const auto& t : ts) {
            if (ds.empty()) rows.push_back(rowFor(state, l, repo, t, "<none>", trunc));
            for (const auto& d : ds) rows.push_back(rowFor(state, l, repo, t, d, trunc));
        }
    }
    for (const auto& [repo, ds] : digests) {
        if (showDigest)
            for (const auto& d : ds) rows.push_back(rowFor(state, l, repo, "<none>", d, trunc));
        else rows.push_back(rowFor(state, l, repo, "<none>", "", trunc));
    }
    return rows;
}

// The images `docker images` shows, newest first: each with the tags and
// digests its filters keep, an untagged one only where Docker lists it.
std::vector<Listed> listedImages(const State& state, const ImagesOptions& options, const ImageFilters& f) {
    std::vector<Listed> listed;
    for (const auto& [id, img] : state.images) {
        const bool hasChildren = !childrenOf(state, id).empty();
        if (f.danglingOnly && hasChildren) continue;   // imageStore.Heads()
        if (!f.matchesTimeAndLabels(img)) continue;
        Listed l{&img, {}, {}, false};
        for (const auto& t : tagsOf(state, id))
            if (f.matchesReference(t)) l.repoTags.push_back(t);
        for (const auto& d : img.repoDigests)
            if (f.matchesReference(d)) l.repoDigests.push_back(d);
        if (l.repoTags.empty() && l.repoDigests.empty()) {
            if (!(options.all || !hasChildren)) continue;
            if (f.hasDangling && !f.danglingOnly) continue;
            if (!f.references.empty()) continue;
            l.none = true;
        } else if (f.danglingOnly && !l.repoTags.empty()) {
            continue;
        }
        listed.push_back(l);
    }
    std::stable_sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
        return a.image->createdMs != b.image->createdMs ? a.image->createdMs > b.image->createdMs
                                                        : a.image->id < b.image->id;
    });
    return listed;
}

}   // namespace

Outcome listImages(const State& state, const ImagesOptions& options) {
    Outcome o;
    std::vector<std::string> filterArgs = options.filters;
    if (!options.matchName.empty()) filterArgs.push_back("reference=" + options.matchName);
    const auto parsed =
        parseImageFilters(state, filterArgs, {"dangling", "label", "before", "since", "reference", "until"});
    if (!parsed.error.empty()) {
        o.err = parsed.error + "\n";
        o.exitCode = 1;
        return o;
    }
    const std::vector<Listed> listed = listedImages(state, options, parsed.filters);
    const bool trunc = !options.noTrunc;
    const bool wantDigest = options.digests || options.format.find("{{.Digest}}") != std::string::npos;
    std::vector<format::Row> rows;
    for (const auto& l : listed)
        for (auto& r : rowsFor(state, l, wantDigest, trunc)) rows.push_back(std::move(r));

    if (options.quiet && (options.format.empty() || options.format == "table")) {
        for (const auto& r : rows) o.out += r.at("ID") + "\n";
        return o;
    }
    if (options.format.empty() || options.format == "table") {
        format::Table t;
        if (options.digests) t.addRow({"REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE"});
        else t.addRow({"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"});
        for (const auto& r : rows) {
            if (options.digests)
                t.addRow(
                    {r.at("Repository"), r.at("Tag"), r.at("Digest"), r.at("ID"), r.at("CreatedSince"), r.at("Size")});
            else t.addRow({r.at("Repository"), r.at("Tag"), r.at("ID"), r.at("CreatedSince"), r.at("Size")});
        }
        o.out = t.render();
        return o;
    }
    std::string fmt = options.format;
    if (options.digests && fmt.rfind("table", 0) == 0 && fmt.find("{{.Digest}}") == std::string::npos)
        fmt += "\t{{.Digest}}";
    const auto res = format::renderRows(fmt, rows,
                                        {{"ID", "IMAGE ID"},
                                         {"Repository", "REPOSITORY"},
                                         {"Tag", "TAG"},
                                         {"Digest", "DIGEST"},
                                         {"CreatedSince", "CREATED"},
                                         {"CreatedAt", "CREATED AT"},
                                         {"Size", "SIZE"},
                                         {"Containers", "CONTAINERS"},
                                         {"VirtualSize", "SIZE"},
                                         {"SharedSize", "SHARED SIZE"},
                                         {"UniqueSize", "UNIQUE SIZE"}},
                                        "*formatter.imageContext");
    res.writeTo(o);
    return o;
}

std::vector<std::string> ImagesDiskUsage::row() const {
    std::string reclaim = format::humanSizeWithPrecision(static_cast<double>(reclaimable), 4);
    if (size > 0) reclaim += " (" + std::to_string(reclaimable * 100 / size) + "%)";
    return {"Images", std::to_string(total), std::to_string(active),
            format::humanSizeWithPrecision(static_cast<double>(size), 4), reclaim};
}

ImagesDiskUsage imagesDiskUsage(const State& state) {
    // moby's SystemDiskUsage: LayersSize counts each layer (chain) once; an
    // image's SharedSize is what it shares with other images.
    ImagesDiskUsage du;
    std::map<Digest, std::pair<uint64_t, int>> chains;   // chain -> (size, images using it)
    for (const auto& [id, img] : state.images) {
        const auto ids = chainIds(img);
        std::set<Digest> seen;
        for (size_t i = 0; i < ids.size(); ++i) {
            if (!seen.insert(ids[i]).second) continue;
            const auto layer = state.layers.find(img.layers[i]);
            auto& entry = chains[ids[i]];
            entry.first = layer == state.layers.end() ? 0 : layer->second.size;
            ++entry.second;
        }
    }
    for (const auto& [chain, entry] : chains) du.size += entry.first;
    uint64_t used = 0;
    for (const auto& [id, img] : state.images) {
        ++du.total;
        if (containersUsing(state, id).empty()) continue;
        ++du.active;
        uint64_t unique = 0;
        std::set<Digest> seen;
        for (const auto& c : chainIds(img))
            if (seen.insert(c).second && chains[c].second == 1) unique += chains[c].first;
        used += unique;
    }
    du.reclaimable = du.size - std::min(used, du.size);
    return du;
}

}   // namespace layerlab::engine
