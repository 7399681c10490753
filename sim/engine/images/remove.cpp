// image_remove: `docker tag`, `docker rmi` / `docker image rm`, `docker image
// prune`. The deletion rules are moby's daemon/images/image_delete.go
// (ImageDelete, imageDeleteHelper, checkImageDeleteConflict,
// isSingleReference); the output and exit codes are docker/cli's
// image/remove.go, image/tag.go and image/prune.go.
#include <algorithm>
#include <optional>

#include "sim/engine/docker_format.hpp"
#include "sim/engine/events/event_log.hpp"
#include "sim/engine/images/commands.hpp"
#include "sim/engine/images/filters.hpp"
#include "sim/engine/images/store.hpp"

namespace layerlab::engine {

namespace {

struct Record {
    bool deleted = false;   // "Deleted: x" vs "Untagged: x"
    std::string text;
};

struct DeleteResult {
    std::vector<Record> records;
    std::vector<Event> events;
    uint64_t reclaimed = 0;
    std::string error;   // "" on success (without "Error response from daemon: ")
    bool notFound = false;
};

// Every reference naming an image, familiar form: tags ("node:latest") and
// repo digests ("node@sha256:..."), sorted as the reference store sorts them.
std::vector<std::string> referencesOf(const State& s, const Image& img) {
    std::vector<std::string> refs = tagsOf(s, img.id);
    refs.insert(refs.end(), img.repoDigests.begin(), img.repoDigests.end());
    std::sort(refs.begin(), refs.end());
    return refs;
}

bool isCanonical(const std::string& ref) { return ref.find('@') != std::string::npos; }
std::string nameOfRef(const std::string& ref) {
    if (const auto at = ref.find('@'); at != std::string::npos) return ref.substr(0, at);
    const auto colon = ref.rfind(':');
    return colon == std::string::npos || ref.find('/', colon) != std::string::npos ? ref : ref.substr(0, colon);
}

bool isSingleReference(const std::vector<std::string>& refs) {
    if (refs.size() <= 1) return refs.size() == 1;
    std::string single;
    std::vector<std::string> canonicalNames;
    for (const auto& r : refs) {
        if (isCanonical(r)) canonicalNames.push_back(nameOfRef(r));
        else if (single.empty()) single = r;
        else return false;
    }
    if (single.empty()) single = refs.front();
    std::sort(canonicalNames.begin(), canonicalNames.end());
    canonicalNames.erase(std::unique(canonicalNames.begin(), canonicalNames.end()), canonicalNames.end());
    return canonicalNames.size() == 1 && canonicalNames.front() == nameOfRef(single);
}

void removeRef(State& s, Image& img, const std::string& ref, DeleteResult& r) {
    if (isCanonical(ref)) {
        img.repoDigests.erase(std::remove(img.repoDigests.begin(), img.repoDigests.end(), ref), img.repoDigests.end());
    } else {
        s.tags.erase(ref);
        events::image(s, img.id, img.id, "untag");
        r.events.push_back(ImageUntagged{img.id, ref});
    }
    r.records.push_back({false, ref});
}

enum Conflict : unsigned { DependentChild = 1, RunningContainer = 2, ActiveReference = 4, StoppedContainer = 8 };
constexpr unsigned kHard = DependentChild | RunningContainer;
constexpr unsigned kSoft = ActiveReference | StoppedContainer;

struct ConflictInfo {
    bool hard = false;
    bool used = false;
    std::string message;
};

std::optional<ConflictInfo> checkConflict(const State& s, const Image& img, unsigned mask) {
    if ((mask & DependentChild) && !childrenOf(s, img.id).empty())
        return ConflictInfo{true, false, "image has dependent child images"};
    if (mask & RunningContainer)
        for (const auto* c : containersUsing(s, img.id))
            if (isRunningForRmi(*c))
                return ConflictInfo{true, true, "image is being used by running container " + format::shortId(c->id)};
    if ((mask & ActiveReference) && !referencesOf(s, img).empty())
        return ConflictInfo{false, false, "image is referenced in multiple repositories"};
    if (mask & StoppedContainer)
        for (const auto* c : containersUsing(s, img.id))
            if (!isRunningForRmi(*c))
                return ConflictInfo{false, true, "image is being used by stopped container " + format::shortId(c->id)};
    return std::nullopt;
}

std::string conflictText(const Digest& id, const ConflictInfo& c) {
    return "conflict: unable to delete " + format::shortId(id) +
           (c.hard ? " (cannot be forced) - " : " (must be forced) - ") + c.message;
}

// imageDeleteHelper. Returns false with r.error set on a conflict that is reported.
bool deleteHelper(State& s, const Digest& id, bool force, bool prune, bool quiet, DeleteResult& r) {
    auto it = s.images.find(id);
    if (it == s.images.end()) return true;
    Image& img = it->second;
    if (const auto c = checkConflict(s, img, force ? kHard : kHard | kSoft)) {
        const bool dangling = referencesOf(s, img).empty() && childrenOf(s, id).empty();
        if (quiet && (!dangling || c->used)) return true;
        r.error = conflictText(id, *c);
        return false;
    }
    const Digest parent = img.parent;
    for (const auto& ref : referencesOf(s, img)) removeRef(s, img, ref, r);
    const auto layers = eraseImage(s, id);
    r.records.push_back({true, id});
    events::image(s, id, id, "delete");
    r.events.push_back(ImageRemoved{id});
    for (const auto& l : layers) {
        r.records.push_back({true, l.chainId});
        r.reclaimed += l.size;
    }
    if (!prune || parent.empty()) return true;
    return deleteHelper(s, parent, false, true, true, r) || true;   // pruning a parent never fails the command
}

// ImageDelete for one argument, on `s` (the caller's working copy).
DeleteResult deleteImage(State& s, const std::string& imageRef, bool force, bool prune) {
    DeleteResult r;
    const auto resolved = resolveImageRef(s, imageRef);
    if (!resolved.image) {
        r.error = resolved.error;
        r.notFound = resolved.notFound;
        return r;
    }
    const Digest id = resolved.image->id;
    Image& img = s.images.at(id);
    auto refs = referencesOf(s, img);
    bool removedRepositoryRef = false;
    if (!resolved.byId) {
        if (!force && isSingleReference(refs)) {
            const auto users = containersUsing(s, id);
            if (!users.empty()) {
                r.error = "conflict: unable to remove repository reference \"" + imageRef +
                          "\" (must force) - container " + format::shortId(users.front()->id) +
                          " is using its referenced image " + format::shortId(id);
                return r;
            }
        }
        const auto parsed = format::parseNormalizedNamed(imageRef);
        const std::string ref = !parsed.ref                  ? imageRef
                                : parsed.ref->digest.empty() ? parsed.ref->tagKey()
                                                             : parsed.ref->familiarName() + "@" + parsed.ref->digest;
        removeRef(s, img, ref, r);
        refs = referencesOf(s, img);
        if (!isCanonical(ref)) {
            const std::string name = nameOfRef(ref);
            bool tagLeft = false;
            for (const auto& x : refs)
                if (!isCanonical(x) && nameOfRef(x) == name) tagLeft = true;
            if (!tagLeft)
                for (const auto& x : refs)
                    if (isCanonical(x) && nameOfRef(x) == name) removeRef(s, img, x, r);
        }
        if (!referencesOf(s, img).empty()) return r;
        removedRepositoryRef = true;
    } else if (isSingleReference(refs)) {
        const unsigned mask = force ? kHard : kHard | (kSoft & ~ActiveReference);
        if (const auto c = checkConflict(s, img, mask)) {
            r.error = conflictText(id, *c);
            return r;
        }
        for (const auto& ref : refs) removeRef(s, img, ref, r);
    }
    deleteHelper(s, id, force, prune, removedRepositoryRef, r);
    return r;
}

}   // namespace

Outcome tagImageCommand(State& state, const TagOptions& options) {
    Outcome o;
    auto fail = [&](const std::string& msg) {
        o.err = msg + "\n";
        o.exitCode = 1;
        return o;
    };
    // The client validates both references before asking the daemon.
    std::string_view hex = options.source;
    if (hex.rfind("sha256:", 0) == 0) hex.remove_prefix(7);
    if (!format::isFullHexId(hex)) {
        const auto src = format::parseNormalizedNamed(options.source);
        if (!src.ref)
            return fail("Error parsing reference: \"" + options.source +
                        "\" is not a valid repository/tag: " + src.error);
    }
    const auto target = format::parseNormalizedNamed(options.target);
    if (!target.ref)
        return fail("Error parsing reference: \"" + options.target +
                    "\" is not a valid repository/tag: " + target.error);
    if (!target.ref->digest.empty()) return fail("refusing to create a tag with a digest reference");
    const auto resolved = resolveImageRef(state, options.source);
    if (!resolved.image) return fail("Error response from daemon: " + resolved.error);
    if (target.ref->familiarName() == "sha256")
        return fail("Error response from daemon: refusing to create an ambiguous tag using digest algorithm as name");
    const Digest id = resolved.image->id;
    o.events = tagImage(state, id, target.ref->tagKey());
    state.images.at(id).lastTagMs = state.clock.nowMs;
    events::image(state, id, target.ref->tagKey(), "tag");
    return o;
}

Outcome removeImages(State& state, const RemoveImagesOptions& options) {
    Outcome o;
    std::vector<std::string> errors;
    bool fatal = false;
    for (const auto& ref : options.images) {
        State work = state;   // each image is removed, or not, on its own
        DeleteResult r = deleteImage(work, ref, options.force, !options.noPrune);
        if (!r.error.empty()) {
            if (!r.notFound) fatal = true;
            errors.push_back("Error response from daemon: " + r.error);
            continue;
        }
        state = std::move(work);
        for (const auto& rec : r.records) o.out += (rec.deleted ? "Deleted: " : "Untagged: ") + rec.text + "\n";
        for (auto& e : r.events) o.events.push_back(std::move(e));
    }
    if (!errors.empty()) {
        std::string msg;
        for (const auto& e : errors) msg += e + "\n";
        o.err = msg;
        // docker/cli: with -f, "No such image" alone is not a failure.
        o.exitCode = (!options.force || fatal) ? 1 : 0;
    }
    return o;
}

Outcome pruneImages(State& state, const PruneImagesOptions& options) {
    Outcome o;
    std::vector<std::string> filterArgs = options.filters;
    const auto parsed = parseImageFilters(state, filterArgs, {"label", "label!", "until", "dangling"});
    if (!parsed.error.empty()) {
        std::string error = parsed.error;
        const std::string untilError = "failed to parse value as time or duration";
        if (const auto at = error.find(untilError); at != std::string::npos)
            error.insert(at, "invalid value for 'until' filter: ");
        o.err = error + "\n";
        o.exitCode = 1;
        return o;
    }
    if (!options.force) {
        o.out = options.all
                    ? "WARNING! This will remove all images without at least one container associated to them.\n"
                      "Are you sure you want to continue? [y/N] "
                    : "WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ";
        std::string answer = options.answer.value_or("");
        while (!answer.empty() && (answer.back() == ' ' || answer.back() == '\n' || answer.back() == '\r'))
            answer.pop_back();
        while (!answer.empty() && answer.front() == ' ') answer.erase(0, 1);
        if (answer != "y" && answer != "Y") return o;   // cancelled: exit 0, nothing more (docker/cli)
    }
    const bool danglingOnly = !options.all;
    std::vector<Digest> top;
    for (const auto& [id, img] : state.images) {
        const bool hasChildren = !childrenOf(state, id).empty();
        if (danglingOnly && hasChildren) continue;   // Heads()
        if (referencesOf(state, img).empty() && hasChildren) continue;   // intermediate image
        if (!parsed.filters.matchesTimeAndLabels(img)) continue;
        // No container check here: as in moby, images in use survive because
        // deleting them conflicts (and conflicts are skipped silently).
        top.push_back(id);
    }
    std::vector<Record> records;
    uint64_t reclaimed = 0;
    for (const auto& id : top) {
        const auto it = state.images.find(id);
        if (it == state.images.end()) continue;   // removed as a parent of an earlier one
        const auto refs = referencesOf(state, it->second);
        std::vector<std::string> targets;
        if (!refs.empty()) {
            bool hasTag = false;
            for (const auto& r : refs) hasTag = hasTag || !isCanonical(r);
            if (!danglingOnly || !hasTag) targets = refs;
        } else {
            targets.push_back(format::hexOf(id));
        }
        for (const auto& t : targets) {
            State work = state;
            DeleteResult r = deleteImage(work, t, false, true);
            if (!r.error.empty()) continue;   // conflicts are skipped silently
            state = std::move(work);
            records.insert(records.end(), r.records.begin(), r.records.end());
            reclaimed += r.reclaimed;
            for (auto& e : r.events) o.events.push_back(std::move(e));
        }
    }
    if (!records.empty()) {
        o.out += "Deleted Images:\n";
        for (const auto& rec : records) o.out += (rec.deleted ? "deleted: " : "untagged: ") + rec.text + "\n";
        o.out += "\n";
    }
    o.out += "Total reclaimed space: " + format::humanSizeWithPrecision(static_cast<double>(reclaimed), 4) + "\n";
    return o;
}

}   // namespace layerlab::engine
