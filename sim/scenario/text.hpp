// LocalizedText: a string a learner reads, in English and Korean.
// Every learner-visible string in a scenario or lesson file is one of these.
#pragma once
#include <string>

namespace layerlab::scenario {

struct LocalizedText {
    std::string en;
    std::string ko;

    // "ko" picks Korean; anything else English.
    const std::string& in(const std::string& lang) const { return lang == "ko" ? ko : en; }
    bool empty() const { return en.empty() && ko.empty(); }
};

}   // namespace layerlab::scenario
