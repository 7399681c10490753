// key_input_labels: what each row of keyInputRows() (build_record.hpp) is,
// so a front end can label it in the learner's language: "instruction" ->
// "명령어", "arg V" -> "빌드 인자 V"; file rows keep their path.
#pragma once
#include <string>
#include <vector>

#include "sim/engine/builder/build_record.hpp"

namespace layerlab::engine {

struct KeyInputRowKind {
    std::string kind;   // "instruction" "parent" "file" "arg" "env" "workdir" "user" "baseImage" "imageId"
        // "platform" "config"
    std::string name;   // file path / arg / env name ("" for the others)
};
// Parallel to keyInputRows(state, build, index): the same rows, in the same order.
std::vector<KeyInputRowKind> keyInputRowKinds(const State& state, const BuildRecord& build, size_t index);
// A row's label: English as keyInputRows gives it, or Korean.
std::string keyInputLabel(const KeyInputRow& row, const KeyInputRowKind& kind, bool ko);

}   // namespace layerlab::engine
