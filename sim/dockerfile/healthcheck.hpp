// Go's time.ParseDuration and strconv.ParseInt, for HEALTHCHECK's flags, so
// that their errors read exactly like BuildKit's.
#pragma once
#include <string>
#include <string_view>

namespace layerlab::dockerfile::detail {

struct DurationResult {
    bool ok = true;
    long double nanoseconds = 0;
    std::string error;   // `time: invalid duration "5x"`
};
DurationResult parseGoDuration(std::string_view s);

struct IntResult {
    bool ok = true;
    long long value = 0;
    std::string error;   // `strconv.ParseInt: parsing "x": invalid syntax`
};
IntResult parseGoInt32(std::string_view s);

}   // namespace layerlab::dockerfile::detail
