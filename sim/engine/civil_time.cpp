// civil_time: see the header.
#include "sim/engine/civil_time.hpp"

namespace layerlab::engine {

CivilTime civilFromMs(int64_t unixMs) {
    // Floor division, so times before the epoch land on the right day.
    int64_t days = unixMs / 86400000, rem = unixMs % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    CivilTime t;
    t.hour = static_cast<unsigned>(rem / 3600000);
    t.minute = static_cast<unsigned>(rem / 60000 % 60);
    t.second = static_cast<unsigned>(rem / 1000 % 60);
    t.millisecond = static_cast<unsigned>(rem % 1000);
    t.weekday = static_cast<unsigned>(((days % 7) + 11) % 7);
    // civil_from_days
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    t.day = doy - (153 * mp + 2) / 5 + 1;
    t.month = mp < 10 ? mp + 3 : mp - 9;
    t.year = static_cast<int64_t>(yoe) + era * 400 + (t.month <= 2 ? 1 : 0);
    return t;
}

int64_t msFromCivil(int64_t year, unsigned month, unsigned day, unsigned hour, unsigned minute, unsigned second) {
    // days_from_civil
    year -= month <= 2 ? 1 : 0;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const int64_t days = era * 146097 + static_cast<int64_t>(doe) - 719468;
    return ((days * 24 + hour) * 60 + minute) * 60000 + static_cast<int64_t>(second) * 1000;
}

}   // namespace layerlab::engine
