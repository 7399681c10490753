// names_generator: see the header. The word lists are LayerLab's own; the
// shape and the retry rules are Docker's.
#include "sim/engine/containers/names_generator.hpp"

#include <array>

#include "sim/engine/docker_format.hpp"

namespace layerlab::engine {
namespace {

constexpr std::array<std::string_view, 100> kAdjectives = {
    "admiring",    "adoring",       "affectionate", "agitated",      "amazing",    "angry",     "awesome",
    "beautiful",   "blissful",      "bold",         "boring",        "brave",      "busy",      "charming",
    "clever",      "compassionate", "competent",    "condescending", "confident",  "cool",      "cranky",
    "crazy",       "curious",       "dazzling",     "determined",    "distracted", "dreamy",    "eager",
    "earnest",     "ecstatic",      "elastic",      "elated",        "elegant",    "eloquent",  "epic",
    "exciting",    "fervent",       "festive",      "flamboyant",    "focused",    "friendly",  "frosty",
    "funny",       "gallant",       "gifted",       "goofy",         "gracious",   "great",     "happy",
    "hardcore",    "heuristic",     "hopeful",      "hungry",        "infallible", "inspiring", "intelligent",
    "interesting", "jolly",         "jovial",       "keen",          "kind",       "laughing",  "loving",
    "lucid",       "magical",       "modest",       "musing",        "mystifying", "naughty",   "nervous",
    "nice",        "nifty",         "nostalgic",    "objective",     "optimistic", "peaceful",  "pedantic",
    "pensive",     "practical",     "priceless",    "quirky",        "quizzical",  "relaxed",   "reverent",
    "romantic",    "sad",           "serene",       "sharp",         "silly",      "sleepy",    "stoic",
    "strange",     "stupefied",     "suspicious",   "sweet",         "tender",     "thirsty",   "trusting",
    "vibrant",     "wizardly",
};

constexpr std::array<std::string_view, 200> kSurnames = {
    "agnesi",      "albattani",  "allen",      "almeida",     "archimedes",    "aryabhata",     "austin",
    "babbage",     "banach",     "bardeen",    "bartik",      "bassi",         "bell",          "benz",
    "bhabha",      "bhaskara",   "black",      "blackburn",   "blackwell",     "bohr",          "booth",
    "borg",        "bose",       "boyd",       "brahmagupta", "brattain",      "brown",         "buck",
    "burnell",     "cannon",     "carson",     "cartwright",  "cerf",          "chandrasekhar", "chaplygin",
    "chatelet",    "chatterjee", "chebyshev",  "clarke",      "cohen",         "cori",          "cray",
    "curie",       "darwin",     "davinci",    "dewdney",     "dhawan",        "diffie",        "dijkstra",
    "dirac",       "driscoll",   "dubinsky",   "easley",      "edison",        "einstein",      "elbakyan",
    "elgamal",     "elion",      "ellis",      "engelbart",   "euclid",        "euler",         "faraday",
    "feistel",     "fermat",     "fermi",      "feynman",     "franklin",      "gagarin",       "galileo",
    "galois",      "ganguly",    "gates",      "gauss",       "germain",       "goldberg",      "goldstine",
    "goldwasser",  "goodall",    "gould",      "greider",     "grothendieck",  "hamilton",      "haslett",
    "hawking",     "heisenberg", "hellman",    "hermann",     "herschel",      "hertz",         "heyrovsky",
    "hodgkin",     "hofstadter", "hoover",     "hopper",      "hypatia",       "ishizaka",      "jackson",
    "jang",        "jemison",    "jennings",   "jepsen",      "johnson",       "joliot",        "jones",
    "kalam",       "kapitsa",    "kare",       "keldysh",     "keller",        "kepler",        "khayyam",
    "khorana",     "kilby",      "knuth",      "kowalevski",  "lalande",       "lamarr",        "lamport",
    "leakey",      "leavitt",    "lederberg",  "lehmann",     "lewin",         "liskov",        "lovelace",
    "lumiere",     "mahavira",   "margulis",   "matsumoto",   "maxwell",       "mayer",         "mccarthy",
    "mcclintock",  "mclaren",    "mclean",     "mcnulty",     "meitner",       "mendel",        "mendeleev",
    "merkle",      "mirzakhani", "montalcini", "moore",       "morse",         "moser",         "murdock",
    "napier",      "nash",       "neumann",    "newton",      "nightingale",   "nobel",         "noether",
    "northcutt",   "noyce",      "panini",     "pare",        "pascal",        "pasteur",       "payne",
    "perlman",     "pike",       "poincare",   "poitras",     "proskuriakova", "ptolemy",       "raman",
    "ramanujan",   "rhodes",     "ride",       "ritchie",     "robinson",      "roentgen",      "rosalind",
    "rubin",       "saha",       "sammet",     "sanderson",   "satoshi",       "shamir",        "shannon",
    "shaw",        "shirley",    "shockley",   "sinoussi",    "snyder",        "solomon",       "spence",
    "stonebraker", "sutherland", "swanson",    "swartz",      "swirles",       "taussig",       "tesla",
    "tharp",       "thompson",   "torvalds",   "wozniak",
};

}   // namespace

size_t nameAdjectiveCount() { return kAdjectives.size(); }
size_t nameSurnameCount() { return kSurnames.size(); }

std::string randomName(Rng& rng, int retry) {
    for (;;) {
        std::string name(kAdjectives[rng.below(kAdjectives.size())]);
        name += '_';
        name += kSurnames[rng.below(kSurnames.size())];
        // Steve Wozniak is not boring (Docker's own rule).
        if (name == "boring_wozniak") continue;
        if (retry > 0) name += static_cast<char>('0' + rng.below(10));
        return name;
    }
}

std::string generateContainerName(State& state, std::string_view containerId) {
    auto taken = [&](const std::string& name) {
        for (const Container& c : state.containers)
            if (c.name == name) return true;
        return false;
    };
    for (int retry = 0; retry < 6; ++retry) {
        std::string name = randomName(state.rng, retry);
        if (!taken(name)) return name;
    }
    return format::shortId(containerId);
}

std::string validateContainerName(std::string_view name) {
    std::string_view n = name;
    if (!n.empty() && n.front() == '/') n.remove_prefix(1);
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    bool ok = n.size() >= 2 && alnum(n.front());
    for (size_t i = 1; ok && i < n.size(); ++i) ok = alnum(n[i]) || n[i] == '_' || n[i] == '.' || n[i] == '-';
    if (ok) return "";
    return "Invalid container name (" + std::string(name) + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed";
}

}   // namespace layerlab::engine
